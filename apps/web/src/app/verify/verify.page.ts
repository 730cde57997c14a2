import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { Icon } from '../shared/icons/icon.component';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { EventWhen } from '../events/event-when.component';
import { LanguageService } from '../i18n/language.service';
import { LiveError } from '../shared/live-error.component';
import { SignedOutPage } from '../shell/signed-out-page.component';
import { VerifyStore } from './verify.store';

/**
 * The public page a certificate's QR code and printed address lead to: anyone, without signing
 * in, learns whether the certificate is genuine, whose it is, for which event, and whether it
 * was revoked.
 */
@Component({
  selector: 'cv-verify-page',
  imports: [
    MatCardModule,
    Icon,
    MatProgressBarModule,
    TranslocoPipe,
    EventWhen,
    LiveError,
    SignedOutPage,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './verify.page.html',
  styleUrl: './verify.page.scss',
})
export class VerifyPage {
  readonly slug = input.required<string>();
  readonly code = input.required<string>();

  protected readonly store = inject(VerifyStore);
  private readonly language = inject(LanguageService).language;

  /** When it was issued (and revoked), as dates in the reader's language. */
  protected readonly dates = computed(() => {
    const certificate = this.store.certificate();
    if (!certificate) return null;
    const format = new Intl.DateTimeFormat(this.language(), { dateStyle: 'long' });
    return {
      issued: format.format(new Date(certificate.issuedAt)),
      revoked: certificate.revokedAt ? format.format(new Date(certificate.revokedAt)) : null,
    };
  });

  constructor() {
    effect(() => {
      const check = { slug: this.slug(), code: this.code() };
      untracked(() => this.store.check(check));
    });
  }
}

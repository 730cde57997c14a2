import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { TranslocoPipe } from '@jsverse/transloco';
import { SignedOutPage } from '../shell/signed-out-page.component';

/** The sign-in pages' layout: one card in the signed-out frame. */
@Component({
  selector: 'cv-auth-layout',
  imports: [MatCardModule, TranslocoPipe, SignedOutPage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './auth-layout.component.html',
  styleUrl: './auth-layout.component.scss',
})
export class AuthLayout {
  /** Translation key of the card's heading. */
  readonly titleKey = input.required<string>();
  readonly subtitleKey = input<string | null>(null);
  readonly subtitleParams = input<Record<string, unknown>>({});
}

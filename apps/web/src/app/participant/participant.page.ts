import type { ParticipantDocuments } from '@convene/contracts';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type {
  ConsentWithdrawalResult,
  ParticipantPageView,
  ProblemDetails,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { fetched } from '../documents/fetched';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { LiveError } from '../shared/live-error.component';
import { LocalDatePipe } from '../shared/local-format';
import { SignedOutPage } from '../shell/signed-out-page.component';
import { isLinkProblem, LinkProblemPage } from './link-problem.component';
import { ParticipantApi } from './participant.api';
import { ParticipantEventSummary } from './participant-event.component';
import { openInParticipantLanguage } from './participant-language';

/**
 * The participant page: the event and its agenda, where the participant stands, their needs,
 * the calendar file, the check-in QR code to show at the door, the certificate once issued, and
 * the consent given for them, which they may withdraw here (docs/privacy.md, "Consent").
 */
@Component({
  selector: 'cv-participant-page',
  imports: [
    LocalDatePipe,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoPipe,
    LiveError,
    SignedOutPage,
    LinkProblemPage,
    ParticipantEventSummary,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './participant.page.html',
  styleUrl: './participant.page.scss',
})
export class ParticipantPage {
  readonly token = input.required<string>();

  private readonly api = inject(ParticipantApi);
  protected readonly language = inject(LanguageService).language;

  protected readonly view = fetched<ParticipantPageView>(() => this.api.pagePath(this.token()));
  /** The event's documents shared with its participants (signed download links). */
  protected readonly documents = fetched<ParticipantDocuments>(() =>
    this.view.hasValue() ? this.api.documentsPath(this.token()) : undefined,
  );
  protected readonly loadProblem = computed<ProblemDetails | null>(() =>
    this.view.error() ? toProblem(this.view.error()) : null,
  );
  protected readonly linkProblem = computed(() => {
    const problem = this.loadProblem();
    return problem && isLinkProblem(problem) ? problem : null;
  });
  protected readonly calendarPath = computed(() => this.api.calendarPath(this.token()));
  protected readonly qrPath = computed(() => this.api.checkInQrPath(this.token()));
  protected readonly certificatePath = computed(() => this.api.certificatePath(this.token()));

  /** One word for where the participant stands: the officer's decision, then their answer. */
  protected readonly standing = computed(() => {
    if (!this.view.hasValue()) return null;
    const { status, confirmation } = this.view.value();
    if (status === 'approved') return confirmation ?? 'pending';
    return status === 'declined' ? 'notSelected' : status;
  });

  /** The withdrawal of consent: asked, then confirmed, then what it did. */
  protected readonly withdrawal = signal<'idle' | 'asking' | 'sending'>('idle');
  protected readonly withdrawn = signal<ConsentWithdrawalResult['outcome'] | null>(null);
  protected readonly withdrawalProblem = signal<ProblemDetails | null>(null);
  /** Whether a consent is given and not withdrawn: then it may be withdrawn. */
  protected readonly consentStands = computed(
    () =>
      this.view.hasValue() &&
      this.view.value().consents.some((consent) => consent.withdrawnAt === null),
  );
  protected readonly eventEnded = computed(
    () => this.view.hasValue() && Date.parse(this.view.value().event.endsAt) <= Date.now(),
  );

  /**
   * A text version ("2026-12") as one left-to-right word: a narrow Arabic line broke it at the
   * hyphen and showed "-2026" above "12". Left-to-right isolate, non-breaking hyphens.
   */
  protected unbroken(version: string): string {
    return `\u2066${version.replaceAll('-', '\u2011')}\u2069`;
  }

  protected async withdrawConsent(): Promise<void> {
    if (this.withdrawal() === 'sending') return;
    this.withdrawal.set('sending');
    this.withdrawalProblem.set(null);
    try {
      const result = await firstValueFrom(this.api.withdrawConsent(this.token()));
      this.withdrawn.set(result.outcome);
    } catch (error) {
      this.withdrawalProblem.set(toProblem(error));
    } finally {
      this.withdrawal.set('idle');
    }
  }

  constructor() {
    openInParticipantLanguage(
      computed(() =>
        this.view.hasValue() ? this.view.value().participant.preferredLanguage : null,
      ),
    );
  }
}

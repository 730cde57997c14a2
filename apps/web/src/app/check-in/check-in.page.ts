import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  type CheckInEntry,
  type ProblemDetails,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { EmptyState } from '../shared/empty-state.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import { LoadMore } from '../shared/load-more.component';
import { checkInCodeOf, normalizeCheckInCode } from './check-in-code';
import { CheckInStore } from './check-in.store';
import { QrScanner } from './qr-scanner.component';

/** What the last code (scanned or typed) did, said where the officer is looking. */
type Outcome =
  | { kind: 'checked-in'; name: string }
  | { kind: 'unknown' }
  | { kind: 'not-a-code' }
  | { kind: 'problem'; problem: ProblemDetails };

/** Icons of the attendance statuses, beside their words. */
const STATUS_ICONS: Record<AttendanceStatus, 'check_circle' | 'timelapse' | 'cancel'> = {
  attended: 'check_circle',
  partly: 'timelapse',
  absent: 'cancel',
};

/**
 * Check-in at the door of an event, on a phone as on a desk: pick the day, then tick people by
 * name, scan the QR code of their participant page with the camera, or type its code.
 */
@Component({
  selector: 'cv-check-in-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    EmptyState,
    LiveError,
    LoadMore,
    QrScanner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './check-in.page.html',
  styleUrl: './check-in.page.scss',
})
export class CheckInPage {
  readonly eventId = input.required<string>();

  protected readonly store = inject(CheckInStore);
  protected readonly statuses = ATTENDANCE_STATUSES;
  protected readonly statusIcons = STATUS_ICONS;
  private readonly language = inject(LanguageService).language;

  /** What is typed in the code field, and whether a submission found it is no code. */
  protected readonly code = signal('');
  protected readonly codeInvalid = signal(false);
  protected readonly search = signal('');
  protected readonly scanning = signal(false);
  protected readonly outcome = signal<Outcome | null>(null);
  protected readonly checkingIn = signal(false);
  protected readonly certificates = signal<{ issued: number } | { problem: ProblemDetails } | null>(
    null,
  );
  private searchTimer: ReturnType<typeof setTimeout> | null = null;

  /** The event's days, named in the interface's language ("Monday 10 May"). */
  protected readonly days = computed(() => {
    const event = this.store.event();
    if (!event) return [];
    const format = new Intl.DateTimeFormat(this.language(), {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    });
    return event.days.map((day) => ({ day, label: format.format(new Date(`${day}T12:00:00Z`)) }));
  });

  constructor() {
    effect(() => {
      const id = this.eventId();
      untracked(() => this.store.open(id));
    });
  }

  protected chooseDay(day: string): void {
    this.outcome.set(null);
    this.store.chooseDay(day);
  }

  protected searchChanged(text: string): void {
    this.search.set(text);
    if (this.searchTimer) clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.store.search(text), 250);
  }

  protected codeChanged(text: string): void {
    this.code.set(text);
    this.codeInvalid.set(false);
  }

  protected async submitCode(event: Event): Promise<void> {
    event.preventDefault();
    const code = normalizeCheckInCode(this.code());
    if (!/^[0-9A-HJKMNP-TV-Z]{10}$/.test(code)) {
      this.codeInvalid.set(true);
      return;
    }
    if (await this.checkIn(code)) this.code.set('');
  }

  protected async scanned(text: string): Promise<void> {
    const code = checkInCodeOf(text);
    if (!code) {
      this.outcome.set({ kind: 'not-a-code' });
      return;
    }
    await this.checkIn(code);
  }

  protected async mark(entry: CheckInEntry, status: AttendanceStatus): Promise<void> {
    try {
      await this.store.mark(entry, status);
    } catch (problem) {
      this.outcome.set({ kind: 'problem', problem: problem as ProblemDetails });
    }
  }

  protected async issueCertificates(): Promise<void> {
    try {
      const result = await this.store.issueCertificates();
      this.certificates.set({ issued: result.issued });
      this.store.reload();
    } catch (problem) {
      this.certificates.set({ problem: problem as ProblemDetails });
    }
  }

  protected issuedCount(result: { issued: number } | { problem: ProblemDetails }): number | null {
    return 'issued' in result ? result.issued : null;
  }

  protected issueProblem(
    result: { issued: number } | { problem: ProblemDetails },
  ): ProblemDetails | null {
    return 'problem' in result ? result.problem : null;
  }

  private async checkIn(code: string): Promise<boolean> {
    this.checkingIn.set(true);
    try {
      const entry = await this.store.checkIn(code);
      this.outcome.set({ kind: 'checked-in', name: entry.name });
      return true;
    } catch (problem) {
      const details = problem as ProblemDetails;
      this.outcome.set(
        details.status === 404 ? { kind: 'unknown' } : { kind: 'problem', problem: details },
      );
      return false;
    } finally {
      this.checkingIn.set(false);
    }
  }
}

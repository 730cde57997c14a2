import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  type EventSummary,
  type Page,
  type ProblemDetails,
  REQUEST_MESSAGE_MAX,
  REQUEST_REASON_MAX,
  REQUEST_STATUSES,
  type RequestAction,
  type RequestDetail,
  type RequestStatus,
  type TenantMember,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { firstValueFrom } from 'rxjs';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { fetched } from '../documents/fetched';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { MemberStateNamePipe } from '../member-states/member-state-name.pipe';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';
import { EmptyState } from '../shared/empty-state.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { Icon } from '../shared/icons/icon.component';
import { LiveError } from '../shared/live-error.component';
import { LocalDatePipe } from '../shared/local-format';
import { Notifier } from '../shared/notifier.service';
import { citation } from '../recommendations/recommendation-labels';
import { daysAndHours, REQUEST_STATUS_ICONS } from './request-labels';
import { RequestStatusChip } from './request-status.component';
import { RequestsApi } from './requests.api';

/** Steps that ask the officer why: the State reads it. */
const WITH_REASON: readonly RequestAction[] = ['request_information', 'decline', 'move'];

/**
 * One request: what the State asks, the thread both sides see (and, for officers, their internal
 * notes), its history with the time spent in each status, the events that answer it, and the
 * steps the person may take, its files (officers attach theirs here), and the gaps of the
 * State's validated needs assessment its linked events address (docs/requests.md).
 */
@Component({
  selector: 'cv-request-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    Icon,
    EmptyState,
    LiveError,
    LocalDatePipe,
    MemberStateNamePipe,
    RequestStatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './request.page.html',
  styleUrl: './request.page.scss',
})
export class RequestPage {
  readonly requestId = input.required<string>();

  private readonly api = inject(RequestsApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService).language;
  private readonly membership = inject(Store).selectSignal(selectCurrentMembership);
  protected readonly tenant = computed(() => this.membership()?.tenant.slug ?? '');
  protected readonly icons = REQUEST_STATUS_ICONS;
  protected readonly statuses = REQUEST_STATUSES.filter((status) => status !== 'draft');
  protected readonly reasonMax = REQUEST_REASON_MAX;
  protected readonly messageMax = REQUEST_MESSAGE_MAX;
  protected readonly duration = daysAndHours;
  protected readonly cite = citation;

  protected readonly loaded = fetched<RequestDetail>(() =>
    this.tenant()
      ? `${this.api.base(this.tenant())}/${encodeURIComponent(this.requestId())}`
      : undefined,
  );
  /** The request as the last answer had it (a step's answer replaces the loaded one). */
  private readonly updated = signal<RequestDetail | null>(null);
  protected readonly request = computed<RequestDetail | null>(() => {
    const fresh = this.updated();
    if (fresh && fresh.id === this.requestId()) return fresh;
    return this.loaded.hasValue() ? this.loaded.value() : null;
  });
  protected readonly loadProblem = computed(() =>
    this.loaded.error() ? toProblem(this.loaded.error()) : null,
  );

  /** The officers pick from the tenant's officers and experts, and its events. */
  private readonly manages = computed(
    () => this.membership()?.permissions.includes('requests.manage') ?? false,
  );
  protected readonly officers = fetched<Page<TenantMember>>(() =>
    this.manages()
      ? `/api/t/${encodeURIComponent(this.tenant())}/members?status=active&limit=100`
      : undefined,
  );
  protected readonly officerOptions = computed(() =>
    this.officers.hasValue()
      ? this.officers
          .value()
          .items.filter((m) => m.role === 'programme_officer' || m.role === 'tenant_admin')
      : [],
  );
  protected readonly expertOptions = computed(() =>
    this.officers.hasValue() ? this.officers.value().items.filter((m) => m.role === 'expert') : [],
  );
  protected readonly events = fetched<Page<EventSummary>>(() =>
    this.manages()
      ? `/api/t/${encodeURIComponent(this.tenant())}/events?limit=100&sort=-starts_at`
      : undefined,
  );
  protected readonly linkableEvents = computed(() => {
    const linked = new Set(this.request()?.events.map((event) => event.id) ?? []);
    return this.events.hasValue()
      ? this.events.value().items.filter((event) => !linked.has(event.id))
      : [];
  });

  protected readonly pending = signal<RequestAction | null>(null);
  protected readonly working = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly reason = new FormControl('', { nonNullable: true });
  protected readonly moveTo = new FormControl<RequestStatus | null>(null);
  protected readonly message = new FormControl('', { nonNullable: true });
  protected readonly internal = new FormControl(false, { nonNullable: true });
  protected readonly officer = new FormControl<string | null>(null);
  protected readonly reviewer = new FormControl<string | null>(null);
  protected readonly eventToLink = new FormControl<string | null>(null);

  protected readonly needsReason = computed(() => {
    const action = this.pending();
    return !!action && WITH_REASON.includes(action);
  });

  constructor() {
    inject(MemberStatesCatalog).ensureLoaded();
  }

  protected choose(action: RequestAction): void {
    this.problem.set(null);
    this.reason.setValue('');
    this.moveTo.setValue(null);
    if (WITH_REASON.includes(action)) this.pending.set(action);
    else void this.step(action);
  }

  protected cancelStep(): void {
    this.pending.set(null);
  }

  protected async step(action: RequestAction): Promise<void> {
    const request = this.request();
    if (!request) return;
    const reason = this.reason.value.trim();
    await this.act(
      () =>
        this.api.transition(this.tenant(), request.id, {
          action,
          version: request.version,
          ...(reason ? { reason } : {}),
          ...(action === 'move' && this.moveTo.value ? { to: this.moveTo.value } : {}),
        }),
      `requests.done.${action}`,
    );
    this.pending.set(null);
  }

  protected async send(): Promise<void> {
    const request = this.request();
    const body = this.message.value.trim();
    if (!request || !body) return;
    const internal = this.internal.value;
    const ok = await this.act(
      () => this.api.message(this.tenant(), request.id, { body, internal }),
      internal ? 'requests.thread.noted' : 'requests.thread.sent',
    );
    if (ok) {
      this.message.setValue('');
      this.internal.setValue(false);
    }
  }

  protected async assign(): Promise<void> {
    const request = this.request();
    if (!request) return;
    await this.act(
      () =>
        this.api.assign(this.tenant(), request.id, {
          responsibleOfficerId: this.officer.value,
          expertReviewerId: this.reviewer.value,
          version: request.version,
        }),
      'requests.assignment.saved',
    );
  }

  protected startAssigning(): void {
    const request = this.request();
    this.officer.setValue(request?.responsibleOfficer?.id ?? null);
    this.reviewer.setValue(request?.expertReviewer?.id ?? null);
  }

  protected async link(): Promise<void> {
    const request = this.request();
    const eventId = this.eventToLink.value;
    if (!request || !eventId) return;
    if (
      await this.act(
        () => this.api.linkEvent(this.tenant(), request.id, eventId),
        'requests.events.linked',
      )
    ) {
      this.eventToLink.setValue(null);
    }
  }

  protected async unlink(eventId: string): Promise<void> {
    const request = this.request();
    if (!request) return;
    await this.act(
      () => this.api.unlinkEvent(this.tenant(), request.id, eventId),
      'requests.events.unlinked',
    );
  }

  /** An officers' file (PDF or DOCX), which the State's focal points read. */
  protected async attach(files: FileList | null): Promise<void> {
    const request = this.request();
    const file = files?.[0];
    if (!request || !file) return;
    await this.act(
      () => this.api.attach(this.tenant(), request.id, file, 'officer'),
      'requests.attachments.added',
    );
  }

  protected async detach(attachmentId: string): Promise<void> {
    const request = this.request();
    if (!request) return;
    await this.act(
      () => this.api.detach(this.tenant(), request.id, attachmentId, 'officer'),
      'requests.attachments.removed',
    );
  }

  /** A new draft event prefilled from the request, opened for the officer to complete. */
  protected async createEvent(): Promise<void> {
    const request = this.request();
    if (!request) return;
    this.working.set(true);
    this.problem.set(null);
    try {
      const event = await firstValueFrom(this.api.createEvent(this.tenant(), request.id));
      this.notifier.success('requests.events.created', { title: event.title });
      await this.router.navigate(['/t', this.tenant(), 'events', event.id, 'edit']);
    } catch (error: unknown) {
      this.problem.set(toProblem(error));
    } finally {
      this.working.set(false);
    }
  }

  private async act(call: () => ReturnType<RequestsApi['get']>, doneKey: string): Promise<boolean> {
    this.working.set(true);
    this.problem.set(null);
    try {
      this.updated.set(await firstValueFrom(call()));
      this.notifier.success(doneKey);
      return true;
    } catch (error: unknown) {
      this.problem.set(toProblem(error));
      return false;
    } finally {
      this.working.set(false);
    }
  }
}

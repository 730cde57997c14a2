import { HttpClient, type HttpResponse } from '@angular/common/http';
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
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type {
  ErasureDone,
  ErasurePreview,
  PeopleSearchResult,
  PersonHit,
  PersonSummary,
  PrivacyRequest,
  PrivacyRequestPage,
  ProblemDetails,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { fetched } from '../documents/fetched';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { Icon } from '../shared/icons/icon.component';
import { LiveError } from '../shared/live-error.component';
import { LocalDatePipe } from '../shared/local-format';
import { Notifier } from '../shared/notifier.service';

/** The groups of a person's record, as counted on the page. */
const GROUPS = [
  'nominations',
  'attendance',
  'consents',
  'certificates',
  'documents',
  'mail',
] as const;

/**
 * A person's data on request (docs/privacy.md): a tenant admin finds a person across the
 * tenant, sees what is held about them, exports it (JSON or PDF) with the reason asked, and
 * erases it now, after reading what will go and what stays.
 */
@Component({
  selector: 'cv-people-page',
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
    TranslocoPipe,
    Icon,
    LiveError,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button routerLink=".." class="back">
      <mat-icon svgIcon="arrow_back" aria-hidden="true" />
      {{ 'settings.title' | transloco }}
    </a>
    <h1 class="cv-page-title">{{ 'privacy.people.title' | transloco }}</h1>
    <p class="cv-page-intro">{{ 'privacy.people.intro' | transloco }}</p>

    <mat-card appearance="outlined" class="cv-panel">
      <form role="search" (submit)="$event.preventDefault(); find()" class="find">
        <mat-form-field class="find-field">
          <mat-label>{{ 'privacy.people.find' | transloco }}</mat-label>
          <input matInput type="search" data-testid="people-q" [formControl]="q" />
          <mat-hint>{{ 'privacy.people.findHint' | transloco }}</mat-hint>
        </mat-form-field>
        <button mat-flat-button type="submit">{{ 'privacy.people.search' | transloco }}</button>
      </form>
      @if (results.isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      } @else if (results.hasValue()) {
        @if (results.value().items.length === 0) {
          <p role="status">{{ 'privacy.people.none' | transloco }}</p>
        } @else {
          <ul class="hits" data-testid="people-hits">
            @for (hit of results.value().items; track hit.kind + hit.id) {
              <li>
                <button
                  mat-button
                  type="button"
                  class="hit"
                  [attr.aria-pressed]="chosen()?.id === hit.id && chosen()?.kind === hit.kind"
                  (click)="choose(hit)"
                >
                  <span class="hit-name"
                    ><bdi>{{ hit.name }}</bdi></span
                  >
                  <span class="hit-meta">
                    <bdi dir="ltr">{{ hit.email }}</bdi> ·
                    @if (hit.kind === 'participant') {
                      {{ 'privacy.people.participantOf' | transloco: { count: hit.events } }}
                    } @else {
                      {{ 'roles.' + hit.role | transloco }}
                    }
                    @if (hit.anonymised) {
                      · {{ 'privacy.people.anonymised' | transloco }}
                    }
                  </span>
                </button>
              </li>
            }
          </ul>
        }
      }
    </mat-card>

    @if (chosen(); as person) {
      <mat-card appearance="outlined" class="cv-panel" data-testid="person">
        <h2 class="cv-panel-title">
          <bdi>{{ person.name }}</bdi>
        </h2>
        @if (summary.error()) {
          <cv-live-error [problem]="summaryProblem()" />
        } @else if (summary.hasValue()) {
          @let record = summary.value();
          <p>
            <bdi dir="ltr">{{ record.account.email }}</bdi> ·
            {{ 'privacy.people.kinds.' + record.account.kind | transloco }} ·
            {{
              'privacy.people.since'
                | transloco
                  : { date: (record.account.createdAt | localDate: 'mediumDate' : language()) }
            }}
          </p>
          <ul class="counts" data-testid="person-counts">
            @for (group of groups; track group) {
              <li>
                {{ 'privacy.people.groups.' + group | transloco }}:
                <strong>{{ record[group].length }}</strong>
              </li>
            }
            <li>
              {{ 'privacy.people.groups.audit' | transloco }}:
              <strong>{{ record.audit.byThem.length + record.audit.aboutThem.length }}</strong>
            </li>
          </ul>
          @if (record.nominations.length > 0) {
            <h3>{{ 'privacy.people.groups.nominations' | transloco }}</h3>
            <ul class="rows">
              @for (nomination of record.nominations; track nomination.id) {
                <li>
                  <bdi>{{ nomination.eventTitle }}</bdi> ·
                  {{ nomination.startsAt | localDate: 'mediumDate' : language() }} ·
                  {{ 'participation.nominationStatuses.' + nomination.status | transloco }}
                </li>
              }
            </ul>
          }

          <section class="action" aria-labelledby="export-title">
            <h3 id="export-title">{{ 'privacy.people.export.title' | transloco }}</h3>
            <p>{{ 'privacy.people.export.intro' | transloco }}</p>
            <mat-form-field class="reason">
              <mat-label>{{ 'privacy.people.reason' | transloco }}</mat-label>
              <input matInput data-testid="export-reason" [formControl]="exportReason" />
              <mat-hint>{{ 'privacy.people.reasonHint' | transloco }}</mat-hint>
            </mat-form-field>
            <cv-live-error [problem]="exportProblem()" />
            <div class="buttons">
              <button
                mat-stroked-button
                type="button"
                [disabled]="busy()"
                (click)="exportAs('pdf')"
              >
                <mat-icon svgIcon="download" aria-hidden="true" />
                {{ 'privacy.people.export.pdf' | transloco }}
              </button>
              <button
                mat-stroked-button
                type="button"
                [disabled]="busy()"
                (click)="exportAs('json')"
              >
                <mat-icon svgIcon="download" aria-hidden="true" />
                {{ 'privacy.people.export.json' | transloco }}
              </button>
            </div>
          </section>

          <section class="action" aria-labelledby="erase-title">
            <h3 id="erase-title">{{ 'privacy.people.erase.title' | transloco }}</h3>
            @if (erased(); as done) {
              <p role="status" data-testid="erased">
                {{ 'privacy.people.erase.done' | transloco }}
              </p>
            } @else if (preview.hasValue()) {
              @let plan = preview.value();
              @if (plan.refusal) {
                <p role="status">
                  {{ 'privacy.people.erase.refusals.' + plan.refusal | transloco }}
                </p>
              } @else {
                <p>{{ 'privacy.people.erase.goes' | transloco }}</p>
                <ul class="rows" data-testid="erasure-goes">
                  @for (item of plan.goes; track item.what) {
                    <li>
                      {{
                        'privacy.people.erase.items.' + item.what | transloco: { count: item.count }
                      }}
                    </li>
                  }
                </ul>
                <p>{{ 'privacy.people.erase.stays' | transloco }}</p>
                @if (plan.kind === 'member') {
                  <p>{{ 'privacy.people.erase.account' | transloco }}</p>
                }
                <mat-form-field class="reason">
                  <mat-label>{{ 'privacy.people.reason' | transloco }}</mat-label>
                  <input matInput data-testid="erase-reason" [formControl]="eraseReason" />
                </mat-form-field>
                <mat-checkbox [formControl]="eraseConfirmed" data-testid="erase-confirm">
                  {{ 'privacy.people.erase.confirm' | transloco }}
                </mat-checkbox>
                <cv-live-error [problem]="eraseProblem()" />
                <div class="buttons">
                  <button
                    mat-flat-button
                    type="button"
                    class="danger"
                    [disabled]="busy()"
                    (click)="erase()"
                  >
                    {{ 'privacy.people.erase.submit' | transloco }}
                  </button>
                </div>
              }
            }
          </section>
        } @else {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
        }
      </mat-card>
    }

    <mat-card appearance="outlined" class="cv-panel" data-testid="privacy-requests">
      <h2 class="cv-panel-title">{{ 'privacy.people.requests.title' | transloco }}</h2>
      <p>{{ 'privacy.people.requests.intro' | transloco }}</p>
      <cv-live-error [problem]="requestsProblem()" />
      @if (requests().length === 0 && !requestsLoading()) {
        <p role="status">{{ 'privacy.people.requests.none' | transloco }}</p>
      } @else {
        <ul class="requests">
          @for (request of requests(); track request.id) {
            <li>
              <span class="request-head">
                <strong>{{ 'privacy.people.requests.kinds.' + request.kind | transloco }}</strong>
                · {{ request.requestedAt | localDate: 'medium' : language() }}
              </span>
              <span>
                {{ 'privacy.people.kinds.' + request.subject.kind | transloco }}
                <bdi dir="ltr" class="reference">{{ request.subject.reference }}</bdi>
                @if (request.subject.name; as name) {
                  · <bdi>{{ name }}</bdi>
                } @else {
                  · {{ 'privacy.people.requests.erased' | transloco }}
                }
              </span>
              <span class="request-meta">
                {{ 'privacy.people.requests.by' | transloco: { name: request.requestedBy.name } }}
                · <bdi>{{ request.reason }}</bdi>
              </span>
            </li>
          }
        </ul>
      }
      @if (requestsLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      } @else if (nextRequests()) {
        <button mat-stroked-button type="button" (click)="loadRequests()">
          {{ 'privacy.people.requests.more' | transloco }}
        </button>
      }
    </mat-card>
  `,
  styles: `
    :host {
      display: grid;
      gap: 16px;
    }
    .back {
      justify-self: start;
    }
    mat-card {
      max-inline-size: 60rem;
    }
    .find {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: flex-start;
    }
    .find-field {
      flex: 1 1 16rem;
      max-inline-size: 32rem;
    }
    .hits,
    .rows,
    .counts {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .hits {
      display: grid;
      gap: 4px;
      margin-block-start: 8px;
    }
    /* A list of hits, not centred labels: each line starts where the page's text does (the
       right in Arabic). The name is isolated inside a block of the page's direction: a block
       <bdi> would take the name's own direction and align a Latin name to the left. */
    .hit {
      display: block;
      justify-content: flex-start;
      inline-size: 100%;
      block-size: auto;
      padding-block: 8px;
      text-align: start;
      white-space: normal;
    }
    .hit-name {
      display: block;
      font-weight: 600;
    }
    .hit-meta {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
    }
    .rows {
      display: grid;
      gap: 4px;
    }
    .action {
      margin-block-start: 24px;
      max-inline-size: 40rem;
    }
    .reason {
      display: block;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-block-start: 8px;
    }
    .requests {
      list-style: none;
      padding: 0;
      margin: 0 0 8px;
      display: grid;
      gap: 12px;
    }
    .requests li {
      display: grid;
      gap: 2px;
      overflow-wrap: anywhere;
    }
    .request-meta {
      color: var(--mat-sys-on-surface-variant);
    }
    .reference {
      font-family: var(--cv-mono, monospace);
    }
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class PeoplePage {
  readonly tenant = input.required<string>();

  private readonly http = inject(HttpClient);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService).language;
  protected readonly groups = GROUPS;

  private readonly base = computed(() => `/api/t/${this.tenant()}/privacy/people`);
  protected readonly q = new FormControl('', { nonNullable: true });
  private readonly asked = signal<string | null>(null);
  protected readonly results = fetched<PeopleSearchResult>(() => {
    const q = this.asked();
    return q ? `${this.base()}?q=${encodeURIComponent(q)}` : undefined;
  });

  protected readonly chosen = signal<PersonHit | null>(null);
  private readonly personPath = computed(() => {
    const person = this.chosen();
    return person ? `${this.base()}/${person.kind}/${person.id}` : undefined;
  });
  protected readonly summary = fetched<PersonSummary>(() => this.personPath());
  protected readonly preview = fetched<ErasurePreview>(() => {
    const path = this.personPath();
    return path && !this.erased() ? `${path}/erasure` : undefined;
  });
  protected readonly summaryProblem = computed(() =>
    this.summary.error() ? toProblem(this.summary.error()) : null,
  );

  protected readonly exportReason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required],
  });
  protected readonly eraseReason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required],
  });
  protected readonly eraseConfirmed = new FormControl(false, {
    nonNullable: true,
    validators: [Validators.requiredTrue],
  });
  protected readonly busy = signal(false);
  protected readonly exportProblem = signal<ProblemDetails | null>(null);
  protected readonly eraseProblem = signal<ProblemDetails | null>(null);
  protected readonly erased = signal<ErasureDone | null>(null);

  /** The record of requests, newest first, a page at a time. */
  protected readonly requests = signal<PrivacyRequest[]>([]);
  protected readonly nextRequests = signal<string | null>(null);
  protected readonly requestsLoading = signal(false);
  protected readonly requestsProblem = signal<ProblemDetails | null>(null);

  constructor() {
    // The first page once the tenant is known, and again for another tenant.
    effect(() => {
      this.tenant();
      untracked(() => void this.loadRequests(true));
    });
  }

  protected async loadRequests(fresh = false): Promise<void> {
    if (this.requestsLoading() && !fresh) return;
    this.requestsLoading.set(true);
    this.requestsProblem.set(null);
    const after = fresh ? null : this.nextRequests();
    try {
      const page = await firstValueFrom(
        this.http.get<PrivacyRequestPage>(
          `/api/t/${this.tenant()}/privacy/requests` +
            (after ? `?after=${encodeURIComponent(after)}` : ''),
        ),
      );
      this.requests.update((shown) => (fresh ? page.items : [...shown, ...page.items]));
      this.nextRequests.set(page.nextCursor);
    } catch (error) {
      this.requestsProblem.set(toProblem(error));
    } finally {
      this.requestsLoading.set(false);
    }
  }

  protected find(): void {
    const q = this.q.value.trim();
    if (q.length < 2) return;
    this.chosen.set(null);
    if (this.asked() === q) this.results.reload();
    else this.asked.set(q);
  }

  protected choose(hit: PersonHit): void {
    this.erased.set(null);
    this.exportProblem.set(null);
    this.eraseProblem.set(null);
    this.exportReason.reset();
    this.eraseReason.reset();
    this.eraseConfirmed.reset();
    this.chosen.set(hit);
  }

  protected async exportAs(format: 'json' | 'pdf'): Promise<void> {
    const path = this.personPath();
    this.exportReason.markAsTouched();
    if (!path || this.exportReason.invalid || this.busy()) return;
    this.busy.set(true);
    this.exportProblem.set(null);
    try {
      const response: HttpResponse<Blob> = await firstValueFrom(
        this.http.post(
          `${path}/export`,
          { reason: this.exportReason.value.trim(), format },
          { observe: 'response', responseType: 'blob' },
        ),
      );
      saveBlob(response.body, fileNameOf(response) ?? `person.${format}`);
      this.notifier.success('privacy.people.export.done');
      void this.loadRequests(true);
    } catch (error) {
      this.exportProblem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected async erase(): Promise<void> {
    const path = this.personPath();
    this.eraseReason.markAsTouched();
    this.eraseConfirmed.markAsTouched();
    if (!path || this.eraseReason.invalid || this.eraseConfirmed.invalid || this.busy()) return;
    this.busy.set(true);
    this.eraseProblem.set(null);
    try {
      const done = await firstValueFrom(
        this.http.post<ErasureDone>(`${path}/erasure`, {
          reason: this.eraseReason.value.trim(),
          confirm: true,
        }),
      );
      this.erased.set(done);
      this.summary.reload();
      this.results.reload();
      void this.loadRequests(true);
    } catch (error) {
      this.eraseProblem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}

/** The file name the API gives a download (Content-Disposition), if any. */
function fileNameOf(response: HttpResponse<Blob>): string | null {
  const header = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(header)?.[1] ?? null;
}

/** Hands a downloaded body to the browser as a file. */
function saveBlob(body: Blob | null, name: string): void {
  if (!body) return;
  const url = URL.createObjectURL(body);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

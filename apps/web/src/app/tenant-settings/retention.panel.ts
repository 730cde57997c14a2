import { HttpClient } from '@angular/common/http';
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
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  type ProblemDetails,
  RETENTION_BOUNDS,
  type RetentionPolicy,
  type RetentionPreview,
  type RetentionRuns,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { fetched } from '../documents/fetched';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { Icon } from '../shared/icons/icon.component';
import { LiveError } from '../shared/live-error.component';
import { LocalDatePipe } from '../shared/local-format';
import { Notifier } from '../shared/notifier.service';

type Period = keyof typeof RETENTION_BOUNDS;
const PERIODS: readonly Period[] = ['participantsMonths', 'expertsMonths', 'mailDays', 'linksDays'];

const today = () => new Date().toISOString().slice(0, 10);

/**
 * How long the tenant keeps personal data (docs/privacy.md): its admins set four periods, see
 * what the run of a day they pick will anonymise and delete, and what the latest runs did. The
 * figures come from the API's own rules, the ones the run acts on.
 */
@Component({
  selector: 'cv-retention-panel',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
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
    <mat-card appearance="outlined" class="cv-panel retention" data-testid="retention-panel">
      <h2 class="cv-panel-title">
        <mat-icon svgIcon="shield_person" aria-hidden="true" />
        {{ 'privacy.retention.title' | transloco }}
      </h2>
      <p class="intro">{{ 'privacy.retention.intro' | transloco }}</p>
      @if (policy.isLoading() && !policy.hasValue()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      } @else if (policy.error()) {
        <cv-live-error [problem]="loadProblem()" />
      } @else if (policy.hasValue()) {
        <form [formGroup]="form" (ngSubmit)="save()" class="periods">
          @for (period of periods; track period) {
            <mat-form-field>
              <mat-label>{{ 'privacy.retention.' + period + '.label' | transloco }}</mat-label>
              <input
                matInput
                type="number"
                inputmode="numeric"
                step="1"
                [min]="bounds[period].min"
                [max]="bounds[period].max"
                [attr.data-testid]="'retention-' + period"
                [formControlName]="period"
              />
              <mat-hint>{{ 'privacy.retention.' + period + '.hint' | transloco }}</mat-hint>
              @if (form.controls[period].invalid) {
                <mat-error>{{
                  'privacy.retention.range'
                    | transloco: { min: bounds[period].min, max: bounds[period].max }
                }}</mat-error>
              }
            </mat-form-field>
          }
          <p class="status">
            @if (policy.value().updatedBy; as by) {
              {{
                'privacy.retention.savedBy'
                  | transloco
                    : {
                        name: by.name,
                        date: policy.value().updatedAt | localDate: 'mediumDate' : language(),
                      }
              }}
            } @else {
              {{ 'privacy.retention.defaults' | transloco }}
            }
          </p>
          <cv-live-error [problem]="problem()" />
          <button mat-flat-button type="submit" [disabled]="saving()">
            {{ 'settings.save' | transloco }}
          </button>
        </form>
        <p class="platform" data-testid="retention-platform">
          <mat-icon svgIcon="schedule" aria-hidden="true" />
          <span>{{
            'privacy.retention.platform' | transloco: { days: policy.value().sessionsDays }
          }}</span>
        </p>

        <section class="preview" aria-labelledby="retention-preview-title">
          <h3 id="retention-preview-title">{{ 'privacy.retention.preview.title' | transloco }}</h3>
          <mat-form-field class="day">
            <mat-label>{{ 'privacy.retention.preview.day' | transloco }}</mat-label>
            <input
              matInput
              type="date"
              data-testid="retention-day"
              [min]="today"
              [value]="day()"
              (change)="pickDay($event)"
            />
          </mat-form-field>
          @if (preview.error()) {
            <cv-live-error [problem]="previewProblem()" />
          } @else if (preview.hasValue()) {
            @let p = preview.value();
            <ul class="due" data-testid="retention-preview" aria-live="polite">
              <li>
                <mat-icon svgIcon="group" aria-hidden="true" />
                {{
                  'privacy.retention.preview.participants'
                    | transloco
                      : {
                          date: p.on | localDate: 'longDate' : language() : 'UTC',
                          people: p.participants.people,
                          events: p.participants.events,
                          before:
                            p.participants.endedBefore | localDate: 'longDate' : language() : 'UTC',
                        }
                }}
              </li>
              <li>
                <mat-icon svgIcon="person" aria-hidden="true" />
                {{
                  'privacy.retention.preview.experts'
                    | transloco
                      : {
                          count: p.experts.profiles,
                        }
                }}
              </li>
              <li>
                <mat-icon svgIcon="mail" aria-hidden="true" />
                {{
                  'privacy.retention.preview.mail'
                    | transloco
                      : {
                          count: p.mail.messages,
                        }
                }}
              </li>
              <li>
                <mat-icon svgIcon="link" aria-hidden="true" />
                {{
                  'privacy.retention.preview.links'
                    | transloco
                      : {
                          count: p.links.links,
                        }
                }}
              </li>
            </ul>
            <p class="kept">{{ 'privacy.retention.preview.kept' | transloco }}</p>
          }
        </section>

        <section aria-labelledby="retention-runs-title">
          <h3 id="retention-runs-title">{{ 'privacy.retention.runs.title' | transloco }}</h3>
          @if (runs.hasValue() && runs.value().items.length > 0) {
            <ul class="runs" data-testid="retention-runs">
              @for (run of runs.value().items; track run.id) {
                <li>
                  <strong>{{ run.runOn | localDate: 'mediumDate' : language() : 'UTC' }}</strong>
                  ·
                  @if (run.result; as r) {
                    {{
                      'privacy.retention.runs.result'
                        | transloco
                          : {
                              participants: r.participants,
                              experts: r.experts,
                              mail: r.mail,
                              links: r.links,
                            }
                    }}
                  } @else {
                    {{ 'privacy.retention.runs.' + run.status | transloco }}
                  }
                </li>
              }
            </ul>
          } @else if (runs.hasValue()) {
            <p>{{ 'privacy.retention.runs.none' | transloco }}</p>
          }
        </section>
      }
    </mat-card>
  `,
  styles: `
    .retention {
      max-inline-size: 48rem;
    }
    .cv-panel-title {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .intro,
    .kept,
    .status {
      color: var(--mat-sys-on-surface-variant);
    }
    .periods {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
      gap: 8px 16px;
      align-items: start;
    }
    .periods .status,
    .periods cv-live-error,
    .periods button {
      grid-column: 1 / -1;
      justify-self: start;
    }
    .platform {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      margin-block: 16px 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .platform mat-icon {
      flex: none;
    }
    .preview {
      margin-block-start: 24px;
    }
    .day {
      max-inline-size: 16rem;
      display: block;
    }
    .due,
    .runs {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 8px;
    }
    .due li {
      display: flex;
      gap: 8px;
      align-items: flex-start;
    }
    .due mat-icon {
      flex: none;
    }
  `,
})
export class RetentionPanel {
  readonly tenant = input.required<string>();

  private readonly http = inject(HttpClient);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService).language;
  protected readonly periods = PERIODS;
  protected readonly bounds = RETENTION_BOUNDS;
  protected readonly today = today();

  private readonly base = computed(() => `/api/t/${this.tenant()}/privacy/retention`);
  protected readonly policy = fetched<RetentionPolicy>(() => this.base());
  protected readonly day = signal(today());
  protected readonly preview = fetched<RetentionPreview>(
    () => `${this.base()}/preview?on=${encodeURIComponent(this.day())}`,
  );
  protected readonly runs = fetched<RetentionRuns>(() => `${this.base()}/runs`);

  protected readonly form = new FormGroup(
    Object.fromEntries(
      PERIODS.map((period) => [
        period,
        new FormControl<number | null>(null, {
          validators: [
            Validators.required,
            Validators.min(RETENTION_BOUNDS[period].min),
            Validators.max(RETENTION_BOUNDS[period].max),
            Validators.pattern(/^\d+$/),
          ],
        }),
      ]),
    ) as Record<Period, FormControl<number | null>>,
  );
  protected readonly saving = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly loadProblem = computed(() =>
    this.policy.error() ? toProblem(this.policy.error()) : null,
  );
  protected readonly previewProblem = computed(() =>
    this.preview.error() ? toProblem(this.preview.error()) : null,
  );

  constructor() {
    effect(() => {
      if (!this.policy.hasValue()) return;
      const current = this.policy.value();
      untracked(() => {
        for (const period of PERIODS) this.form.controls[period].setValue(current[period]);
      });
    });
  }

  protected pickDay(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) this.day.set(value);
  }

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving() || !this.policy.hasValue()) return;
    this.saving.set(true);
    this.problem.set(null);
    try {
      const values = this.form.getRawValue();
      await firstValueFrom(
        this.http.put<RetentionPolicy>(this.base(), {
          ...Object.fromEntries(PERIODS.map((period) => [period, Number(values[period])])),
          version: this.policy.value().version,
        }),
      );
      this.notifier.success('privacy.retention.saved');
      this.policy.reload();
      this.preview.reload();
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.saving.set(false);
    }
  }
}

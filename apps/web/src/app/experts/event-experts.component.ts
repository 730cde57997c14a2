import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  Injector,
  input,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Icon } from '../shared/icons/icon.component';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type {
  AgendaSession,
  EventDetail,
  ExpertAssignment,
  ProblemDetails,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../i18n/language.service';
import { LiveError } from '../shared/live-error.component';
import { LocalCountPipe, LocalDatePipe } from '../shared/local-format';
import { Notifier } from '../shared/notifier.service';
import { AssignDialog, type AssignDialogData } from './assign.dialog';
import { EventExpertsStore } from './event-experts.store';
import { EXPERT_SEXES, GROUPS } from './expert-labels';

/**
 * The event page's Experts tab, for officers: who is asked to do what and how they answered,
 * which accepted experts have not filed their declaration of interest, and the panel's balance
 * by sex and regional group (each accepted expert once), each with its table.
 */
@Component({
  selector: 'cv-event-experts',
  providers: [EventExpertsStore],
  imports: [
    MatButtonModule,
    Icon,
    MatProgressBarModule,
    TranslocoPipe,
    LiveError,
    LocalCountPipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './experts.scss',
  template: `
    <div class="experts-tab">
      <div class="experts-actions">
        <button mat-flat-button type="button" (click)="assign()" [disabled]="!store.experts()">
          <mat-icon svgIcon="person_add" />
          {{ 'experts.assign.open' | transloco }}
        </button>
      </div>
      @if (store.status() === 'loading' && !store.experts()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (store.status() === 'error') {
        <cv-live-error [problem]="store.problem()" />
      }
      @if (store.experts(); as experts) {
        <section aria-labelledby="experts-assignments">
          <h2 class="cv-panel-title" id="experts-assignments">
            {{ 'experts.event.assignments' | transloco }}
          </h2>
          @if (experts.assignments.length === 0) {
            <p class="cv-muted">{{ 'experts.event.noAssignments' | transloco }}</p>
          } @else {
            <ul class="experts-list">
              @for (assignment of experts.assignments; track assignment.id) {
                <li>
                  <strong
                    ><bdi>{{ assignment.expert.name }}</bdi></strong
                  >
                  <span>
                    {{ 'experts.roles.' + assignment.role | transloco }} ·
                    @if (assignment.session) {
                      <bdi>{{ assignment.session.title }}</bdi>
                    } @else {
                      {{ 'experts.assign.wholeEvent' | transloco }}
                    }
                  </span>
                  <span [class]="'cv-badge experts-status experts-status--' + assignment.status">
                    {{ 'experts.statuses.' + assignment.status | transloco }}
                  </span>
                  @if (assignment.declineReason) {
                    <span class="cv-muted"
                      ><bdi>{{ assignment.declineReason }}</bdi></span
                    >
                  }
                  @if (assignment.status === 'asked' || assignment.status === 'accepted') {
                    <button
                      mat-button
                      type="button"
                      (click)="withdraw(assignment)"
                      [disabled]="store.busy().includes(assignment.id)"
                    >
                      {{ 'experts.event.withdraw' | transloco }}
                      <span class="cdk-visually-hidden"
                        ><bdi>{{ assignment.expert.name }}</bdi></span
                      >
                    </button>
                  }
                </li>
              }
            </ul>
          }
        </section>

        <section aria-labelledby="experts-declarations">
          <h2 class="cv-panel-title" id="experts-declarations">
            {{ 'experts.event.declarations' | transloco }}
          </h2>
          @if (experts.declarations.length === 0) {
            <p class="cv-muted">{{ 'experts.event.noAccepted' | transloco }}</p>
          } @else {
            @if (store.missingDeclarations().length > 0) {
              <p class="cv-banner">
                {{
                  'experts.event.missing' | transloco: { count: store.missingDeclarations().length }
                }}
              </p>
            }
            <ul class="experts-list">
              @for (entry of experts.declarations; track entry.expert.id) {
                <li>
                  <strong
                    ><bdi>{{ entry.expert.name }}</bdi></strong
                  >
                  @if (entry.declaration; as declaration) {
                    <span class="cv-muted">
                      {{
                        'experts.event.filedOn'
                          | transloco
                            : { date: (declaration.filedAt | localDate: 'mediumDate' : language()) }
                      }}
                    </span>
                    @if (declaration.hasInterests) {
                      <span
                        ><bdi>{{ declaration.details }}</bdi></span
                      >
                    } @else {
                      <span>{{ 'experts.event.noInterests' | transloco }}</span>
                    }
                  } @else {
                    <span class="cv-badge experts-status experts-status--asked">
                      {{ 'experts.event.notFiled' | transloco }}
                    </span>
                  }
                </li>
              }
            </ul>
          }
        </section>

        <section aria-labelledby="experts-balance">
          <h2 class="cv-panel-title" id="experts-balance">
            {{ 'experts.balance.title' | transloco: { count: experts.balance.experts } }}
          </h2>
          <div class="experts-balance">
            <table>
              <caption class="cv-muted">
                {{
                  'experts.balance.bySex' | transloco
                }}
              </caption>
              <tbody>
                @for (sex of sexes; track sex) {
                  <tr>
                    <th scope="row">{{ 'participation.sexes.' + sex | transloco }}</th>
                    <td>{{ experts.balance.bySex[sex] | localCount: language() }}</td>
                  </tr>
                }
                <tr>
                  <th scope="row">{{ 'experts.balance.unknown' | transloco }}</th>
                  <td>{{ experts.balance.bySex.unknown | localCount: language() }}</td>
                </tr>
              </tbody>
            </table>
            <table>
              <caption class="cv-muted">
                {{
                  'experts.balance.byGroup' | transloco
                }}
              </caption>
              <tbody>
                @for (group of groups; track group) {
                  <tr>
                    <th scope="row">{{ 'regions.' + group | transloco }}</th>
                    <td>{{ experts.balance.byRegionalGroup[group] | localCount: language() }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </section>
      }
    </div>
  `,
})
export class EventExpertsTab {
  readonly event = input.required<EventDetail>();
  /** The agenda's sessions, to assign an expert to one. */
  readonly sessions = input<readonly AgendaSession[]>([]);
  protected readonly store = inject(EventExpertsStore);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService).language;
  protected readonly sexes = EXPERT_SEXES;
  protected readonly groups = [...GROUPS, 'none'] as const;
  private readonly eventId = computed(() => this.event().id);

  constructor() {
    effect(() => {
      const id = this.eventId();
      if (this.store.tenantSlug()) untracked(() => void this.store.load(id));
    });
  }

  protected async assign(): Promise<void> {
    const tenant = this.store.tenantSlug();
    if (!tenant) return;
    const data: AssignDialogData = { tenant, sessions: this.sessions() };
    const created = await firstValueFrom(
      this.dialog
        .open<AssignDialog, AssignDialogData, ExpertAssignment>(AssignDialog, {
          data,
          injector: this.injector,
          width: '520px',
          maxWidth: '95vw',
        })
        .afterClosed(),
    );
    if (created) this.notifier.success('experts.assign.done', { name: created.expert.name });
  }

  protected async withdraw(assignment: ExpertAssignment): Promise<void> {
    try {
      await this.store.withdraw(assignment);
      this.notifier.success('experts.event.withdrawn', { name: assignment.expert.name });
    } catch (problem) {
      this.notifier.failure(problem as ProblemDetails);
    }
  }
}

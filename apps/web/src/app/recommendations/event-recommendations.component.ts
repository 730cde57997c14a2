import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  Injector,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Icon } from '../shared/icons/icon.component';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import type {
  EventDetail,
  EventRecommendations as EventRecommendationsView,
  ProblemDetails,
  RecommendationDetail,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { firstValueFrom } from 'rxjs';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { toProblem } from '../http/problem';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';
import { EmptyState } from '../shared/empty-state.component';
import { LiveError } from '../shared/live-error.component';
import { Notifier } from '../shared/notifier.service';
import { FollowUpDialog, type FollowUpDialogData } from './follow-up.dialog';
import { citation } from './recommendation-labels';
import { RecommendationDialog, type RecommendationDialogData } from './recommendation.dialog';
import { RecommendationItem } from './recommendation-item.component';
import { RecommendationsApi } from './recommendations.api';

/**
 * The event page's Recommendations tab (loaded with the tab): the meeting's recommendations in
 * their order, each with its follow-up; officers and the rapporteur add, edit and reorder them.
 */
@Component({
  selector: 'cv-event-recommendations',
  imports: [
    MatButtonModule,
    Icon,
    MatProgressBarModule,
    MatTooltipModule,
    TranslocoPipe,
    EmptyState,
    LiveError,
    RecommendationItem,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="rec-tab-head">
      <p class="rec-tab-intro">{{ 'recommendations.tabIntro' | transloco }}</p>
      @if (view()?.canWrite) {
        <button mat-flat-button type="button" (click)="add()">
          <mat-icon svgIcon="add" />
          {{ 'recommendations.add' | transloco }}
        </button>
      }
    </div>
    @if (loading() && !view()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    <cv-live-error [problem]="problem()" />
    @if (view(); as current) {
      @if (current.items.length === 0) {
        <cv-empty-state
          icon="checklist"
          [title]="'recommendations.emptyEvent' | transloco"
          [body]="
            (current.canWrite
              ? 'recommendations.emptyEventWriter'
              : 'recommendations.emptyEventBody'
            ) | transloco
          "
        />
      } @else {
        <ol class="rec-tab-list" [attr.aria-label]="'recommendations.title' | transloco">
          @for (item of current.items; track item.id; let first = $first; let last = $last) {
            <li>
              <cv-recommendation-item [recommendation]="item" [followUps]="item.followUps">
                @if (item.canEdit) {
                  <button mat-stroked-button type="button" (click)="edit(item)">
                    <mat-icon svgIcon="edit" />
                    {{ 'recommendations.edit' | transloco: { number: cite(item.number) } }}
                  </button>
                }
                @if (item.canSetStatus || item.canAddNote) {
                  <button mat-stroked-button type="button" (click)="followUp(item)">
                    <mat-icon svgIcon="history" />
                    {{
                      'recommendations.followUpAction' | transloco: { number: cite(item.number) }
                    }}
                  </button>
                }
                @if (current.canReorder) {
                  <span class="rec-move">
                    <button
                      mat-icon-button
                      type="button"
                      [disabled]="first || moving()"
                      (click)="move(item, -1)"
                      [attr.aria-label]="
                        'recommendations.moveUp' | transloco: { number: cite(item.number) }
                      "
                      [matTooltip]="
                        'recommendations.moveUp' | transloco: { number: cite(item.number) }
                      "
                    >
                      <mat-icon svgIcon="arrow_upward" />
                    </button>
                    <button
                      mat-icon-button
                      type="button"
                      [disabled]="last || moving()"
                      (click)="move(item, 1)"
                      [attr.aria-label]="
                        'recommendations.moveDown' | transloco: { number: cite(item.number) }
                      "
                      [matTooltip]="
                        'recommendations.moveDown' | transloco: { number: cite(item.number) }
                      "
                    >
                      <mat-icon svgIcon="arrow_downward" />
                    </button>
                  </span>
                }
              </cv-recommendation-item>
            </li>
          }
        </ol>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      padding-block: 16px;
    }
    .rec-tab-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
    }
    .rec-tab-intro {
      margin: 0;
      max-width: 70ch;
      color: var(--mat-sys-on-surface-variant);
    }
    .rec-move {
      display: inline-flex;
    }
    .rec-tab-list {
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
    }
  `,
})
export class EventRecommendations {
  readonly event = input.required<EventDetail>();

  private readonly api = inject(RecommendationsApi);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly notifier = inject(Notifier);
  private readonly membership = inject(Store).selectSignal(selectCurrentMembership);

  protected readonly cite = citation;
  protected readonly view = signal<EventRecommendationsView | null>(null);
  protected readonly loading = signal(false);
  protected readonly moving = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  private readonly tenant = computed(() => this.membership()?.tenant.slug ?? null);

  constructor() {
    inject(MemberStatesCatalog).ensureLoaded();
    effect(() => {
      const id = this.event().id;
      const tenant = this.tenant();
      if (tenant) untracked(() => this.load(tenant, id));
    });
  }

  private load(tenant: string, eventId: string): void {
    this.loading.set(true);
    this.api.forEvent(tenant, eventId).subscribe({
      next: (view) => {
        this.view.set(view);
        this.problem.set(null);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.problem.set(toProblem(error));
        this.loading.set(false);
      },
    });
  }

  private reload(): void {
    const tenant = this.tenant();
    if (tenant) this.load(tenant, this.event().id);
  }

  protected async add(): Promise<void> {
    const saved = await this.openForm(undefined);
    if (saved) {
      this.notifier.success('recommendations.added', { number: citation(saved.number) });
      this.reload();
    }
  }

  protected async edit(recommendation: RecommendationDetail): Promise<void> {
    const saved = await this.openForm(recommendation);
    if (saved) {
      this.notifier.success('recommendations.saved', { number: citation(saved.number) });
      this.reload();
    }
  }

  protected async followUp(recommendation: RecommendationDetail): Promise<void> {
    const tenant = this.tenant();
    if (!tenant) return;
    const saved = await firstValueFrom(
      this.dialog
        .open<FollowUpDialog, FollowUpDialogData, RecommendationDetail>(FollowUpDialog, {
          data: { tenant, recommendationId: recommendation.id },
          injector: this.injector,
          width: '640px',
          maxWidth: '95vw',
        })
        .afterClosed(),
    );
    if (saved) {
      this.notifier.success('recommendations.followedUp', { number: citation(saved.number) });
      this.reload();
    }
  }

  /** One place up or down: the whole order goes to the server, which renumbers. */
  protected async move(recommendation: RecommendationDetail, step: -1 | 1): Promise<void> {
    const tenant = this.tenant();
    const current = this.view();
    if (!tenant || !current || this.moving()) return;
    const ids = current.items.map((item) => item.id);
    const from = ids.indexOf(recommendation.id);
    const to = from + step;
    if (from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to] as string, ids[from] as string];
    this.moving.set(true);
    try {
      this.view.set(await firstValueFrom(this.api.reorder(tenant, this.event().id, ids)));
      this.notifier.success('recommendations.reordered', {
        number: citation(to + 1),
      });
    } catch (error) {
      this.notifier.failure(toProblem(error));
    } finally {
      this.moving.set(false);
    }
  }

  private async openForm(
    recommendation: RecommendationDetail | undefined,
  ): Promise<RecommendationDetail | undefined> {
    const tenant = this.tenant();
    if (!tenant) return undefined;
    return firstValueFrom(
      this.dialog
        .open<RecommendationDialog, RecommendationDialogData, RecommendationDetail>(
          RecommendationDialog,
          {
            data: { tenant, eventId: this.event().id, recommendation },
            injector: this.injector,
            width: '720px',
            maxWidth: '95vw',
          },
        )
        .afterClosed(),
    );
  }
}

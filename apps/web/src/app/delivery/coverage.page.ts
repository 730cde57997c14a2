import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  type Coverage,
  GEOGRAPHIC_REGIONS,
  type GeographicRegion,
  REGIONAL_GROUPS,
  type RegionalGroup,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { fetched } from '../documents/fetched';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { memberStateName } from '../member-states/member-state-name';
import { MemberStateNamePipe } from '../member-states/member-state-name.pipe';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';
import { EmptyState } from '../shared/empty-state.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import { LocalCountPipe, LocalDatePipe } from '../shared/local-format';
import { type CoverageFilter, DeliveryApi } from './delivery.api';
import { DeliveryTabs } from './delivery-tabs.component';

/**
 * Coverage of the tool: per State which languages and formats reached it, when last and through
 * which events; per geographic region and UN regional group; the States never reached.
 */
@Component({
  selector: 'cv-coverage-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    RouterLink,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    EmptyState,
    LiveError,
    LocalCountPipe,
    LocalDatePipe,
    MemberStateNamePipe,
    DeliveryTabs,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="cv-page-header">
      <div>
        <h1 class="cv-page-title">{{ 'delivery.coverage.title' | transloco }}</h1>
        <p class="cv-page-intro">{{ 'delivery.coverage.intro' | transloco }}</p>
      </div>
    </header>
    <cv-delivery-tabs />

    <mat-card appearance="outlined" class="cv-panel">
      <div class="dl-filters">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'delivery.coverage.regionalGroup' | transloco }}</mat-label>
          <mat-select
            [value]="filter().regionalGroup"
            (selectionChange)="set({ regionalGroup: $event.value })"
          >
            <mat-option [value]="null">{{ 'delivery.any' | transloco }}</mat-option>
            @for (group of groups; track group) {
              <mat-option [value]="group">{{ 'regions.' + group | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'delivery.coverage.region' | transloco }}</mat-label>
          <mat-select [value]="filter().region" (selectionChange)="set({ region: $event.value })">
            <mat-option [value]="null">{{ 'delivery.any' | transloco }}</mat-option>
            @for (region of regions; track region) {
              <mat-option [value]="region">{{
                'geographicRegions.' + region | transloco
              }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'delivery.coverage.from' | transloco }}</mat-label>
          <input
            matInput
            type="date"
            [value]="filter().from ?? ''"
            (change)="set({ from: dateOf($event) })"
          />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'delivery.coverage.to' | transloco }}</mat-label>
          <input
            matInput
            type="date"
            [value]="filter().to ?? ''"
            (change)="set({ to: dateOf($event) })"
          />
        </mat-form-field>
      </div>
      @if (coverage.isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (coverage.error()) {
        <cv-live-error [problem]="problem()" />
      } @else if (coverage.hasValue()) {
        @let figures = coverage.value();
        <p class="cov-total" role="status">
          {{
            'delivery.coverage.total'
              | transloco
                : {
                    reached: figures.totals.statesReached,
                    total: figures.totals.statesTotal,
                    copies: figures.totals.copies,
                  }
          }}
        </p>
        <div class="cov-areas">
          <section>
            <h2 class="cv-panel-title">{{ 'delivery.coverage.byGroup' | transloco }}</h2>
            <ul class="cov-list">
              @for (area of figures.byRegionalGroup; track area.regionalGroup) {
                <li>
                  <span>{{
                    (area.regionalGroup
                      ? 'regions.' + area.regionalGroup
                      : 'delivery.coverage.noGroup'
                    ) | transloco
                  }}</span>
                  <span class="cov-bar" aria-hidden="true"
                    ><span
                      [style.inline-size.%]="share(area.statesReached, area.statesTotal)"
                    ></span
                  ></span>
                  <span class="dl-num">{{ area.statesReached }} / {{ area.statesTotal }}</span>
                </li>
              }
            </ul>
          </section>
          <section>
            <h2 class="cv-panel-title">{{ 'delivery.coverage.byRegion' | transloco }}</h2>
            <ul class="cov-list">
              @for (area of figures.byRegion; track area.region) {
                <li>
                  <span>{{ 'geographicRegions.' + area.region | transloco }}</span>
                  <span class="cov-bar" aria-hidden="true"
                    ><span
                      [style.inline-size.%]="share(area.statesReached, area.statesTotal)"
                    ></span
                  ></span>
                  <span class="dl-num">{{ area.statesReached }} / {{ area.statesTotal }}</span>
                </li>
              }
            </ul>
          </section>
        </div>
      }
    </mat-card>

    @if (coverage.hasValue()) {
      <mat-card appearance="outlined" class="cv-panel">
        <h2 class="cv-panel-title">{{ 'delivery.coverage.states' | transloco }}</h2>
        @if (coverage.value().states.length === 0) {
          <cv-empty-state icon="public" [title]="'delivery.coverage.none' | transloco" />
        } @else {
          <div class="dl-table-area">
            <table class="dl-table">
              <thead>
                <tr>
                  <th scope="col">{{ 'delivery.fields.state' | transloco }}</th>
                  <th scope="col">{{ 'delivery.coverage.languages' | transloco }}</th>
                  <th scope="col">{{ 'delivery.coverage.formats' | transloco }}</th>
                  <th scope="col">{{ 'delivery.coverage.last' | transloco }}</th>
                  <th scope="col">{{ 'delivery.coverage.events' | transloco }}</th>
                  <th scope="col" class="dl-num">{{ 'delivery.editions.copies' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (state of states(); track state.memberState) {
                  <tr data-testid="coverage-row">
                    <td>{{ state.memberState | memberStateName: language() }}</td>
                    <td>
                      <span class="dl-label" aria-hidden="true">{{
                        'delivery.coverage.languages' | transloco
                      }}</span>
                      <span class="dl-chips">
                        @for (code of state.languages; track code) {
                          <span class="dl-chip">{{
                            'delivery.languages.' + code | transloco
                          }}</span>
                        }
                      </span>
                    </td>
                    <td>
                      <span class="dl-label" aria-hidden="true">{{
                        'delivery.coverage.formats' | transloco
                      }}</span>
                      <span class="dl-chips">
                        @for (format of state.formats; track format) {
                          <span class="dl-chip">{{
                            'delivery.formats.' + format | transloco
                          }}</span>
                        }
                      </span>
                    </td>
                    <td>
                      <span class="dl-label" aria-hidden="true">{{
                        'delivery.coverage.last' | transloco
                      }}</span>
                      {{ state.lastDeliveredOn | localDate: 'mediumDate' : language() : 'UTC' }}
                    </td>
                    <td>
                      <span class="dl-label" aria-hidden="true">{{
                        'delivery.coverage.events' | transloco
                      }}</span>
                      @for (event of state.events; track event.id) {
                        <a class="cov-event" [routerLink]="['/t', tenant(), 'events', event.id]"
                          ><bdi>{{ event.title }}</bdi></a
                        >
                      } @empty {
                        <span class="dl-meta">{{ 'delivery.noEvent' | transloco }}</span>
                      }
                    </td>
                    <td class="dl-num">
                      <span class="dl-label" aria-hidden="true">{{
                        'delivery.editions.copies' | transloco
                      }}</span>
                      {{ state.copies | localCount: language() }}
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </mat-card>

      <mat-card appearance="outlined" class="cv-panel">
        <h2 class="cv-panel-title">
          {{
            'delivery.coverage.neverReached'
              | transloco: { count: coverage.value().neverReached.length }
          }}
        </h2>
        <ul class="cov-never" data-testid="never-reached">
          @for (code of neverReached(); track code) {
            <li>{{ code | memberStateName: language() }}</li>
          }
        </ul>
      </mat-card>
    }
  `,
  styleUrl: './delivery-tables.scss',
  styles: `
    .cov-total {
      font: var(--mat-sys-title-medium);
    }
    .cov-areas {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
      gap: 16px;
    }
    .cov-list {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 6px;
    }
    .cov-list li {
      display: grid;
      grid-template-columns: minmax(0, 1.4fr) minmax(0, 1fr) auto;
      gap: 8px;
      align-items: center;
    }
    .cov-bar {
      block-size: 8px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-highest);
      overflow: hidden;
    }
    .cov-bar > span {
      display: block;
      block-size: 100%;
      background: var(--mat-sys-primary);
    }
    .cov-event {
      display: block;
    }
    .cov-never {
      columns: 14rem;
      padding-inline-start: 20px;
      margin: 0;
    }
  `,
})
export class CoveragePage {
  readonly tenant = input.required<string>();

  private readonly api = inject(DeliveryApi);
  protected readonly language = inject(LanguageService).language;
  protected readonly groups = REGIONAL_GROUPS;
  protected readonly regions = GEOGRAPHIC_REGIONS;
  protected readonly filter = signal<CoverageFilter>({
    regionalGroup: null,
    region: null,
    from: null,
    to: null,
  });
  protected readonly coverage = fetched<Coverage>(() =>
    this.api.coveragePath(this.tenant(), this.filter()),
  );
  protected readonly problem = computed(() =>
    this.coverage.error() ? toProblem(this.coverage.error()) : null,
  );

  private readonly catalog = inject(MemberStatesCatalog);
  /** A State's name in the interface language, for sorting; its code until the list loads. */
  private readonly nameOf = computed(() => {
    const language = this.language();
    const byAlpha3 = this.catalog.byAlpha3();
    return (code: string) => {
      const state = byAlpha3.get(code);
      return state ? memberStateName(state, language) : code;
    };
  });
  /** The States reached and never reached, by name in the interface language. */
  protected readonly states = computed(() => {
    const name = this.nameOf();
    return this.coverage.hasValue()
      ? [...this.coverage.value().states].sort((a, b) =>
          name(a.memberState).localeCompare(name(b.memberState), this.language()),
        )
      : [];
  });
  protected readonly neverReached = computed(() => {
    const name = this.nameOf();
    return this.coverage.hasValue()
      ? [...this.coverage.value().neverReached].sort((a, b) =>
          name(a).localeCompare(name(b), this.language()),
        )
      : [];
  });

  constructor() {
    this.catalog.ensureLoaded();
  }

  protected set(
    change: Partial<{
      regionalGroup: RegionalGroup | null;
      region: GeographicRegion | null;
      from: string | null;
      to: string | null;
    }>,
  ): void {
    this.filter.update((current) => ({ ...current, ...change }));
  }

  protected dateOf(event: Event): string | null {
    const value = (event.target as HTMLInputElement).value;
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
  }

  protected share(reached: number, total: number): number {
    return total === 0 ? 0 : Math.round((reached / total) * 100);
  }
}

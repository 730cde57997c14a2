import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { percent } from './participation-labels';
import type { Breakdown, ParticipationFigures } from './participation.models';

const STAGES = ['approved', 'confirmed', 'attended'] as const;
type Stage = (typeof STAGES)[number];

interface FigureBucket {
  key: string;
  /** Translation key of its name. */
  label: string;
  count: number;
}

interface FigureGroup {
  id: string;
  titleKey: string;
  buckets: FigureBucket[];
  max: number;
}

/**
 * An event's live figures as bars with their numbers: a list per breakdown, each line naming its
 * group and count, the bar only drawing it (hidden from screen readers, which read the numbers).
 */
@Component({
  selector: 'cv-participation-figures',
  imports: [MatButtonToggleModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="figures-headline">
      @for (stage of stages; track stage) {
        <div>
          <dt>{{ 'participation.figures.stages.' + stage | transloco }}</dt>
          <dd>{{ figures().totals[stage] }}</dd>
        </div>
      }
      <div>
        <dt>{{ 'participation.figures.womenShare' | transloco }}</dt>
        <dd>{{ womenShare() }}</dd>
      </div>
      <div>
        <dt>{{ 'participation.figures.statesRepresented' | transloco }}</dt>
        <dd>
          {{
            'participation.figures.ofInvited'
              | transloco
                : {
                    represented: figures().states.represented,
                    invited: figures().states.invited,
                  }
          }}
        </dd>
      </div>
    </dl>
    <mat-button-toggle-group
      class="figures-stage"
      [value]="stage()"
      (change)="stage.set($event.value)"
      [attr.aria-label]="'participation.figures.stageLabel' | transloco"
      hideSingleSelectionIndicator
    >
      @for (stage of stages; track stage) {
        <mat-button-toggle [value]="stage">{{
          'participation.figures.stages.' + stage | transloco
        }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
    <div class="figures-grid">
      @for (group of groups(); track group.id) {
        <section class="figures-group" [attr.aria-labelledby]="'figures-' + group.id">
          <h3 class="figures-group__title" [id]="'figures-' + group.id">
            {{ group.titleKey | transloco }}
          </h3>
          @if (group.buckets.length === 0) {
            <p class="figures-none">{{ 'participation.figures.none' | transloco }}</p>
          } @else {
            <ul class="figures-bars">
              @for (bucket of group.buckets; track bucket.key) {
                <li>
                  <span class="figures-bars__label">{{ bucket.label | transloco }}</span>
                  <span class="figures-bars__track" aria-hidden="true">
                    <span
                      class="figures-bars__bar"
                      [style.inline-size.%]="(bucket.count / group.max) * 100"
                    ></span>
                  </span>
                  <span class="figures-bars__count">{{ bucket.count }}</span>
                </li>
              }
            </ul>
          }
        </section>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .figures-headline {
      display: flex;
      flex-wrap: wrap;
      gap: 12px 32px;
      margin: 0 0 16px;

      div {
        display: flex;
        flex-direction: column-reverse;
      }
      dt {
        color: var(--mat-sys-on-surface-variant);
        font: var(--mat-sys-label-large);
      }
      dd {
        margin: 0;
        font: var(--mat-sys-headline-small);
      }
    }
    .figures-stage {
      margin-block-end: 16px;
    }
    .figures-grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
      gap: 16px 32px;
    }
    .figures-group__title {
      margin: 0 0 8px;
      font: var(--mat-sys-title-small);
    }
    .figures-none {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .figures-bars {
      display: grid;
      gap: 6px;
      margin: 0;
      padding: 0;
      list-style: none;

      li {
        display: grid;
        grid-template-columns: minmax(6rem, 10rem) 1fr 3ch;
        align-items: center;
        gap: 8px;
      }
    }
    .figures-bars__label {
      font: var(--mat-sys-body-small);
      overflow-wrap: anywhere;
    }
    .figures-bars__track {
      block-size: 12px;
      border-radius: 6px;
      background: var(--mat-sys-surface-container-high);
      overflow: hidden;
    }
    .figures-bars__bar {
      display: block;
      block-size: 100%;
      border-radius: 6px;
      background: var(--mat-sys-primary);
    }
    .figures-bars__count {
      font: var(--mat-sys-label-large);
      text-align: end;
    }
  `,
})
export class ParticipationFiguresView {
  readonly figures = input.required<ParticipationFigures>();
  private readonly language = inject(LanguageService).language;

  protected readonly stages = STAGES;
  /** Which stage the breakdowns count: holding a seat, confirmed, or attended. */
  protected readonly stage = signal<Stage>('approved');

  protected readonly womenShare = computed(() =>
    percent(this.figures().womenShare[this.stage()], this.language()),
  );

  protected readonly groups = computed((): FigureGroup[] => {
    const figures = this.figures();
    const stage = this.stage();
    const group = (
      id: string,
      titleKey: string,
      label: (key: string) => string,
      breakdown: Breakdown,
    ): FigureGroup => {
      const buckets = breakdown
        .map((row) => ({ key: row.key, label: label(row.key), count: row[stage] }))
        .filter((bucket) => bucket.count > 0);
      return {
        id,
        titleKey,
        buckets,
        max: Math.max(1, ...buckets.map((bucket) => bucket.count)),
      };
    };
    return [
      group(
        'sex',
        'participation.figures.bySex',
        (key) => `participation.sexes.${key}`,
        figures.bySex,
      ),
      group(
        'institution',
        'participation.figures.byInstitutionType',
        (key) => `participation.institutionTypes.${key}`,
        figures.byInstitutionType,
      ),
      group(
        'audience',
        'participation.figures.byAudience',
        (key) => `events.audiences.${key}`,
        figures.byAudience,
      ),
      group(
        'group',
        'participation.figures.byRegionalGroup',
        (key) => (key === 'none' ? 'participation.figures.noGroup' : `regions.${key}`),
        figures.byRegionalGroup,
      ),
      group(
        'region',
        'participation.figures.byRegion',
        (key) => `geographicRegions.${key}`,
        figures.byGeographicRegion,
      ),
    ];
  });
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { GEOGRAPHIC_REGIONS, REGIONAL_GROUPS } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { FilterPanel } from '../shared/filter-panel.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { Icon } from '../shared/icons/icon.component';
import { ReportFilterStore } from './report-filter.store';

/** The period (first and last year) and the region, for the dashboard and the map alike. */
@Component({
  selector: 'cv-report-filters',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [MatButtonModule, MatFormFieldModule, MatSelectModule, TranslocoPipe, FilterPanel, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <cv-filter-panel [active]="store.filtered() ? 1 : 0">
      <div class="report-filters">
        <mat-form-field>
          <mat-label>{{ 'reports.filters.from' | transloco }}</mat-label>
          <mat-select [value]="store.filter().from" (selectionChange)="store.setFrom($event.value)">
            @for (year of store.years; track year) {
              <mat-option [value]="year">{{ year }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'reports.filters.to' | transloco }}</mat-label>
          <mat-select [value]="store.filter().to" (selectionChange)="store.setTo($event.value)">
            @for (year of store.years; track year) {
              <mat-option [value]="year">{{ year }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'reports.filters.regionalGroup' | transloco }}</mat-label>
          <mat-select
            [value]="store.filter().regionalGroup"
            (selectionChange)="store.setRegionalGroup($event.value)"
            data-filter="regionalGroup"
          >
            <mat-option [value]="null">{{ 'reports.filters.anyGroup' | transloco }}</mat-option>
            @for (group of groups; track group) {
              <mat-option [value]="group">{{ 'regions.' + group | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'reports.filters.geographicRegion' | transloco }}</mat-label>
          <mat-select
            [value]="store.filter().geographicRegion"
            (selectionChange)="store.setGeographicRegion($event.value)"
            data-filter="geographicRegion"
          >
            <mat-option [value]="null">{{ 'reports.filters.anyRegion' | transloco }}</mat-option>
            @for (region of regions; track region) {
              <mat-option [value]="region">{{
                'geographicRegions.' + region | transloco
              }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      @if (store.filtered()) {
        <div class="report-filters__clear">
          <button mat-button type="button" (click)="store.clearRegion()">
            <mat-icon svgIcon="filter_alt_off" />
            {{ 'reports.filters.clear' | transloco }}
          </button>
        </div>
      }
    </cv-filter-panel>
  `,
  styles: `
    .report-filters {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
      gap: 4px 16px;
      align-items: start;
    }
    .report-filters__clear {
      display: flex;
      justify-content: flex-end;
    }
  `,
})
export class ReportFilters {
  protected readonly store = inject(ReportFilterStore);
  protected readonly groups = REGIONAL_GROUPS;
  protected readonly regions = GEOGRAPHIC_REGIONS;
}

import { computed, Injectable, signal } from '@angular/core';
import type { GeographicRegion, RegionalGroup } from '@convene/contracts';
import type { ReportFilter } from './reports.api';

/** How many years the page shows at first: this one and the four before (as the API's default). */
const DEFAULT_YEARS = 5;
/** The earliest year the filters offer. */
export const FIRST_REPORT_YEAR = 2011;

/**
 * The dashboard's and the map's filters, shared by both pages (provided by their routes), so the
 * period and region chosen on one are still chosen on the other.
 */
@Injectable()
export class ReportFilterStore {
  private readonly current = new Date().getFullYear();
  private readonly state = signal<ReportFilter>({
    from: this.current - (DEFAULT_YEARS - 1),
    to: this.current,
    regionalGroup: null,
    geographicRegion: null,
  });

  readonly filter = this.state.asReadonly();
  /** The years the period selects offer, newest first (next year for planned events). */
  readonly years = Array.from(
    { length: this.current + 1 - FIRST_REPORT_YEAR + 1 },
    (_, index) => this.current + 1 - index,
  );
  readonly filtered = computed(() => {
    const filter = this.state();
    return filter.regionalGroup !== null || filter.geographicRegion !== null;
  });

  /** A new first year; the last moves along when it would be before it. */
  setFrom(from: number): void {
    this.state.update((filter) => ({ ...filter, from, to: Math.max(filter.to, from) }));
  }

  setTo(to: number): void {
    this.state.update((filter) => ({ ...filter, to, from: Math.min(filter.from, to) }));
  }

  setRegionalGroup(regionalGroup: RegionalGroup | null): void {
    this.state.update((filter) => ({ ...filter, regionalGroup }));
  }

  setGeographicRegion(geographicRegion: GeographicRegion | null): void {
    this.state.update((filter) => ({ ...filter, geographicRegion }));
  }

  clearRegion(): void {
    this.state.update((filter) => ({ ...filter, regionalGroup: null, geographicRegion: null }));
  }
}

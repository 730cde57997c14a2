import { ReportFilterStore } from './report-filter.store';
import { filterQuery } from './reports.api';

describe('ReportFilterStore', () => {
  it('starts with the five years ending this one, any region', () => {
    const store = new ReportFilterStore();
    const year = new Date().getFullYear();
    expect(store.filter()).toEqual({
      from: year - 4,
      to: year,
      regionalGroup: null,
      geographicRegion: null,
    });
    expect(store.filtered()).toBe(false);
  });

  it('keeps the period in order when either end moves past the other', () => {
    const store = new ReportFilterStore();
    store.setTo(2020);
    store.setFrom(2018);
    expect([store.filter().from, store.filter().to]).toEqual([2018, 2020]);
    store.setFrom(2023);
    expect([store.filter().from, store.filter().to]).toEqual([2023, 2023]);
    store.setTo(2019);
    expect([store.filter().from, store.filter().to]).toEqual([2019, 2019]);
  });

  it('filters by region until cleared, and asks the API for exactly that', () => {
    const store = new ReportFilterStore();
    store.setFrom(2022);
    store.setTo(2024);
    store.setRegionalGroup('african');
    store.setGeographicRegion('africa');
    expect(store.filtered()).toBe(true);
    expect(filterQuery(store.filter(), { chart: 'eventsByType', format: 'csv' })).toBe(
      'from=2022&to=2024&regionalGroup=african&geographicRegion=africa&chart=eventsByType&format=csv',
    );
    store.clearRegion();
    expect(store.filtered()).toBe(false);
    expect(filterQuery(store.filter())).toBe('from=2022&to=2024');
  });
});

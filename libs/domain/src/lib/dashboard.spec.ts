import {
  crossTab,
  dashboardPeriod,
  legendRanges,
  percent,
  womenShareTable,
  yearsOf,
} from './dashboard';

describe('dashboardPeriod', () => {
  it('defaults to the five years ending with the current one', () => {
    expect(dashboardPeriod({}, 2026, 30)).toEqual({ from: 2022, to: 2026 });
  });
  it('runs from a given year to the current one, or that year alone when later', () => {
    expect(dashboardPeriod({ from: 2020 }, 2026, 30)).toEqual({ from: 2020, to: 2026 });
    expect(dashboardPeriod({ from: 2028 }, 2026, 30)).toEqual({ from: 2028, to: 2028 });
  });
  it('takes the five years ending with a given last year', () => {
    expect(dashboardPeriod({ to: 2019 }, 2026, 30)).toEqual({ from: 2015, to: 2019 });
  });
  it('keeps both years as given, and cuts a one-sided period to the last maxYears', () => {
    expect(dashboardPeriod({ from: 2024, to: 2024 }, 2026, 30)).toEqual({ from: 2024, to: 2024 });
    expect(dashboardPeriod({ from: 1900 }, 2026, 30)).toEqual({ from: 1997, to: 2026 });
  });
});

describe('yearsOf', () => {
  it('lists both ends', () => {
    expect(yearsOf({ from: 2024, to: 2026 })).toEqual([2024, 2025, 2026]);
    expect(yearsOf({ from: 2025, to: 2025 })).toEqual([2025]);
  });
});

describe('crossTab', () => {
  it('fills every year and key, adds repeated cells, ignores what it does not show', () => {
    const table = crossTab(
      [2025, 2026],
      ['webinar', 'study_visit', 'none'],
      [
        { year: 2025, key: 'webinar', count: 2 },
        { year: 2026, key: 'none', count: 1 },
        { year: 2026, key: 'webinar', count: 3 },
        { year: 2026, key: 'webinar', count: 1 },
        { year: 2024, key: 'webinar', count: 9 },
        { year: 2025, key: 'launch_event', count: 7 },
      ],
    );
    expect(table).toEqual({
      keys: ['webinar', 'study_visit', 'none'],
      rows: [
        { year: 2025, values: [2, 0, 0] },
        { year: 2026, values: [4, 0, 1] },
      ],
      totals: [6, 0, 1],
    });
  });
});

describe('percent', () => {
  it('rounds to one decimal and answers 0 for nobody', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(0, 0)).toBe(0);
    expect(percent(5, 5)).toBe(100);
  });
});

describe('womenShareTable', () => {
  it('shares per year, and over the period from the sums', () => {
    const table = womenShareTable(
      [2024, 2025, 2026],
      [
        { year: 2024, women: 1, participants: 3 },
        { year: 2026, women: 3, participants: 5 },
      ],
    );
    expect(table).toEqual({
      keys: ['women', 'participants', 'sharePercent'],
      rows: [
        { year: 2024, values: [1, 3, 33.3] },
        { year: 2025, values: [0, 0, 0] },
        { year: 2026, values: [3, 5, 60] },
      ],
      // 4 of 8, not the mean of 33.3 and 60.
      totals: [4, 8, 50],
    });
  });
});

describe('legendRanges', () => {
  it('is empty when nothing was counted', () => {
    expect(legendRanges(0)).toEqual([]);
  });
  it('counts one by one for small figures', () => {
    expect(legendRanges(3)).toEqual([
      { min: 1, max: 1 },
      { min: 2, max: 2 },
      { min: 3, max: 3 },
    ]);
  });
  it('rounds the width up to 1, 2 or 5 times a power of ten', () => {
    // 7 / 5 = 1.4 → 2
    expect(legendRanges(7)).toEqual([
      { min: 1, max: 2 },
      { min: 3, max: 4 },
      { min: 5, max: 6 },
      { min: 7, max: 8 },
    ]);
    // 230 / 5 = 46 → 50
    expect(legendRanges(230).map((range) => range.min)).toEqual([1, 51, 101, 151, 201]);
    expect(legendRanges(230).at(-1)).toEqual({ min: 201, max: 250 });
  });
});

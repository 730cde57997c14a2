/*
 * The dashboard's pure rules (docs/reports.md): the period a request means, the tables the API's
 * aggregates become, the share of women, and the map's legend. The SQL counts; these shape.
 */

/** How many years the dashboard shows when no period is asked for: the current one and 4 before. */
export const DEFAULT_DASHBOARD_YEARS = 5;

export interface PeriodInput {
  from?: number | undefined;
  to?: number | undefined;
}

/**
 * The period a request means: both years as given; only `from`: from then to the current year
 * (or that year alone, if it is later); only `to`: the five years ending then; neither: the five
 * years ending with the current one. The contract already refused from > to and spans over its
 * maximum; a one-sided period longer than `maxYears` is cut to its last `maxYears` years.
 */
export function dashboardPeriod(
  input: PeriodInput,
  currentYear: number,
  maxYears: number,
): { from: number; to: number } {
  const to =
    input.to ?? (input.from === undefined ? currentYear : Math.max(input.from, currentYear));
  const from = input.from ?? to - (DEFAULT_DASHBOARD_YEARS - 1);
  return { from: Math.max(from, to - (maxYears - 1)), to };
}

/** Every year from `from` to `to`, both included. */
export function yearsOf(period: { from: number; to: number }): number[] {
  const years: number[] = [];
  for (let year = period.from; year <= period.to; year += 1) years.push(year);
  return years;
}

export interface Cell {
  year: number;
  key: string;
  count: number;
}

export interface CrossTab {
  keys: string[];
  rows: { year: number; values: number[] }[];
  totals: number[];
}

/**
 * A table of years by keys from the counted cells: every year and every key present, zero where
 * nothing was counted, in the given orders; cells of other years or keys are not shown (and so
 * not in the totals: the totals are the sums of what the table shows).
 */
export function crossTab(
  years: readonly number[],
  keys: readonly string[],
  cells: readonly Cell[],
): CrossTab {
  const column = new Map(keys.map((key, index) => [key, index]));
  const rowOf = new Map(years.map((year, index) => [year, index]));
  const rows = years.map((year) => ({ year, values: keys.map(() => 0) }));
  for (const cell of cells) {
    const r = rowOf.get(cell.year);
    const c = column.get(cell.key);
    if (r === undefined || c === undefined) continue;
    const row = rows[r];
    if (row) row.values[c] = (row.values[c] ?? 0) + cell.count;
  }
  const totals = keys.map((_, c) => rows.reduce((sum, row) => sum + (row.values[c] ?? 0), 0));
  return { keys: [...keys], rows, totals };
}

/** A share as a percentage with one decimal (half away from zero), 0 for an empty whole. */
export function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.round((part / whole) * 1000) / 10;
}

/**
 * The share of women per year: columns women, participants and the share in percent (one
 * decimal). The totals row is the share over the whole period, not a sum of percentages.
 */
export function womenShareTable(
  years: readonly number[],
  cells: readonly { year: number; women: number; participants: number }[],
): CrossTab {
  const counts = crossTab(
    years,
    ['women', 'participants'],
    cells.flatMap((cell) => [
      { year: cell.year, key: 'women', count: cell.women },
      { year: cell.year, key: 'participants', count: cell.participants },
    ]),
  );
  const [women = 0, participants = 0] = counts.totals;
  return {
    keys: ['women', 'participants', 'sharePercent'],
    rows: counts.rows.map(({ year, values: [w = 0, p = 0] }) => ({
      year,
      values: [w, p, percent(w, p)],
    })),
    totals: [women, participants, percent(women, participants)],
  };
}

/**
 * The map's legend: up to `steps` ranges of whole numbers from 1 to `max`, each as wide as the
 * others, rounded up to a "nice" width (1, 2 or 5 times a power of ten); zero is its own class
 * (the States never reached). Empty when nothing was counted.
 */
export function legendRanges(max: number, steps = 5): { min: number; max: number }[] {
  if (max < 1) return [];
  const raw = max / steps;
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const width = [1, 2, 5, 10].map((m) => m * power).find((w) => w >= raw) ?? raw;
  const ranges: { min: number; max: number }[] = [];
  for (let low = 1; low <= max; low += width) ranges.push({ min: low, max: low + width - 1 });
  return ranges;
}

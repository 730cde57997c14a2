import type {
  EditionFormat,
  EditionLanguage,
  EventStatus,
  GeographicRegion,
  RegionalGroup,
} from '@convene/contracts';

/*
 * Coverage of the tool and the rules of its IATI export (docs/delivery.md): pure computation,
 * fed by the API with rows it read under the delivery visibility rule.
 */

/**
 * Deliveries as coverage reads them: one row, or several of the same State, edition language,
 * format and event summed (`deliveries` rows, `quantity` copies, the latest date).
 */
export interface CoverageDelivery {
  memberState: string;
  deliveries: number;
  language: EditionLanguage;
  format: EditionFormat;
  quantity: number;
  /** YYYY-MM-DD. */
  deliveredOn: string;
  event: { id: string; title: string } | null;
}

/** A State as coverage groups it. */
export interface CoverageState {
  alpha3: string;
  regionalGroup: RegionalGroup | null;
  region: GeographicRegion;
}

export interface StateCoverageFigures {
  memberState: string;
  regionalGroup: RegionalGroup | null;
  region: GeographicRegion;
  languages: EditionLanguage[];
  formats: EditionFormat[];
  lastDeliveredOn: string;
  events: { id: string; title: string }[];
  deliveries: number;
  copies: number;
}

export interface AreaCoverageFigures {
  statesReached: number;
  statesTotal: number;
  deliveries: number;
  copies: number;
}

export interface CoverageFigures {
  states: StateCoverageFigures[];
  byRegion: (AreaCoverageFigures & { region: GeographicRegion })[];
  byRegionalGroup: (AreaCoverageFigures & { regionalGroup: RegionalGroup | null })[];
  neverReached: string[];
  totals: AreaCoverageFigures;
}

const LANGUAGE_ORDER: readonly EditionLanguage[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es', 'other'];
const FORMAT_ORDER: readonly EditionFormat[] = ['print', 'pdf', 'elearning'];

const emptyArea = (): AreaCoverageFigures => ({
  statesReached: 0,
  statesTotal: 0,
  deliveries: 0,
  copies: 0,
});

/**
 * Coverage of `states` (the States within the caller's filters) by `deliveries`: per State which
 * languages and formats reached it, when last, through which events (newest first), how many
 * deliveries and copies; the same summed per geographic region and per UN regional group (a
 * State in no group counts under null); and the States never reached, in the order given.
 * Deliveries to States outside `states` are ignored.
 */
export function coverage(
  deliveries: readonly CoverageDelivery[],
  states: readonly CoverageState[],
): CoverageFigures {
  const known = new Map(states.map((state) => [state.alpha3, state]));
  const perState = new Map<
    string,
    {
      languages: Set<EditionLanguage>;
      formats: Set<EditionFormat>;
      last: string;
      events: Map<string, { id: string; title: string; last: string }>;
      deliveries: number;
      copies: number;
    }
  >();
  for (const delivery of deliveries) {
    if (!known.has(delivery.memberState)) continue;
    let entry = perState.get(delivery.memberState);
    if (!entry) {
      entry = {
        languages: new Set(),
        formats: new Set(),
        last: delivery.deliveredOn,
        events: new Map(),
        deliveries: 0,
        copies: 0,
      };
      perState.set(delivery.memberState, entry);
    }
    entry.languages.add(delivery.language);
    entry.formats.add(delivery.format);
    if (delivery.deliveredOn > entry.last) entry.last = delivery.deliveredOn;
    if (delivery.event) {
      const seen = entry.events.get(delivery.event.id);
      if (!seen || delivery.deliveredOn > seen.last) {
        entry.events.set(delivery.event.id, { ...delivery.event, last: delivery.deliveredOn });
      }
    }
    entry.deliveries += delivery.deliveries;
    entry.copies += delivery.quantity;
  }

  const byRegion = new Map<GeographicRegion, AreaCoverageFigures>();
  const byGroup = new Map<RegionalGroup | null, AreaCoverageFigures>();
  const totals = emptyArea();
  const result: StateCoverageFigures[] = [];
  const neverReached: string[] = [];
  for (const state of states) {
    const region = byRegion.get(state.region) ?? emptyArea();
    byRegion.set(state.region, region);
    const group = byGroup.get(state.regionalGroup) ?? emptyArea();
    byGroup.set(state.regionalGroup, group);
    for (const area of [region, group, totals]) area.statesTotal += 1;
    const entry = perState.get(state.alpha3);
    if (!entry) {
      neverReached.push(state.alpha3);
      continue;
    }
    for (const area of [region, group, totals]) {
      area.statesReached += 1;
      area.deliveries += entry.deliveries;
      area.copies += entry.copies;
    }
    result.push({
      memberState: state.alpha3,
      regionalGroup: state.regionalGroup,
      region: state.region,
      languages: LANGUAGE_ORDER.filter((language) => entry.languages.has(language)),
      formats: FORMAT_ORDER.filter((format) => entry.formats.has(format)),
      lastDeliveredOn: entry.last,
      events: [...entry.events.values()]
        .sort((a, b) =>
          a.last === b.last ? a.title.localeCompare(b.title) : a.last < b.last ? 1 : -1,
        )
        .map(({ id, title }) => ({ id, title })),
      deliveries: entry.deliveries,
      copies: entry.copies,
    });
  }
  return {
    states: result,
    byRegion: [...byRegion].map(([region, figures]) => ({ region, ...figures })),
    byRegionalGroup: [...byGroup].map(([regionalGroup, figures]) => ({
      regionalGroup,
      ...figures,
    })),
    neverReached,
    totals,
  };
}

/**
 * A bulk hand-out: for each edition, one delivery per State that had attending participants,
 * of `perParticipant` copies for each of them. States with nobody attending get nothing.
 */
export function bulkHandOut(
  attendingByState: readonly { memberState: string; attending: number }[],
  editions: readonly { editionId: string; perParticipant: number }[],
): { editionId: string; memberState: string; quantity: number }[] {
  return editions.flatMap(({ editionId, perParticipant }) =>
    attendingByState
      .filter((state) => state.attending > 0)
      .map((state) => ({
        editionId,
        memberState: state.memberState,
        quantity: state.attending * perParticipant,
      })),
  );
}

/** IATI ActivityStatus codes: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled. */
export type IatiActivityStatus = '1' | '2' | '3' | '4' | '5';

/**
 * The IATI activity status of an event: planned is in the pipeline; open for nominations,
 * nominations closed and confirmed are being implemented (preparations with States under way);
 * held and reported are in finalisation (the meeting took place, its report and follow-up are
 * open); closed is closed; cancelled is cancelled. A draft is never exported (null).
 */
export function iatiActivityStatus(status: EventStatus): IatiActivityStatus | null {
  switch (status) {
    case 'draft':
      return null;
    case 'planned':
      return '1';
    case 'open_for_nominations':
    case 'nominations_closed':
    case 'confirmed':
      return '2';
    case 'held':
    case 'reported':
      return '3';
    case 'closed':
      return '4';
    case 'cancelled':
      return '5';
  }
}

/** Whether the event took place: its actual dates and results are reported. */
export function eventTookPlace(status: EventStatus): boolean {
  return status === 'held' || status === 'reported' || status === 'closed';
}

/**
 * Percentages for `count` equal shares, with two decimals, summing to exactly 100 (IATI wants
 * sector and recipient-country percentages to add up): the first shares take the cents the
 * division leaves over. E.g. 3 → 33.34, 33.33, 33.33.
 */
export function equalPercentages(count: number): string[] {
  if (count <= 0) return [];
  const cents = 10_000;
  const base = Math.floor(cents / count);
  const extra = cents - base * count;
  return Array.from({ length: count }, (_, index) => {
    const share = base + (index < extra ? 1 : 0);
    return `${Math.floor(share / 100)}.${String(share % 100).padStart(2, '0')}`;
  });
}

/**
 * The language a narrative is written in, from its script: Arabic script is Arabic, Han
 * characters Chinese, Cyrillic Russian; Latin text (English, French, Spanish cannot be told apart
 * by script) takes `latin`, the event's first working language of those three, or English.
 */
export function narrativeLanguage(
  text: string,
  latin: 'en' | 'fr' | 'es',
): 'ar' | 'zh' | 'ru' | 'en' | 'fr' | 'es' {
  const letters = { ar: 0, zh: 0, ru: 0, latin: 0 };
  for (const char of text) {
    if (/\p{Script=Arabic}/u.test(char)) letters.ar++;
    else if (/\p{Script=Han}/u.test(char)) letters.zh++;
    else if (/\p{Script=Cyrillic}/u.test(char)) letters.ru++;
    else if (/\p{Script=Latin}/u.test(char)) letters.latin++;
  }
  // Han characters each carry a word: one counts as much as a few Latin letters.
  const scores: [keyof typeof letters, number][] = [
    ['ar', letters.ar],
    ['zh', letters.zh * 3],
    ['ru', letters.ru],
    ['latin', letters.latin],
  ];
  const [best, score] = scores.reduce((top, next) => (next[1] > top[1] ? next : top));
  if (score === 0 || best === 'latin') return latin;
  return best;
}

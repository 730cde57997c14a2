// The deterministic event generator: from the Member States and a seed, events whose types,
// dates, statuses and words follow the tables in ./data. No I/O; the same seed, States and `now`
// give the same events.
import {
  type EventFormat,
  type EventStatus,
  type EventType,
  type Language,
  type RegionalGroup,
  TARGET_AUDIENCES,
  type TargetAudience,
  THEMATIC_AREAS,
  type ThematicArea,
} from '@convene/contracts';
import {
  AUDIENCE_WORDS,
  CANCEL_REASONS,
  DURATION,
  PARTNERS,
  PUBLICATIONS,
  REGION_LANGUAGES,
  REGION_NAMES,
  TOPICS,
  TYPE_LABELS,
  TYPE_WEIGHTS,
  VENUE_NAMES,
  VENUES,
  YEAR_WEIGHTS,
} from './data';

/** A Member State as the generator reads it from member_states. */
export interface StateRow {
  alpha3: string;
  regional_group: RegionalGroup | null;
  name_en: string;
}

/** One generated event, in the insert's columns. */
export interface LoadEvent {
  type: EventType;
  title: string;
  summary: string;
  description: string;
  thematicAreas: ThematicArea[];
  targetAudiences: TargetAudience[];
  format: EventFormat;
  venueName: string | null;
  venueCity: string | null;
  venueCountry: string | null;
  meetingLink: string | null;
  /** Wall-clock times at the venue ('YYYY-MM-DD HH:MM'), turned into instants by PostgreSQL. */
  localStart: string;
  localEnd: string;
  timeZone: string;
  workingLanguages: Language[];
  interpretation: boolean;
  capacity: number | null;
  hostStates: string[];
  organisers: string[];
  partnerOrganisations: string[];
  isPublic: boolean;
  status: EventStatus;
  cancelReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const DAY_MS = 86_400_000;

/** A small seeded generator (mulberry32): the same seed gives the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const isKnownZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export class EventGenerator {
  private readonly next: () => number;
  private readonly byRegion = new Map<RegionalGroup, StateRow[]>();
  /** Venues: States in VENUES four times as likely as the others. */
  private readonly venueStates: StateRow[] = [];
  /** Each State's zone and venue city, checked once (a zone the runtime lacks means UTC). */
  private readonly venues = new Map<string, { zone: string; city: string | null }>();
  private readonly codes: string[];

  constructor(
    private readonly states: StateRow[],
    seed: number,
    private readonly now: Date,
  ) {
    this.next = random(seed);
    for (const state of states) {
      if (state.regional_group) {
        const list = this.byRegion.get(state.regional_group) ?? [];
        list.push(state);
        this.byRegion.set(state.regional_group, list);
      }
      const known = VENUES[state.alpha3];
      const usable = !!known && isKnownZone(known[0]);
      this.venues.set(state.alpha3, {
        zone: usable ? known[0] : 'UTC',
        city: usable ? known[1] : null,
      });
      for (let i = 0; i < (usable ? 4 : 1); i++) this.venueStates.push(state);
    }
    this.codes = states.map((state) => state.alpha3);
  }

  batch(size: number): LoadEvent[] {
    return Array.from({ length: size }, () => this.event());
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  private chance(p: number): boolean {
    return this.next() < p;
  }
  private pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  private weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }
  private some<T>(items: readonly T[], min: number, max: number): T[] {
    const chosen = new Set<T>();
    const count = Math.min(items.length, this.int(min, max));
    while (chosen.size < count) chosen.add(this.pick(items));
    return [...chosen];
  }

  private event(): LoadEvent {
    const type = this.weighted(Object.entries(TYPE_WEIGHTS) as [EventType, number][]);
    const format: EventFormat =
      type === 'webinar'
        ? 'virtual'
        : type === 'study_visit'
          ? 'in_person'
          : this.weighted<EventFormat>([
              ['in_person', 70],
              ['hybrid', 20],
              ['virtual', 10],
            ]);
    const venueState = this.pick(this.venueStates);
    const region = venueState.regional_group ?? 'western_european_others';
    const hostStates = this.hosts(type, venueState, region);
    const venue = this.venues.get(venueState.alpha3) ?? { zone: 'UTC', city: null };
    const zone = venue.zone;
    // A virtual event keeps the time of its first host (or of the organisers in Vienna).
    const timeZone = format === 'virtual' ? (hostStates.length > 0 ? zone : 'Europe/Vienna') : zone;

    const thematicAreas = this.some(THEMATIC_AREAS, 1, 3);
    const targetAudiences = this.some(TARGET_AUDIENCES, 1, 3);
    const { start, end } = this.dates(type);
    const { status, cancelReason } = this.status(start, end);
    const languages = this.some(REGION_LANGUAGES[region], 1, 2);
    const title = this.title(type, thematicAreas, targetAudiences, venueState, region, start);
    const createdAt = new Date(
      Math.min(this.now.getTime(), start.getTime() - this.int(20, 300) * DAY_MS),
    );
    const updatedAt = new Date(
      Math.min(
        this.now.getTime(),
        createdAt.getTime() + this.next() * (end.getTime() + 60 * DAY_MS - createdAt.getTime()),
      ),
    );
    return {
      type,
      title,
      summary: this.summary(type, thematicAreas, targetAudiences, venueState),
      description: this.description(thematicAreas, targetAudiences),
      thematicAreas,
      targetAudiences,
      format,
      venueName: format === 'virtual' ? null : this.pick(VENUE_NAMES),
      venueCity:
        format === 'virtual' ? null : (venue.city ?? `${venueState.name_en} (capital city)`),
      venueCountry: format === 'virtual' ? null : venueState.alpha3,
      meetingLink:
        format === 'in_person'
          ? null
          : `https://meet.convene.example/${Math.floor(this.next() * 1e10).toString(36)}`,
      localStart: wallClock(start),
      localEnd: wallClock(end),
      timeZone,
      workingLanguages: languages,
      interpretation: languages.length > 1,
      capacity:
        format === 'virtual'
          ? this.int(10, 50) * 10
          : format === 'hybrid'
            ? this.int(30, 120)
            : this.int(15, 60),
      hostStates,
      organisers: this.chance(0.2)
        ? ['UNODC Terrorism Prevention Branch', 'UNODC Global Programme on Cybercrime']
        : ['UNODC Terrorism Prevention Branch'],
      partnerOrganisations: this.chance(0.6) ? this.some(PARTNERS, 1, 2) : [],
      isPublic: status !== 'draft' && this.chance(0.35),
      status,
      cancelReason,
      version: status === 'draft' ? 1 : this.int(2, 8),
      createdAt,
      updatedAt,
    };
  }

  private hosts(type: EventType, venue: StateRow, region: RegionalGroup): string[] {
    const neighbours = (this.byRegion.get(region) ?? []).map((state) => state.alpha3);
    switch (type) {
      case 'national_workshop':
      case 'training_of_trainers':
        return [venue.alpha3];
      case 'regional_workshop':
        return [venue.alpha3, ...this.some(neighbours, 2, 6).filter((c) => c !== venue.alpha3)];
      case 'study_visit': {
        // Officials of one State visit another.
        const visitor = this.pick(this.states).alpha3;
        return visitor === venue.alpha3 ? [venue.alpha3] : [visitor, venue.alpha3];
      }
      case 'training_course':
        return [venue.alpha3, ...this.some(neighbours, 0, 2).filter((c) => c !== venue.alpha3)];
      case 'expert_group_meeting':
        return this.some(this.codes, 3, 10);
      case 'webinar':
      case 'launch_event':
        return this.chance(0.4) ? [] : this.some(neighbours, 1, 8);
    }
  }

  /** Wall-clock start and end at the venue, as if UTC (converted in SQL with the zone). */
  private dates(type: EventType): { start: Date; end: Date } {
    const year = this.weighted(YEAR_WEIGHTS);
    const yearStart = Date.UTC(year, 0, 1);
    const days = (Date.UTC(year + 1, 0, 1) - yearStart) / DAY_MS;
    let day = new Date(yearStart + this.int(0, days - 1) * DAY_MS);
    // Meetings start on working days; the summer and the year's end are quieter.
    const month = day.getUTCMonth();
    if ((month === 7 || month === 11) && this.chance(0.5)) {
      day = new Date(day.getTime() - this.int(20, 40) * DAY_MS);
    }
    // Saturday or Sunday: the next Monday, or the Friday before if that is next year.
    const weekday = day.getUTCDay();
    if (weekday === 6 || weekday === 0) {
      const monday = new Date(day.getTime() + (weekday === 6 ? 2 : 1) * DAY_MS);
      const friday = new Date(day.getTime() - (weekday === 6 ? 1 : 2) * DAY_MS);
      day = monday.getUTCFullYear() === year ? monday : friday;
    }
    const duration = DURATION[type];
    if ('hours' in duration) {
      const startHour = this.pick([9, 10, 11, 13, 14, 15]);
      const start = new Date(day.getTime() + startHour * 3_600_000);
      const hours = duration.hours[0] + this.next() * (duration.hours[1] - duration.hours[0]);
      return { start, end: new Date(start.getTime() + Math.round(hours * 2) * 1_800_000) };
    }
    const start = new Date(day.getTime() + this.pick([8.5, 9, 9, 9.5, 10]) * 3_600_000);
    const length = this.int(duration.days[0], duration.days[1]);
    const end = new Date(
      day.getTime() + (length - 1) * DAY_MS + this.pick([16, 17, 17, 17.5, 18]) * 3_600_000,
    );
    return { start, end };
  }

  /** A status that fits the dates, as seen from `now`. */
  private status(start: Date, end: Date): { status: EventStatus; cancelReason: string | null } {
    const now = this.now.getTime();
    const cancelled = () => ({
      status: 'cancelled' as const,
      cancelReason: this.pick(CANCEL_REASONS),
    });
    const as = (status: EventStatus) => ({ status, cancelReason: null });
    if (end.getTime() < now) {
      if (this.chance(0.08)) return cancelled();
      const daysAgo = (now - end.getTime()) / DAY_MS;
      if (daysAgo < 30)
        return as(
          this.weighted<EventStatus>([
            ['held', 70],
            ['reported', 30],
          ]),
        );
      if (daysAgo < 180) {
        return as(
          this.weighted<EventStatus>([
            ['held', 20],
            ['reported', 55],
            ['closed', 25],
          ]),
        );
      }
      return as(
        this.weighted<EventStatus>([
          ['held', 5],
          ['reported', 15],
          ['closed', 80],
        ]),
      );
    }
    if (start.getTime() <= now) return as('confirmed');
    if (this.chance(0.04)) return cancelled();
    const daysAhead = (start.getTime() - now) / DAY_MS;
    if (daysAhead < 14) {
      return as(
        this.weighted<EventStatus>([
          ['confirmed', 70],
          ['nominations_closed', 20],
          ['open_for_nominations', 10],
        ]),
      );
    }
    if (daysAhead < 60) {
      return as(
        this.weighted<EventStatus>([
          ['open_for_nominations', 40],
          ['nominations_closed', 35],
          ['confirmed', 25],
        ]),
      );
    }
    if (daysAhead < 180) {
      return as(
        this.weighted<EventStatus>([
          ['planned', 50],
          ['open_for_nominations', 40],
          ['draft', 10],
        ]),
      );
    }
    if (daysAhead < 365) {
      return as(
        this.weighted<EventStatus>([
          ['planned', 60],
          ['draft', 35],
          ['open_for_nominations', 5],
        ]),
      );
    }
    return as(
      this.weighted<EventStatus>([
        ['draft', 55],
        ['planned', 45],
      ]),
    );
  }

  private title(
    type: EventType,
    areas: ThematicArea[],
    audiences: TargetAudience[],
    venue: StateRow,
    region: RegionalGroup,
    start: Date,
  ): string {
    const topic = this.pick(TOPICS[this.pick(areas)]);
    const audience = AUDIENCE_WORDS[this.pick(audiences)];
    switch (type) {
      case 'national_workshop':
        return `National workshop on ${topic} for ${audience} of ${venue.name_en}`;
      case 'regional_workshop':
        return `Regional workshop for ${REGION_NAMES[region]} on ${topic}`;
      case 'expert_group_meeting':
        return `Expert group meeting on ${topic} (${start.getUTCFullYear()})`;
      case 'training_course':
        return `Training course for ${audience}: ${topic}`;
      case 'training_of_trainers':
        return `Training of trainers on ${topic} in ${venue.name_en}`;
      case 'study_visit':
        return `Study visit of ${audience} to ${venue.name_en} on ${topic}`;
      case 'webinar':
        return `Webinar: ${topic[0]?.toUpperCase()}${topic.slice(1)}`;
      case 'launch_event':
        return `Launch of the ${this.pick(PUBLICATIONS)}`;
    }
  }

  private summary(
    type: EventType,
    areas: ThematicArea[],
    audiences: TargetAudience[],
    venue: StateRow,
  ): string {
    const topics = areas.map((area) => this.pick(TOPICS[area]));
    const who = audiences.map((audience) => AUDIENCE_WORDS[audience]).join(', ');
    return (
      `${TYPE_LABELS[type]} bringing together ${who} to strengthen capacities on ` +
      `${topics.join('; ')}. ` +
      (type === 'webinar' || type === 'launch_event'
        ? 'Open to practitioners from all regions.'
        : `Hosted in ${venue.name_en} with experts from partner States.`)
    );
  }

  private description(areas: ThematicArea[], audiences: TargetAudience[]): string {
    const paragraphs = [
      'The activity is delivered under the project on the use of the internet for terrorist ' +
        'purposes, which supports Member States in preventing and countering terrorism ' +
        'in line with international human rights law.',
      `Sessions cover ${areas.flatMap((area) => TOPICS[area]).join(', ')}.`,
      `Participants (${audiences.map((a) => AUDIENCE_WORDS[a]).join(', ')}) work through ` +
        'case studies, exchange national practice and draft recommendations for follow-up.',
      'Nominations are made through the focal points; the organisers confirm participation ' +
        'in writing and share the agenda, logistics note and reading material in advance.',
    ];
    return paragraphs.slice(0, this.int(2, paragraphs.length)).join('\n\n');
  }
}

/** 'YYYY-MM-DD HH:MM' of a Date read as UTC. */
const wallClock = (date: Date) => date.toISOString().slice(0, 16).replace('T', ' ');

import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { Icon } from '../shared/icons/icon.component';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import type { EventSummary } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { narrowScreen } from '../shared/narrow-screen';
import { type CalendarMode, eventDays, eventsByDay } from './calendar';
import { CLOCK } from './clock';
import { EVENT_STATUS_ICONS } from './event-labels';
import { isolateFor } from '../i18n/bidi';
import { directionOf } from '../i18n/language';
import { dateOnly, formatInstant, formatRange } from './zoned-time';

/** How many events a day of the month shows before "N more". */
const MONTH_CHIPS = 3;

interface CalendarEntry {
  event: EventSummary;
  /** The start time on the first day; empty on the days it continues. */
  time: string;
  continues: boolean;
  /** The whole period, for screen readers. */
  when: string;
  /** Title and period, for the tooltip of a chip too narrow for its title. */
  label: string;
}

/** A day with events, as a phone lists them. */
interface AgendaDay {
  date: string;
  label: string;
  today: boolean;
  entries: CalendarEntry[];
}

interface CalendarDay {
  date: string;
  number: string;
  fullDate: string;
  inMonth: boolean;
  today: boolean;
  entries: CalendarEntry[];
  hidden: number;
}

const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * A month (or week) of events on the days they happen in their venues'
 * clocks. Each event is a link; navigation and the month/week switch are
 * plain buttons, so the whole calendar works from the keyboard.
 */
@Component({
  selector: 'cv-events-calendar',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    Icon,
    MatTooltipModule,
    RouterLink,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './events-calendar.component.html',
  styleUrl: './events-calendar.component.scss',
})
export class EventsCalendar {
  readonly tenant = input.required<string>();
  readonly mode = input.required<CalendarMode>();
  readonly anchor = input.required<string>();
  readonly weeks = input.required<string[][]>();
  readonly events = input.required<EventSummary[]>();

  readonly move = output<number>();
  readonly today = output<void>();
  readonly modeChange = output<CalendarMode>();
  /** "N more" on a day of the month: show that day's week. */
  readonly openWeek = output<string>();

  private readonly language = inject(LanguageService).language;
  private readonly todayDate = dateOnly(inject(CLOCK)());
  protected readonly statusIcons = EVENT_STATUS_ICONS;
  /** A phone lists the days that have events instead of drawing the grid. */
  protected readonly narrow = narrowScreen();

  protected readonly title = computed(() => {
    const weeks = this.weeks();
    if (this.mode() === 'week') {
      const days = weeks[0] ?? [];
      return new Intl.DateTimeFormat(this.language(), {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).formatRange(utc(days[0] ?? this.anchor()), utc(days[6] ?? this.anchor()));
    }
    return new Intl.DateTimeFormat(this.language(), {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(utc(this.anchor()));
  });

  protected readonly weekdays = computed(() => {
    const long = new Intl.DateTimeFormat(this.language(), { weekday: 'long', timeZone: 'UTC' });
    const short = new Intl.DateTimeFormat(this.language(), { weekday: 'short', timeZone: 'UTC' });
    return (this.weeks()[0] ?? []).map((day) => ({
      long: long.format(utc(day)),
      short: short.format(utc(day)),
    }));
  });

  protected readonly rows = computed<CalendarDay[][]>(() => {
    const language = this.language();
    const month = this.anchor().slice(0, 7);
    const byDay = eventsByDay(this.events(), this.weeks());
    const full = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' });
    const number = new Intl.DateTimeFormat(language, { day: 'numeric', timeZone: 'UTC' });
    const limit = this.mode() === 'month' ? MONTH_CHIPS : Number.POSITIVE_INFINITY;
    return this.weeks().map((week) =>
      week.map((date) => {
        const events = byDay.get(date) ?? [];
        const entries = events.slice(0, limit).map((event) => this.entry(event, date, language));
        return {
          date,
          number: number.format(utc(date)),
          fullDate: full.format(utc(date)),
          inMonth: this.mode() === 'week' || date.startsWith(month),
          today: date === this.todayDate,
          entries,
          hidden: events.length - entries.length,
        };
      }),
    );
  });

  /** The shown month's (or week's) days that have events, each with all of them. */
  protected readonly agenda = computed<AgendaDay[]>(() => {
    const language = this.language();
    const month = this.anchor().slice(0, 7);
    const byDay = eventsByDay(this.events(), this.weeks());
    const label = new Intl.DateTimeFormat(language, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    });
    return this.weeks()
      .flat()
      .filter((date) => this.mode() === 'week' || date.startsWith(month))
      .map((date) => ({
        date,
        label: label.format(utc(date)),
        today: date === this.todayDate,
        entries: (byDay.get(date) ?? []).map((event) => this.entry(event, date, language)),
      }))
      .filter((day) => day.entries.length > 0);
  });

  protected readonly empty = computed(() => this.events().length === 0);

  private entry(event: EventSummary, date: string, language: string): CalendarEntry {
    const starts = eventDays(event).first === date;
    const time = starts
      ? formatInstant(event.startsAt, event.timeZone, language, { timeStyle: 'short' })
      : '';
    const when = formatRange(event.startsAt, event.endsAt, event.timeZone, language);
    // The tooltip is one line: the title isolated, so a title in the other script keeps its place.
    const title = isolateFor(event.title, directionOf(language));
    return { event, time, continues: !starts, when, label: `${title}, ${when}` };
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import {
  clocksDiffer,
  formatInstant,
  formatRange,
  viewerTimeZone,
  zoneAbbreviation,
  zonedDate,
} from './zoned-clock';
import { zoneLongName } from './zone-long-name';

const DAYS: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
const TIMES: Intl.DateTimeFormatOptions = { timeStyle: 'short' };
const BOTH: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/**
 * When an event (or a session) happens: its days, then its hours in the
 * venue's clock with the zone's short name, and beneath them the reader's
 * own clock when that differs (with the days too, if they differ as well).
 */
@Component({
  selector: 'cv-event-when',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="event-when">
      @if (days(); as days) {
        <span class="event-when__days">{{ days }}</span>
      }
      <span class="event-when__hours">
        {{ hours() }} <abbr class="event-when__zone" [title]="zoneName()">{{ zone() }}</abbr>
      </span>
      @if (viewer(); as viewer) {
        <span class="event-when__viewer">
          {{ 'events.yourTime' | transloco: { time: viewer.time, zone: viewer.zone } }}
        </span>
      }
    </span>
  `,
  styles: `
    .event-when {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }

    .event-when__days {
      font-weight: 500;
    }

    .event-when__hours {
      white-space: nowrap;
    }

    .event-when__zone {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
      text-decoration: none;
      unicode-bidi: isolate;
    }

    .event-when__viewer {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class EventWhen {
  readonly startsAt = input.required<string>();
  readonly endsAt = input.required<string>();
  readonly timeZone = input.required<string>();
  /** Days and hours, or hours only (a session on a day already named). */
  readonly show = input<'dates' | 'times'>('dates');
  /** The reader's zone; the browser's unless a test says otherwise. */
  readonly viewerZone = input(viewerTimeZone());

  private readonly language = inject(LanguageService).language;

  protected readonly days = computed(() =>
    this.show() === 'dates'
      ? formatRange(this.startsAt(), this.endsAt(), this.timeZone(), this.language(), DAYS)
      : null,
  );
  protected readonly hours = computed(() =>
    this.clock(this.startsAt(), this.endsAt(), this.timeZone()),
  );
  protected readonly zone = computed(() =>
    zoneAbbreviation(this.startsAt(), this.timeZone(), this.language()),
  );
  protected readonly zoneName = computed(() =>
    zoneLongName(this.timeZone(), this.language(), this.startsAt()),
  );
  protected readonly viewer = computed(() => {
    const own = this.viewerZone();
    const venue = this.timeZone();
    const [start, end] = [this.startsAt(), this.endsAt()];
    if (!clocksDiffer(venue, own, start, end)) return null;
    const sameDays =
      zonedDate(start, venue) === zonedDate(start, own) &&
      zonedDate(end, venue) === zonedDate(end, own);
    return {
      time: sameDays
        ? this.clock(start, end, own)
        : formatRange(start, end, own, this.language(), BOTH),
      zone: zoneAbbreviation(start, own, this.language()),
    };
  });

  /** "10:00 AM – 6:00 PM": the start's hour and the end's, whatever days they fall on. */
  private clock(start: string, end: string, zone: string): string {
    const language = this.language();
    return `${formatInstant(start, zone, language, TIMES)} – ${formatInstant(end, zone, language, TIMES)}`;
  }
}

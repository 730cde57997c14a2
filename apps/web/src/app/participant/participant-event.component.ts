import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { ParticipantEvent } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { EventWhen } from '../events/event-when.component';
import { VenuePlacePipe } from '../events/venue-place.pipe';
import { LanguageService } from '../i18n/language.service';

/** The event as a participant's pages show it: what, when, where, in which languages, by whom. */
@Component({
  selector: 'cv-participant-event',
  imports: [MatIconModule, TranslocoPipe, EventWhen, VenuePlacePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let e = event();
    <p class="participant-event__organiser">
      <bdi>{{ e.organiser }}</bdi>
    </p>
    <h2 class="participant-event__title">
      <bdi>{{ e.title }}</bdi>
    </h2>
    @if (e.summary) {
      <p class="participant-event__summary">
        <bdi>{{ e.summary }}</bdi>
      </p>
    }
    @if (e.status === 'cancelled') {
      <p class="cv-banner cv-banner--error">
        <mat-icon svgIcon="event_busy" />
        <span>{{ 'participant.cancelled' | transloco }}</span>
      </p>
    }
    <dl class="participant-event__facts">
      <div>
        <dt>
          <mat-icon aria-hidden="true" svgIcon="schedule" />
          {{ 'events.columns.when' | transloco }}
        </dt>
        <dd>
          <cv-event-when [startsAt]="e.startsAt" [endsAt]="e.endsAt" [timeZone]="e.timeZone" />
        </dd>
      </div>
      <div>
        <dt>
          <mat-icon aria-hidden="true" svgIcon="location_on" />
          {{ 'events.columns.where' | transloco }}
        </dt>
        <dd>
          @if (e.venue; as venue) {
            @if (venue.name) {
              <bdi>{{ venue.name }}</bdi
              >,
            }
            {{ place() | venuePlace: language() }}
            @if (e.format === 'hybrid') {
              <span> · {{ 'events.alsoOnline' | transloco }}</span>
            }
          } @else {
            {{ 'events.online' | transloco }}
          }
        </dd>
      </div>
      @if (languages()) {
        <div>
          <dt>
            <mat-icon aria-hidden="true" svgIcon="translate" />
            {{ 'events.fields.workingLanguages' | transloco }}
          </dt>
          <dd>{{ languages() }}</dd>
        </div>
      }
    </dl>
  `,
  styles: `
    :host {
      display: block;
    }
    .participant-event__organiser {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-large);
    }
    .participant-event__title {
      margin: 0.25rem 0 0.5rem;
      font: var(--mat-sys-headline-small);
      overflow-wrap: anywhere;
    }
    .participant-event__summary {
      margin: 0 0 1rem;
    }
    .participant-event__facts {
      display: grid;
      gap: 0.75rem;
      margin: 0;
    }
    .participant-event__facts dt {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .participant-event__facts dd {
      margin: 0.25rem 0 0;
      padding-inline-start: 2rem;
    }
  `,
})
export class ParticipantEventSummary {
  readonly event = input.required<ParticipantEvent>();
  protected readonly language = inject(LanguageService).language;

  protected readonly place = computed(() => {
    const venue = this.event().venue;
    return venue ? { city: venue.city ?? '', countryAlpha3: venue.countryAlpha3 } : null;
  });

  protected readonly languages = computed(() => {
    const language = this.language();
    const names = new Intl.DisplayNames([language], { type: 'language' });
    const list = new Intl.ListFormat(language, { type: 'conjunction' });
    return list.format(this.event().workingLanguages.map((code) => names.of(code) ?? code));
  });
}

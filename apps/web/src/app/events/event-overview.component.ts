import { LocalDatePipe } from '../shared/local-format';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { Icon } from '../shared/icons/icon.component';
import type { EventDetail } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { MemberStateNamePipe } from '../member-states/member-state-name.pipe';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';
import { EVENT_FORMAT_ICONS } from './event-labels';
import { EventWhen } from './event-when.component';
import { IsolatedListPipe } from '../i18n/isolated-list.pipe';
import { VenuePlacePipe } from './venue-place.pipe';
import { zoneLabel } from './zone-names';

/** Everything an event says about itself, in three cards: what, where and when, who. */
@Component({
  selector: 'cv-event-overview',
  imports: [
    LocalDatePipe,
    MatCardModule,
    Icon,
    TranslocoPipe,
    MemberStateNamePipe,
    EventWhen,
    VenuePlacePipe,
    IsolatedListPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './event-overview.component.html',
  styleUrl: './event-overview.component.scss',
})
export class EventOverview {
  readonly event = input.required<EventDetail>();

  protected readonly language = inject(LanguageService).language;
  protected readonly formatIcons = EVENT_FORMAT_ICONS;

  protected readonly languages = computed(() => {
    const names = new Intl.DisplayNames([this.language()], { type: 'language' });
    return new Intl.ListFormat(this.language(), { type: 'conjunction' }).format(
      this.event().workingLanguages.map((code) => names.of(code) ?? code),
    );
  });
  protected readonly zone = computed(() => {
    const event = this.event();
    return zoneLabel(event.timeZone, this.language(), event.startsAt);
  });

  constructor() {
    inject(MemberStatesCatalog).ensureLoaded();
  }
}

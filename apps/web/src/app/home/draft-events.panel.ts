import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { EventWhen } from '../events/event-when.component';
import { EventsApi, NO_FILTER } from '../events/events.api';
import { PanelLoad } from './home-panel';
import { PanelState } from './panel-state.component';

const SHOWN = 5;

/** For planners: the events still in draft, which nobody else sees until they are planned. */
@Component({
  selector: 'cv-draft-events-panel',
  imports: [PanelState, RouterLink, TranslocoPipe, EventWhen],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './home-panel.scss',
  template: `
    <h2 class="cv-panel-title">{{ 'home.drafts.title' | transloco }}</h2>
    <cv-panel-state [load]="drafts">
      @if (drafts.value(); as page) {
        @if (page.items.length === 0) {
          <p class="cv-muted home-panel__none">{{ 'home.drafts.none' | transloco }}</p>
        } @else {
          <p class="cv-muted home-panel__intro">{{ 'home.drafts.intro' | transloco }}</p>
          <ul class="home-panel__list">
            @for (event of page.items; track event.id) {
              <li>
                <a class="cv-link" [routerLink]="['/t', tenant(), 'events', event.id]">{{
                  event.title
                }}</a>
                <span class="home-panel__meta">
                  <cv-event-when
                    [startsAt]="event.startsAt"
                    [endsAt]="event.endsAt"
                    [timeZone]="event.timeZone"
                  />
                </span>
              </li>
            }
          </ul>
          @if (page.nextCursor) {
            <a class="cv-button" [routerLink]="['/t', tenant(), 'events']">
              {{ 'home.drafts.more' | transloco }}
            </a>
          }
        }
      }
    </cv-panel-state>
  `,
})
export class DraftEventsPanel {
  private readonly api = inject(EventsApi);
  readonly tenant = input.required<string>();

  protected readonly drafts = new PanelLoad(this.tenant, (tenant) =>
    this.api.list(tenant, { ...NO_FILTER, status: 'draft' }, null, SHOWN),
  );
}

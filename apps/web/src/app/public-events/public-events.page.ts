import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  untracked,
} from '@angular/core';
import { PublicRecommendations } from '../recommendations/public-recommendations.component';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { Icon } from '../shared/icons/icon.component';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Title } from '@angular/platform-browser';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { EVENT_FORMAT_ICONS } from '../events/event-labels';
import { EventStatusChip } from '../events/event-status.component';
import { EventWhen } from '../events/event-when.component';
import { VenuePlacePipe } from '../events/venue-place.pipe';
import { LanguageService } from '../i18n/language.service';
import { CopyField } from '../shared/copy-field.component';
import { EmptyState } from '../shared/empty-state.component';
import { LoadMore } from '../shared/load-more.component';
import { LiveError } from '../shared/live-error.component';
import { SignedOutPage } from '../shell/signed-out-page.component';
import { PublicEventsStore } from './public-events.store';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/**
 * A tenant's public calendar, for anyone without signing in: its upcoming
 * public events and the feed to subscribe to in a calendar app.
 */
@Component({
  selector: 'cv-public-events-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    PublicRecommendations,
    MatButtonModule,
    MatCardModule,
    Icon,
    MatProgressBarModule,
    TranslocoPipe,
    CopyField,
    EmptyState,
    LoadMore,
    LiveError,
    SignedOutPage,
    EventStatusChip,
    EventWhen,
    VenuePlacePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './public-events.page.html',
  styleUrl: './public-events.page.scss',
})
export class PublicEventsPage {
  readonly slug = input.required<string>();

  protected readonly store = inject(PublicEventsStore);
  protected readonly language = inject(LanguageService).language;
  protected readonly formatIcons = EVENT_FORMAT_ICONS;

  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  private readonly injector = inject(Injector);
  /** Where the next page's events start, while "Load more" is on its way. */
  private firstNew: number | null = null;

  /** The events with their working languages named in the reader's language. */
  protected readonly events = computed(() => {
    const language = this.language();
    const names = new Intl.DisplayNames([language], { type: 'language' });
    const list = new Intl.ListFormat(language, { type: 'conjunction' });
    return this.store.events().map((event) => ({
      ...event,
      languages: list.format(event.workingLanguages.map((code) => names.of(code) ?? code)),
    }));
  });

  constructor() {
    effect(() => {
      const slug = this.slug();
      untracked(() => this.store.open(slug));
    });

    // After "Load more", the keyboard carries on from the first new event.
    effect(() => {
      const events = this.store.events();
      const first = this.firstNew;
      if (first === null || events.length <= first) return;
      this.firstNew = null;
      const id = `public-event-${events[first]?.id}`;
      afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`#${id}`)?.focus(), {
        injector: this.injector,
      });
    });

    // The browser tab names the organisation once it is known.
    const title = inject(Title);
    const transloco = inject(TranslocoService);
    effect(() => {
      const name = this.store.tenantName();
      if (name) title.setTitle(`${name} · ${transloco.translate('app.name')}`);
    });
  }

  protected loadMore(): void {
    this.firstNew = this.store.events().length;
    this.store.loadMore();
  }
}

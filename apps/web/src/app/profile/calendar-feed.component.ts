import { formatLocalDate } from '../shared/local-format';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Icon } from '../shared/icons/icon.component';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import type { ProblemDetails } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { askToConfirm } from '../shared/confirm.dialog';
import { CopyField } from '../shared/copy-field.component';
import { LiveError } from '../shared/live-error.component';
import { Notifier } from '../shared/notifier.service';
import { CalendarFeedStore } from './calendar-feed.store';

/**
 * The profile's calendar feed: the events a person organises or speaks at,
 * for their own calendar app, behind a secret URL shown once.
 */
@Component({
  selector: 'cv-calendar-feed',
  imports: [
    MatButtonModule,
    Icon,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    TranslocoPipe,
    CopyField,
    LiveError,
  ],
  // Only this card uses the feed: its state comes and goes with it.
  providers: [CalendarFeedStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './calendar-feed.component.html',
  styleUrl: './calendar-feed.component.scss',
})
export class CalendarFeed {
  protected readonly store = inject(CalendarFeedStore);
  protected readonly language = inject(LanguageService).language;
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly createdOn = computed(() => {
    const createdAt = this.store.createdAt();
    return createdAt ? formatLocalDate(createdAt, 'mediumDate', this.language()) : null;
  });

  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  private readonly injector = inject(Injector);

  protected async create(): Promise<void> {
    if (await this.run(() => this.store.create())) {
      this.notifier.success('profile.calendarFeed.created');
      // The button is gone: take the keyboard to the URL, ready to copy.
      this.focus('.calendar-feed__url input');
    }
  }

  protected async replace(): Promise<void> {
    const confirmed = await askToConfirm(this.dialog, {
      titleKey: 'profile.calendarFeed.replaceDialog.title',
      messageKey: 'profile.calendarFeed.replaceDialog.message',
      confirmKey: 'profile.calendarFeed.replace',
      destructive: true,
    });
    if (confirmed && (await this.run(() => this.store.create()))) {
      this.notifier.success('profile.calendarFeed.replaceDialog.done');
      this.focus('.calendar-feed__url input');
    }
  }

  protected async turnOff(): Promise<void> {
    const confirmed = await askToConfirm(this.dialog, {
      titleKey: 'profile.calendarFeed.turnOffDialog.title',
      messageKey: 'profile.calendarFeed.turnOffDialog.message',
      confirmKey: 'profile.calendarFeed.turnOff',
      destructive: true,
    });
    if (confirmed && (await this.run(() => this.store.revoke()))) {
      this.notifier.success('profile.calendarFeed.turnOffDialog.done');
      this.focus('.calendar-feed__create');
    }
  }

  /** Runs a change; true when it went through, else the card says why. */
  private async run(change: () => Promise<unknown>): Promise<boolean> {
    if (this.store.busy()) return false;
    this.problem.set(null);
    try {
      await change();
      return true;
    } catch (problem) {
      this.problem.set(problem as ProblemDetails);
      return false;
    }
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}

import { type CdkDragDrop, DragDropModule, moveItemInArray } from '@angular/cdk/drag-drop';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  Injector,
  input,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { Icon } from '../shared/icons/icon.component';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { Agenda, AgendaSession, EventDetail, ProblemDetails } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { IsolatedListPipe } from '../i18n/isolated-list.pipe';
import { LanguageService } from '../i18n/language.service';
import { askToConfirm } from '../shared/confirm.dialog';
import { EmptyState } from '../shared/empty-state.component';
import { LiveError } from '../shared/live-error.component';
import { Notifier } from '../shared/notifier.service';
import { AgendaSessionDialog, type AgendaSessionDialogData } from './agenda-session.dialog';
import { describeWarning, type WarningView } from './agenda-warnings';
import { EventWhen } from './event-when.component';
import { EventStore } from './event.store';
import { formatInstant, zonedDate } from './zoned-time';

/**
 * The event's sessions in their order: planners add, edit, delete and
 * reorder them (by dragging, or with the move buttons from the keyboard);
 * clashes of rooms and speakers are flagged, never blocked.
 */
@Component({
  selector: 'cv-event-agenda',
  imports: [
    IsolatedListPipe,
    DragDropModule,
    MatButtonModule,
    MatCardModule,
    Icon,
    MatProgressBarModule,
    MatTooltipModule,
    TranslocoPipe,
    EmptyState,
    LiveError,
    EventWhen,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './event-agenda.component.html',
  styleUrl: './event-agenda.component.scss',
})
export class EventAgenda {
  readonly event = input.required<EventDetail>();

  protected readonly store = inject(EventStore);
  protected readonly language = inject(LanguageService).language;
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly notifier = inject(Notifier);

  /** Sessions with the venue-local day they start on, shown when the day changes. */
  protected readonly sessions = computed(() => {
    const zone = this.event().timeZone;
    const language = this.language();
    let previous = '';
    return this.store.sessions().map((session) => {
      const day = zonedDate(session.startsAt, zone);
      const newDay = day !== previous;
      previous = day;
      return {
        session,
        dayLabel: newDay
          ? formatInstant(session.startsAt, zone, language, {
              weekday: 'long',
              day: 'numeric',
              month: 'long',
            })
          : null,
      };
    });
  });

  protected readonly warnings = computed<WarningView[]>(() => {
    const titles = new Map(this.store.sessions().map((session) => [session.id, session.title]));
    const eventId = this.event().id;
    return this.store.warnings().map((warning) => describeWarning(warning, titles, eventId));
  });

  protected readonly flagged = computed(() => {
    const ids = new Set<string>();
    for (const warning of this.store.warnings()) {
      if (warning.kind === 'room_overlap') warning.sessionIds.forEach((id) => ids.add(id));
      else ids.add(warning.sessionId);
    }
    return ids;
  });

  protected speakersOf(session: AgendaSession): string[] {
    return [...session.speakers.map((speaker) => speaker.name), ...session.guestSpeakers];
  }

  protected async drop(drop: CdkDragDrop<unknown>): Promise<void> {
    if (drop.previousIndex === drop.currentIndex) return;
    const ids = this.store.sessions().map((session) => session.id);
    moveItemInArray(ids, drop.previousIndex, drop.currentIndex);
    await this.run(() => this.store.reorder(ids));
  }

  protected async move(session: AgendaSession, step: number, click: Event): Promise<void> {
    const button = click.currentTarget as HTMLElement;
    await this.run(() => this.store.moveSession(session.id, step));
    // Keep the keyboard where the session went, so it can be moved again.
    const item = button.closest('.agenda-item');
    const target = step < 0 ? item?.previousElementSibling : item?.nextElementSibling;
    const same = target?.querySelector<HTMLElement>(
      `[data-move="${step < 0 ? 'up' : 'down'}"]:not([disabled])`,
    );
    (same ?? target?.querySelector<HTMLElement>('[data-move]:not([disabled])'))?.focus();
  }

  protected async edit(session?: AgendaSession): Promise<void> {
    const agenda = await firstValueFrom(
      this.dialog
        .open<AgendaSessionDialog, AgendaSessionDialogData, Agenda>(AgendaSessionDialog, {
          data: { event: this.event(), session },
          injector: this.injector,
          width: '600px',
          maxWidth: '95vw',
        })
        .afterClosed(),
    );
    if (agenda) {
      this.notifier.success(session ? 'events.agenda.saved' : 'events.agenda.added');
    }
  }

  protected async remove(session: AgendaSession): Promise<void> {
    const confirmed = await askToConfirm(this.dialog, {
      titleKey: 'events.agenda.deleteDialog.title',
      messageKey: 'events.agenda.deleteDialog.body',
      confirmKey: 'events.agenda.deleteDialog.confirm',
      params: { title: session.title },
      destructive: true,
    });
    if (!confirmed) return;
    if (await this.run(() => this.store.deleteSession(session.id))) {
      this.notifier.success('events.agenda.deleted', { title: session.title });
    }
  }

  private async run(change: () => Promise<Agenda>): Promise<boolean> {
    try {
      await change();
      return true;
    } catch (problem) {
      this.notifier.failure(problem as ProblemDetails);
      return false;
    }
  }
}

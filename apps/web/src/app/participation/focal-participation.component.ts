import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  Injector,
  input,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { EventDetail, ProblemDetails } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../shared/local-format';
import { memberStateName } from '../member-states/member-state-name';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';
import { askToConfirm } from '../shared/confirm.dialog';
import { EmptyState } from '../shared/empty-state.component';
import { LiveError } from '../shared/live-error.component';
import { Notifier } from '../shared/notifier.service';
import { beforeDeadline } from './deadline';
import { ExportDialog, type ExportDialogData } from './export.dialog';
import { NominationDialog, type NominationDialogData } from './nomination.dialog';
import { INVITATION_STATUS_ICONS, NOMINATION_STATUS_ICONS } from './participation-labels';
import type { NominationFull, StateInvitation } from './participation.models';
import { editableByFocalPoint, ParticipationStore } from './participation.store';
import { ReasonDialog, type ReasonDialogData } from './reason.dialog';
import { SeatRequestDialog, type SeatRequestDialogData } from './seat-request.dialog';
import { StateHistory } from './state-history.component';

/**
 * The participation tab as a focal point sees it: their State's invitation (accept, decline,
 * ask for more seats), the people they nominated with where each stands, the nomination form,
 * and their State's history at the tenant's events.
 */
@Component({
  selector: 'cv-focal-participation',
  imports: [
    LocalDatePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoPipe,
    EmptyState,
    LiveError,
    StateHistory,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './focal-participation.component.html',
  styleUrl: './participation.scss',
})
export class FocalParticipation {
  readonly event = input.required<EventDetail>();

  protected readonly store = inject(ParticipationStore);
  protected readonly language = inject(LanguageService).language;
  private readonly catalog = inject(MemberStatesCatalog);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly notifier = inject(Notifier);

  protected readonly invitationIcons = INVITATION_STATUS_ICONS;
  protected readonly nominationIcons = NOMINATION_STATUS_ICONS;
  protected readonly editable = editableByFocalPoint;
  protected readonly showHistory = signal(false);

  protected readonly stateName = computed(() => {
    const code = this.store.memberState();
    const state = code ? this.catalog.byAlpha3().get(code) : undefined;
    return state ? memberStateName(state, this.language()) : (code ?? '');
  });

  /** Nominees of the State, the withdrawn ones last. */
  protected readonly nominees = computed(() =>
    [...this.store.nominations()].sort(
      (a, b) => +(a.status === 'withdrawn') - +(b.status === 'withdrawn'),
    ),
  );

  protected readonly canNominate = computed(() => {
    const invitation = this.store.myInvitation();
    return (
      !!invitation &&
      (invitation.status === 'accepted' || invitation.status === 'invited') &&
      invitation.seatsLeft > 0 &&
      beforeDeadline(invitation.nominationDeadline)
    );
  });

  protected readonly deadlinePassed = computed(() => {
    const invitation = this.store.myInvitation();
    return !!invitation && !beforeDeadline(invitation.nominationDeadline);
  });

  protected accept(row: StateInvitation): Promise<void> {
    return this.run(() => this.store.accept(row), 'participation.respond.accepted');
  }

  protected async decline(row: StateInvitation): Promise<void> {
    const reason = await firstValueFrom(
      this.dialog
        .open<ReasonDialog, ReasonDialogData, string>(ReasonDialog, {
          data: {
            titleKey: 'participation.respond.declineTitle',
            bodyKey: 'participation.respond.declineBody',
            labelKey: 'participation.respond.reason',
            confirmKey: 'participation.respond.decline',
            params: { title: this.event().title },
          },
          width: '480px',
          maxWidth: '95vw',
        })
        .afterClosed(),
    );
    if (reason === undefined) return;
    await this.run(() => this.store.decline(row, reason), 'participation.respond.declined');
  }

  protected async askSeats(row: StateInvitation): Promise<void> {
    const sent = await firstValueFrom(
      this.dialog
        .open<SeatRequestDialog, SeatRequestDialogData, boolean>(SeatRequestDialog, {
          data: { row },
          injector: this.injector,
          width: '480px',
          maxWidth: '95vw',
        })
        .afterClosed(),
    );
    if (sent) this.notifier.success('participation.askSeats.done');
  }

  protected async nominate(nomination?: NominationFull): Promise<void> {
    const saved = await firstValueFrom(
      this.dialog
        .open<NominationDialog, NominationDialogData, boolean>(NominationDialog, {
          data: { stateName: this.stateName(), ...(nomination ? { nomination } : {}) },
          injector: this.injector,
          width: '720px',
          maxWidth: '95vw',
          autoFocus: 'first-tabbable',
        })
        .afterClosed(),
    );
    if (saved) {
      this.notifier.success(
        nomination ? 'participation.nominate.saved' : 'participation.nominate.done',
      );
    }
  }

  /** Their own State's nominees as a file (the API exports no other State's), a reason asked. */
  protected async exportList(): Promise<void> {
    await firstValueFrom(
      this.dialog
        .open<ExportDialog, ExportDialogData>(ExportDialog, {
          data: { eventTitle: this.event().title, ownState: this.stateName() },
          injector: this.injector,
          width: '480px',
          maxWidth: '95vw',
        })
        .afterClosed(),
    );
  }

  protected async withdraw(nomination: NominationFull): Promise<void> {
    const sure = await askToConfirm(this.dialog, {
      titleKey: 'participation.withdrawNomination.title',
      messageKey: 'participation.withdrawNomination.body',
      confirmKey: 'participation.withdrawNomination.confirm',
      params: { name: nomination.fullName },
      destructive: true,
    });
    if (!sure) return;
    await this.run(
      () => this.store.withdrawNomination(nomination),
      'participation.withdrawNomination.done',
    );
  }

  private async run(action: () => Promise<unknown>, doneKey: string): Promise<void> {
    try {
      await action();
      this.notifier.success(doneKey);
    } catch (problem) {
      this.notifier.failure(problem as ProblemDetails);
    }
  }
}

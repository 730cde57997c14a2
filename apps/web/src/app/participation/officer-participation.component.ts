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
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import {
  INVITATION_STATUSES,
  NOMINATION_STATUSES,
  type EventDetail,
  type ProblemDetails,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../i18n/language.service';
import { LocalDatePipe } from '../shared/local-format';
import { memberStateName } from '../member-states/member-state-name';
import { MemberStateNamePipe } from '../member-states/member-state-name.pipe';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';
import { askToConfirm } from '../shared/confirm.dialog';
import { EmptyState } from '../shared/empty-state.component';
import { FilterPanel } from '../shared/filter-panel.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import { Notifier } from '../shared/notifier.service';
import { ScrollRegion } from '../shared/scroll-region.directive';
import { ExportDialog, type ExportDialogData } from './export.dialog';
import { ParticipationFiguresView } from './figures.component';
import { InvitationEditDialog, type InvitationEditDialogData } from './invitation-edit.dialog';
import { InviteDialog, type InviteDialogData } from './invite.dialog';
import { NomineeDialog, type NomineeDialogData } from './nominee.dialog';
import { INVITATION_STATUS_ICONS, NOMINATION_STATUS_ICONS } from './participation-labels';
import type { IconName } from '../shared/icons/icons.generated';
import type {
  InvitationStatus,
  NominationDecisionKind,
  NominationFull,
  NominationStatus,
  StateInvitation,
} from './participation.models';
import { ParticipationStore, type Refusal } from './participation.store';
import { ReasonDialog, type ReasonDialogData } from './reason.dialog';
import { SettingsDialog, type SettingsDialogData } from './settings.dialog';

/**
 * The participation tab as officers see it: the invited States with their counts against the
 * event's capacity, seat requests to answer, nominees to decide on (singly or ticked in bulk),
 * live figures and the participant list's export.
 */
@Component({
  selector: 'cv-officer-participation',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    LocalDatePipe,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatMenuModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    TranslocoPipe,
    MemberStateNamePipe,
    EmptyState,
    FilterPanel,
    LiveError,
    ScrollRegion,
    ParticipationFiguresView,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './officer-participation.component.html',
  styleUrls: ['./participation.scss', './officer-participation.scss'],
})
export class OfficerParticipation {
  readonly event = input.required<EventDetail>();

  protected readonly store = inject(ParticipationStore);
  protected readonly language = inject(LanguageService).language;
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly notifier = inject(Notifier);
  private readonly catalog = inject(MemberStatesCatalog);

  protected readonly invitationStatuses = INVITATION_STATUSES;
  protected readonly nominationStatuses = NOMINATION_STATUSES;
  // Table rows are untyped in templates: the icons are looked up through typed methods.
  protected invitationIcon(status: InvitationStatus): IconName {
    return INVITATION_STATUS_ICONS[status];
  }
  protected nominationIcon(status: NominationStatus): IconName {
    return NOMINATION_STATUS_ICONS[status];
  }
  protected readonly invitationColumns = [
    'state',
    'seats',
    'nominated',
    'approved',
    'confirmed',
    'attended',
    'status',
    'activity',
    'actions',
  ];
  protected readonly countColumns = ['nominated', 'approved', 'confirmed', 'attended'] as const;
  protected readonly nominationColumns = [
    'select',
    'name',
    'state',
    'institution',
    'status',
    'confirmation',
  ];

  /** Why some of the last decision's nominees were refused (a State's seats, the capacity). */
  protected readonly refusals = signal<Refusal[]>([]);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected readonly invitedStates = computed(() =>
    this.store
      .rows()
      .filter((row) => row.status !== 'withdrawn')
      .map((row) => row.memberState),
  );
  protected readonly activeInvitationFilters = computed(
    () => +!!this.store.invitationFilter().status,
  );
  protected readonly activeNominationFilters = computed(
    () => +!!this.store.nominationFilter().status + +!!this.store.nominationFilter().memberState,
  );

  protected async invite(): Promise<void> {
    const done = await firstValueFrom(
      this.dialog
        .open<InviteDialog, InviteDialogData, number>(InviteDialog, {
          data: {
            event: this.event(),
            defaultDeadline: this.store.participation()?.nominationDeadline ?? null,
          },
          injector: this.injector,
          width: '640px',
          maxWidth: '95vw',
        })
        .afterClosed(),
    );
    if (done) this.notifier.success('participation.invite.done', { count: done });
  }

  protected async editSettings(): Promise<void> {
    const participation = this.store.participation();
    if (!participation) return;
    const done = await firstValueFrom(
      this.dialog
        .open<SettingsDialog, SettingsDialogData, boolean>(SettingsDialog, {
          data: {
            event: this.event(),
            settings: {
              nominationDeadline: participation.nominationDeadline,
              expertsSeeParticipants: participation.expertsSeeParticipants,
            },
          },
          injector: this.injector,
          width: '520px',
          maxWidth: '95vw',
        })
        .afterClosed(),
    );
    if (done) this.notifier.success('participation.settings.done');
  }

  protected async edit(row: StateInvitation): Promise<void> {
    const done = await firstValueFrom(
      this.dialog
        .open<InvitationEditDialog, InvitationEditDialogData, boolean>(InvitationEditDialog, {
          data: { row },
          injector: this.injector,
          width: '480px',
          maxWidth: '95vw',
        })
        .afterClosed(),
    );
    if (done) this.notifier.success('participation.edit.done');
  }

  protected async withdraw(row: StateInvitation, name: string): Promise<void> {
    const sure = await askToConfirm(this.dialog, {
      titleKey: 'participation.withdraw.title',
      messageKey: 'participation.withdraw.body',
      confirmKey: 'participation.withdraw.confirm',
      params: { state: name },
      destructive: true,
    });
    if (!sure) return;
    await this.run(() => this.store.withdraw(row), 'participation.withdraw.done', { state: name });
  }

  protected remind(row: StateInvitation, name: string): Promise<void> {
    return this.run(() => this.store.remind(row), 'participation.remind.done', { state: name });
  }

  protected grant(row: StateInvitation, name: string): Promise<void> {
    return this.run(
      () => this.store.answerSeatRequest(row, 'grant'),
      'participation.seatRequests.granted',
      { state: name, seats: row.seatRequest?.seats ?? row.seats },
    );
  }

  protected async refuse(row: StateInvitation, name: string): Promise<void> {
    const reason = await this.askReason({
      titleKey: 'participation.seatRequests.refuseTitle',
      labelKey: 'participation.seatRequests.answer',
      confirmKey: 'participation.seatRequests.refuse',
      params: { state: name },
    });
    if (reason === undefined) return;
    await this.run(
      () => this.store.answerSeatRequest(row, 'refuse', reason),
      'participation.seatRequests.refused',
      { state: name },
    );
  }

  protected async decide(decision: NominationDecisionKind, ids?: string[]): Promise<void> {
    let reason: string | undefined;
    const count = ids?.length ?? this.store.selectedCount();
    if (decision === 'decline') {
      reason = await this.askReason({
        titleKey: 'participation.decisions.declineTitle',
        labelKey: 'participation.decisions.reason',
        confirmKey: 'participation.decisions.decline',
        params: { count },
      });
      if (reason === undefined) return;
    }
    this.problem.set(null);
    this.refusals.set([]);
    try {
      const refusals = await this.store.decide(decision, reason, ids);
      this.refusals.set(refusals);
      const decided = count - refusals.length;
      if (decided > 0) {
        this.notifier.success(`participation.decisions.done.${decision}`, { count: decided });
      }
    } catch (problem) {
      this.problem.set(problem as ProblemDetails);
    }
  }

  private stateName(code: string): string {
    const state = this.catalog.byAlpha3().get(code);
    return state ? memberStateName(state, this.language()) : code;
  }

  /** One nominee's links and certificate. */
  protected openNominee(nomination: NominationFull): void {
    this.dialog.open<NomineeDialog, NomineeDialogData>(NomineeDialog, {
      data: {
        nomination,
        eventId: this.event().id,
        stateName: this.stateName(nomination.memberStateCode),
      },
      injector: this.injector,
      width: '560px',
      maxWidth: '95vw',
      // Focus on the dialog itself, not on its first action (revoking the links).
      autoFocus: 'dialog',
    });
  }

  protected async exportList(): Promise<void> {
    await firstValueFrom(
      this.dialog
        .open<ExportDialog, ExportDialogData>(ExportDialog, {
          data: { eventTitle: this.event().title },
          injector: this.injector,
          width: '480px',
          maxWidth: '95vw',
        })
        .afterClosed(),
    );
  }

  protected setInvitationStatus(status: StateInvitation['status'] | null): void {
    this.store.setInvitationFilter({ status });
  }

  protected setNominationStatus(status: NominationStatus | null): void {
    this.store.setNominationFilter({ status });
  }

  protected onSearchInvitations(event: Event): void {
    this.store.setInvitationFilter({ q: (event.target as HTMLInputElement).value });
  }

  protected onSearchNominations(event: Event): void {
    this.store.setNominationFilter({ q: (event.target as HTMLInputElement).value });
  }

  private async askReason(data: ReasonDialogData): Promise<string | undefined> {
    return firstValueFrom(
      this.dialog
        .open<ReasonDialog, ReasonDialogData, string>(ReasonDialog, {
          data,
          width: '480px',
          maxWidth: '95vw',
        })
        .afterClosed(),
    );
  }

  private async run(
    action: () => Promise<unknown>,
    doneKey: string,
    params: Record<string, unknown>,
  ): Promise<void> {
    try {
      await action();
      this.notifier.success(doneKey, params);
    } catch (problem) {
      this.notifier.failure(problem as ProblemDetails);
    }
  }
}

import { NgTemplateOutlet } from '@angular/common';
import { LocalDatePipe, LocalCountPipe } from '../shared/local-format';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { type MatChipListboxChange, MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { Icon } from '../shared/icons/icon.component';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import {
  MAIL_STATUSES,
  type MailStatus,
  type OutboxMessage,
  type ProblemDetails,
} from '@convene/contracts';
import { ActivatedRoute } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { askToConfirm } from '../shared/confirm.dialog';
import { EmptyState } from '../shared/empty-state.component';
import { LoadMore } from '../shared/load-more.component';
import { LiveError } from '../shared/live-error.component';
import { ScrollRegion } from '../shared/scroll-region.directive';
import { Notifier } from '../shared/notifier.service';
import { canCancel, canRetry, MAIL_STATUS_ICONS } from './mail-status';
import { MailStore } from './mail.store';
import type { IconName } from '../shared/icons/icons.generated';

type FilterChoice = MailStatus | 'all';

interface EmptyView {
  icon: IconName;
  /** Translation keys under mail.empty.<choice>. */
  key: string;
}

const EMPTY_ICONS: Readonly<Record<FilterChoice, IconName>> = {
  all: 'outgoing_mail',
  queued: 'schedule_send',
  sent: 'mark_email_read',
  failed: 'task_alt',
  cancelled: 'block',
};

/** Tenant admins see every mail Convene sends for the tenant, and retry or cancel it. */
@Component({
  selector: 'cv-mail-page',
  imports: [
    LocalDatePipe,
    LocalCountPipe,
    NgTemplateOutlet,
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    Icon,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatTableModule,
    MatTooltipModule,
    TranslocoPipe,
    EmptyState,
    LoadMore,
    LiveError,
    ScrollRegion,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './mail.page.html',
  styleUrl: './mail.page.scss',
})
export class MailPage {
  protected readonly store = inject(MailStore);
  protected readonly language = inject(LanguageService).language;
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  protected readonly choices: readonly FilterChoice[] = ['all', ...MAIL_STATUSES];
  protected readonly columns = [
    'kind',
    'recipient',
    'status',
    'attempts',
    'created',
    'progress',
    'actions',
  ];
  protected readonly canRetry = canRetry;
  protected readonly canCancel = canCancel;

  protected readonly selected = computed<FilterChoice>(() => this.store.filter() ?? 'all');
  protected readonly empty = computed<EmptyView>(() => {
    const choice = this.selected();
    return { icon: EMPTY_ICONS[choice], key: `mail.empty.${choice}` };
  });

  constructor() {
    // /t/:tenant/mail?status=failed (the digest's link) opens on that list.
    const asked = inject(ActivatedRoute).snapshot.queryParamMap.get('status');
    if (isMailStatus(asked)) this.store.preselect(asked);
  }

  /** The last error shows on a line of its own under its message. */
  protected readonly hasError = (_index: number, message: OutboxMessage): boolean =>
    !!message.lastError;

  protected split(address: string): { local: string; domain: string } {
    const at = address.lastIndexOf('@');
    return at < 0
      ? { local: address, domain: '' }
      : { local: address.slice(0, at), domain: address.slice(at) };
  }

  protected iconOf(choice: FilterChoice): IconName {
    return choice === 'all' ? 'all_inbox' : MAIL_STATUS_ICONS[choice];
  }

  protected countOf(choice: FilterChoice): number | null {
    return choice === 'all' ? this.store.total() : (this.store.counts()?.[choice] ?? null);
  }

  protected choose(change: MatChipListboxChange): void {
    const choice = change.value as FilterChoice | undefined;
    if (!choice) {
      // Choosing the chosen chip again would leave none chosen: keep it.
      change.source.value = this.selected();
      return;
    }
    this.store.setFilter(choice === 'all' ? null : choice);
  }

  protected isBusy(id: string): boolean {
    return this.store.busy().includes(id);
  }

  protected async retry(message: OutboxMessage): Promise<void> {
    try {
      await this.store.retry(message);
      this.notifier.success('mail.retried', { recipient: message.recipient });
    } catch (problem) {
      this.refused(problem as ProblemDetails);
    }
  }

  protected async cancel(message: OutboxMessage): Promise<void> {
    const confirmed = await askToConfirm(this.dialog, {
      titleKey: 'mail.cancelDialog.title',
      messageKey: 'mail.cancelDialog.body',
      confirmKey: 'mail.cancelDialog.confirm',
      dismissKey: 'mail.cancelDialog.keep',
      params: { recipient: message.recipient },
      destructive: true,
    });
    if (!confirmed) return;
    try {
      await this.store.cancel(message);
      this.notifier.success('mail.cancelled', { recipient: message.recipient });
    } catch (problem) {
      this.refused(problem as ProblemDetails);
    }
  }

  protected showFailed(): void {
    this.store.setFilter('failed');
  }

  /** After an outage: every failed message back in the queue, once the admin agrees. */
  protected async retryAll(): Promise<void> {
    // A number, not a formatted string: the message declines it by the language's plural rules.
    const count = this.store.failedCount();
    const confirmed = await askToConfirm(this.dialog, {
      titleKey: 'mail.retryAllDialog.title',
      messageKey: 'mail.retryAllDialog.body',
      confirmKey: 'mail.retryAllDialog.confirm',
      params: { count },
    });
    if (!confirmed) return;
    try {
      const retried = await this.store.retryAllFailed();
      this.notifier.success('mail.retriedAll', { count: retried });
    } catch (problem) {
      this.notifier.failure(problem as ProblemDetails);
    }
  }

  private refused(problem: ProblemDetails): void {
    // 409: the message moved on meanwhile; the store has already reloaded the list.
    this.notifier.failure(problem, problem.status === 409 ? 'mail.conflict' : undefined);
  }
}

/** Checked against the contracts' list, without their zod schema: the page needs no zod. */
function isMailStatus(value: string | null): value is MailStatus {
  return (MAIL_STATUSES as readonly (string | null)[]).includes(value);
}

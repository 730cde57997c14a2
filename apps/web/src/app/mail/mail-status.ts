import type { MailStatus, OutboxCounts } from '@convene/contracts';
import type { IconName } from '../shared/icons/icons.generated';

/** Each status shows an icon beside its name, so colour is never the only sign. */
export const MAIL_STATUS_ICONS: Readonly<Record<MailStatus, IconName>> = {
  queued: 'schedule_send',
  sent: 'check_circle',
  failed: 'error',
  cancelled: 'cancel_schedule_send',
};

/** What the server accepts: failed or cancelled mail goes back in the queue… */
export const canRetry = (status: MailStatus): boolean =>
  status === 'failed' || status === 'cancelled';

/** …and queued or failed mail can be stopped (unless it is being sent right now). */
export const canCancel = (status: MailStatus): boolean =>
  status === 'queued' || status === 'failed';

/** The counts after one message moved from one status to another. */
export function moveCount(counts: OutboxCounts, from: MailStatus, to: MailStatus): OutboxCounts {
  if (from === to) return counts;
  return {
    ...counts,
    [from]: Math.max(0, counts[from] - 1),
    [to]: counts[to] + 1,
  };
}

import type { RequestStatus } from '@convene/contracts';
import type { IconName } from '../shared/icons/icons.generated';

/** Each status's icon, beside its word (never the colour alone). */
export const REQUEST_STATUS_ICONS: Record<RequestStatus, IconName> = {
  draft: 'edit_note',
  submitted: 'send',
  information_requested: 'help',
  resubmitted: 'replay',
  in_assessment: 'fact_check',
  approved: 'check_circle',
  declined: 'block',
  planned: 'event',
  in_delivery: 'play_circle',
  completed: 'task_alt',
  withdrawn: 'undo',
};

/** The board's columns: the working statuses, in the order a request walks them. */
export const BOARD_STATUSES: readonly RequestStatus[] = [
  'submitted',
  'information_requested',
  'resubmitted',
  'in_assessment',
  'approved',
  'planned',
  'in_delivery',
  'completed',
];

/** Whole days since an instant: a request's age in its status. */
export function daysSince(iso: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 86_400_000));
}

/** A duration in seconds as days and hours, rounded: the history's time in status. */
export function daysAndHours(seconds: number): { days: number; hours: number } {
  const hours = Math.round(seconds / 3600);
  return { days: Math.floor(hours / 24), hours: hours % 24 };
}

import type { IconName } from '../shared/icons/icons.generated';
import type { InvitationStatus, NominationStatus } from './participation.models';

export const INVITATION_STATUS_ICONS: Readonly<Record<InvitationStatus, IconName>> = {
  invited: 'mail',
  accepted: 'check_circle',
  declined: 'cancel',
  withdrawn: 'block',
};

export const NOMINATION_STATUS_ICONS: Readonly<Record<NominationStatus, IconName>> = {
  nominated: 'person_add',
  approved: 'check_circle',
  waitlisted: 'hourglass_top',
  declined: 'cancel',
  withdrawn: 'block',
};

/** A share as a whole percentage in the reader's language ("47 %", "٤٧٪"). */
export function percent(share: number | null, language: string): string {
  if (share === null) return '–';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  );
}

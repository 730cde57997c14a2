import type { EventAction, EventFormat, EventStatus } from '@convene/contracts';
import type { IconName } from '../shared/icons/icons.generated';

/** Each status shows an icon beside its name, so colour is never the only sign. */
export const EVENT_STATUS_ICONS: Readonly<Record<EventStatus, IconName>> = {
  draft: 'edit_note',
  planned: 'event_note',
  open_for_nominations: 'how_to_reg',
  nominations_closed: 'lock_clock',
  confirmed: 'event_available',
  held: 'task_alt',
  reported: 'summarize',
  closed: 'inventory_2',
  cancelled: 'event_busy',
};

export const EVENT_ACTION_ICONS: Readonly<Record<EventAction, IconName>> = {
  plan: 'event_note',
  open_nominations: 'how_to_reg',
  close_nominations: 'lock_clock',
  confirm: 'event_available',
  mark_held: 'task_alt',
  report: 'summarize',
  close: 'inventory_2',
  postpone: 'update',
  cancel: 'event_busy',
};

export const EVENT_FORMAT_ICONS: Readonly<Record<EventFormat, IconName>> = {
  in_person: 'location_on',
  virtual: 'videocam',
  hybrid: 'devices',
};

/** Actions that step the event along its main line, rather than postponing or calling it off. */
export const isMainLineAction = (action: EventAction): boolean =>
  action !== 'cancel' && action !== 'postpone';

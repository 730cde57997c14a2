import type { AgendaWarning } from '@convene/contracts';

/** A warning as a translation key and its parameters. */
export interface WarningView {
  key: string;
  params: Record<string, string>;
}

/**
 * The words for one agenda warning. `titles` names this event's sessions. A clash with an event
 * the reader may not see comes without its session, id or title (the API withholds them), so
 * it reads as "another commitment" and nothing more.
 */
export function describeWarning(
  warning: AgendaWarning,
  titles: ReadonlyMap<string, string>,
  eventId: string,
): WarningView {
  if (warning.kind === 'room_overlap') {
    // Always two ids; the contract says so as a list of two, since OpenAPI 3.0 has no tuples.
    const [first = '', second = ''] = warning.sessionIds;
    return {
      key: 'events.agenda.warnings.roomOverlap',
      params: {
        room: warning.room,
        first: titles.get(first) ?? '',
        second: titles.get(second) ?? '',
      },
    };
  }
  const speaker = warning.speaker.name;
  const session = titles.get(warning.sessionId) ?? '';
  const other = warning.other;
  if (other.hidden) {
    return { key: 'events.agenda.warnings.speakerBusy', params: { speaker, session } };
  }
  if (other.eventId !== eventId) {
    return {
      key: 'events.agenda.warnings.speakerElsewhere',
      params: { speaker, session, other: other.eventTitle },
    };
  }
  return {
    key: 'events.agenda.warnings.speakerTwice',
    params: { speaker, session, other: titles.get(other.sessionId) ?? '' },
  };
}

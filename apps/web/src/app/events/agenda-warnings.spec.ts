import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgendaWarning } from '@convene/contracts';
import { describeWarning } from './agenda-warnings';

const english = JSON.parse(
  readFileSync(join(__dirname, '../../../public/i18n/en.json'), 'utf8'),
) as { events: { agenda: { warnings: Record<string, string> } } };

const titles = new Map([
  ['s1', 'Opening'],
  ['s2', 'Keynote'],
]);
const speaker = { id: 'u1', name: 'Eli Expert' };

describe('the words of an agenda warning', () => {
  it('names a room shared by two sessions', () => {
    const warning: AgendaWarning = { kind: 'room_overlap', room: 'B', sessionIds: ['s1', 's2'] };
    expect(describeWarning(warning, titles, 'e1')).toEqual({
      key: 'events.agenda.warnings.roomOverlap',
      params: { room: 'B', first: 'Opening', second: 'Keynote' },
    });
  });

  it('names the other session of the same event, and the other event the caller may see', () => {
    const same: AgendaWarning = {
      kind: 'speaker_double_booked',
      speaker,
      sessionId: 's1',
      other: { hidden: false, sessionId: 's2', eventId: 'e1', eventTitle: 'This event' },
    };
    expect(describeWarning(same, titles, 'e1')).toEqual({
      key: 'events.agenda.warnings.speakerTwice',
      params: { speaker: 'Eli Expert', session: 'Opening', other: 'Keynote' },
    });
    const elsewhere: AgendaWarning = {
      ...same,
      other: { hidden: false, sessionId: 's9', eventId: 'e2', eventTitle: 'Another EGM' },
    };
    expect(describeWarning(elsewhere, titles, 'e1')).toEqual({
      key: 'events.agenda.warnings.speakerElsewhere',
      params: { speaker: 'Eli Expert', session: 'Opening', other: 'Another EGM' },
    });
  });

  it('says only "another commitment" of an event the caller may not see', () => {
    const warning: AgendaWarning = {
      kind: 'speaker_double_booked',
      speaker,
      sessionId: 's1',
      other: { hidden: true },
    };
    const view = describeWarning(warning, titles, 'e1');
    expect(view).toEqual({
      key: 'events.agenda.warnings.speakerBusy',
      params: { speaker: 'Eli Expert', session: 'Opening' },
    });
    expect(english.events.agenda.warnings['speakerBusy']).toContain('another commitment');
  });
});

import ICAL from 'ical.js';
import { type CalendarEvent, eventsCalendar } from './event-calendar';

/** A line break, a new property, and every character RFC 5545 TEXT escapes. */
const HOSTILE = 'Evil\r\nX-INJECTED:1;a,b\\c';
/** What a calendar reads back: every line break (CRLF, CR, LF) becomes \n. */
const READ_BACK = 'Evil\nX-INJECTED:1;a,b\\c';

const event = (extra: Partial<CalendarEvent> = {}): CalendarEvent => ({
  id: '6f1c1e1e-8f43-4e7b-9a7c-1b2c3d4e5f60',
  title: HOSTILE,
  summary: `Summary ${HOSTILE}`,
  status: 'planned',
  startsAt: '2030-02-01T13:00:00Z',
  endsAt: '2030-02-01T15:00:00Z',
  timeZone: 'Africa/Nairobi',
  venue: { name: `Hall ${HOSTILE}`, city: 'Nairobi', country: 'Kenya' },
  meetingLink: 'https://meet.example.org/room',
  version: 3,
  updatedAt: '2030-01-01T00:00:00Z',
  url: 'https://convene.example/t/acme/events/6f1c1e1e-8f43-4e7b-9a7c-1b2c3d4e5f60',
  ...extra,
});

/** A calendar's TEXT value: ical.js decodes it for the properties it knows, not NAME. */
const text = (component: ICAL.Component, name: string): string => {
  const property = component.getFirstProperty(name);
  const value = property?.getFirstValue();
  if (typeof value !== 'string') throw new Error(`no ${name}`);
  const decode = ICAL.design.icalendar.value['text']?.fromICAL;
  return property?.type === 'text' || !decode ? value : decode(value);
};

describe('the iCalendar of events', () => {
  const ics = eventsCalendar(`Acme ${HOSTILE}`, [event()]);
  const lines = ics.split('\r\n');

  it('lets no text start a property of its own', () => {
    expect(lines.filter((line) => /^X-INJECTED/i.test(line))).toEqual([]);
    // Every line ends with CRLF, the last one too, and no bare CR or LF is left.
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(lines.pop()).toBe('');
    expect(lines.filter((line) => /[\r\n]/.test(line))).toEqual([]);
  });

  it('escapes every text property as RFC 5545 TEXT, so it reads back as written', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(text(calendar, 'name')).toBe(`Acme ${READ_BACK}`);
    expect(text(calendar, 'x-wr-calname')).toBe(`Acme ${READ_BACK}`);
    const vevent = calendar.getFirstSubcomponent('vevent');
    if (!vevent) throw new Error('no VEVENT');
    expect(text(vevent, 'summary')).toBe(READ_BACK);
    expect(text(vevent, 'location')).toBe(`Hall ${READ_BACK}, Nairobi, Kenya`);
    expect(text(vevent, 'description')).toBe(
      [`Summary ${READ_BACK}`, 'https://meet.example.org/room', event().url].join('\n\n'),
    );
  });

  it('drops the other control characters, which TEXT cannot carry', () => {
    const calendar = new ICAL.Component(
      ICAL.parse(
        eventsCalendar('A\u0000B\u0007C\u001b[2J\u007fD', [event({ title: 'T\u0000\tX' })]),
      ),
    );
    expect(text(calendar, 'name')).toBe('ABC[2JD');
    const vevent = calendar.getFirstSubcomponent('vevent');
    expect(vevent && text(vevent, 'summary')).toBe('T\tX');
  });

  it('reads a name the length of many folded lines back whole', () => {
    const long = 'Ünïcödé; ,\\ '.repeat(40);
    const calendar = new ICAL.Component(ICAL.parse(eventsCalendar(long, [])));
    expect(text(calendar, 'x-wr-calname')).toBe(long);
  });
});

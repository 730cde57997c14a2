import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { setViewportWidth } from '../shared/viewport.testing';
import { calendarWeeks } from './calendar';
import { CLOCK } from './clock';
import { anEvent } from './event.fixtures';
import { EventsCalendar } from './events-calendar.component';

const english = JSON.parse(
  readFileSync(join(__dirname, '../../../public/i18n/en.json'), 'utf8'),
) as Record<string, unknown>;

const workshop = anEvent({
  id: 'workshop',
  title: 'Regional workshop on digital evidence for East Africa',
  status: 'open_for_nominations',
  startsAt: '2026-12-14T07:00:00.000Z',
  endsAt: '2026-12-15T15:00:00.000Z',
  timeZone: 'UTC',
});
const webinar = anEvent({
  id: 'webinar',
  title: 'Webinar: financing of terrorism through crypto-assets',
  status: 'confirmed',
  startsAt: '2026-12-06T07:00:00.000Z',
  endsAt: '2026-12-06T15:00:00.000Z',
  timeZone: 'UTC',
});
// In the grid's first row (30 November) but not in December.
const before = anEvent({
  id: 'before',
  title: 'Last month',
  startsAt: '2026-11-30T07:00:00.000Z',
  endsAt: '2026-11-30T15:00:00.000Z',
  timeZone: 'UTC',
});

function setUp(width: number) {
  setViewportWidth(width);
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { en: english },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
      }),
    ],
    providers: [
      provideRouter([]),
      { provide: CLOCK, useValue: () => new Date('2026-12-14T09:00:00Z') },
    ],
  });
  const fixture = TestBed.createComponent(EventsCalendar);
  fixture.componentRef.setInput('tenant', 'demo');
  fixture.componentRef.setInput('mode', 'month');
  fixture.componentRef.setInput('anchor', '2026-12-14');
  fixture.componentRef.setInput('weeks', calendarWeeks('month', '2026-12-14'));
  fixture.componentRef.setInput('events', [workshop, before, webinar]);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe('the events calendar on a phone', () => {
  afterEach(() => {
    delete (window as { matchMedia?: unknown }).matchMedia;
  });

  it("lists the month's days that have events, with whole titles and their status", () => {
    const element = setUp(390);
    const days = [...element.querySelectorAll('.agenda-day')];
    expect(days.map((day) => day.querySelector('h3')?.textContent?.trim())).toEqual([
      'Sunday, December 6',
      'Monday, December 14',
      'Tuesday, December 15',
    ]);
    const first = days[1]?.querySelector('a');
    expect(first?.getAttribute('href')).toBe('/t/demo/events/workshop');
    expect(first?.querySelector('.calendar-chip__title')?.textContent).toBe(workshop.title);
    expect(first?.textContent).toContain('Open for nominations');
    expect(days[1]?.getAttribute('aria-current')).toBe('date');
    // The grid is still there, but hidden.
    expect(element.querySelector('table')?.classList).toContain('calendar--hidden');
  });

  it('draws the grid, not the list, on a wide screen', () => {
    const element = setUp(1366);
    expect(element.querySelector('.agenda')).toBeNull();
    expect(element.querySelector('table')?.classList).not.toContain('calendar--hidden');
  });
});

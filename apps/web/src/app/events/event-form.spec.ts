import { DestroyRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { anEventDetail } from './event.fixtures';
import {
  eventForm,
  followFormat,
  formPathOf,
  httpsUrlValidator,
  toEventCreate,
  toFormValue,
} from './event-form';
import { pickerDate } from './zoned-time';

function aForm() {
  const form = eventForm('Europe/Vienna');
  TestBed.runInInjectionContext(() => followFormat(form, TestBed.inject(DestroyRef)));
  return form;
}

function fillIn(form: ReturnType<typeof aForm>) {
  form.patchValue({
    type: 'regional_workshop',
    title: '  Regional workshop on digital evidence ',
    thematicAreas: ['investigations_digital_evidence'],
    venue: { name: 'Vienna International Centre', city: 'Vienna', countryAlpha3: 'AUT' },
    when: {
      startDate: pickerDate('2027-03-29'),
      startTime: pickerDate('2027-03-29', '09:00'),
      endDate: pickerDate('2027-03-31'),
      endTime: pickerDate('2027-03-31', '17:00'),
    },
    workingLanguages: ['en', 'fr'],
    organisers: ['UNODC', ' '],
    responsibleOfficerId: 'user-2',
  });
}

describe('the event form', () => {
  it('turns the venue’s wall clock into instants and leaves out the link of an event in person', () => {
    const form = aForm();
    fillIn(form);
    expect(form.valid).toBe(true);
    expect(toEventCreate(form)).toMatchObject({
      title: 'Regional workshop on digital evidence',
      format: 'in_person',
      venue: { name: 'Vienna International Centre', city: 'Vienna', countryAlpha3: 'AUT' },
      meetingLink: null,
      startsAt: '2027-03-29T07:00:00.000Z',
      endsAt: '2027-03-31T15:00:00.000Z',
      timeZone: 'Europe/Vienna',
      organisers: ['UNODC'],
      capacity: null,
    });
  });

  it('asks a virtual event for a secure link and no venue', () => {
    const form = aForm();
    fillIn(form);
    form.controls.format.setValue('virtual');
    expect(form.controls.venue.disabled).toBe(true);
    expect(form.controls.meetingLink.hasError('required')).toBe(true);
    form.controls.meetingLink.setValue('http://meet.example.org/room');
    expect(form.controls.meetingLink.hasError('httpsUrl')).toBe(true);
    form.controls.meetingLink.setValue('https://meet.example.org/room');
    expect(form.valid).toBe(true);
    expect(toEventCreate(form)).toMatchObject({
      venue: null,
      meetingLink: 'https://meet.example.org/room',
    });
  });

  it('refuses an end before the start, read in the venue’s clock', () => {
    const form = aForm();
    fillIn(form);
    form.controls.when.patchValue({
      endDate: pickerDate('2027-03-29'),
      endTime: pickerDate('2027-03-29', '08:30'),
    });
    expect(form.controls.when.hasError('endBeforeStart')).toBe(true);
    form.controls.timeZone.setValue('Europe/Atlantis');
    expect(form.controls.timeZone.hasError('timeZone')).toBe(true);
  });

  it('shows a saved event in its venue’s clock for editing', () => {
    const value = toFormValue(anEventDetail({ timeZone: 'America/New_York' }));
    expect(value.when.startDate?.getDate()).toBe(29);
    expect(value.when.startTime?.getHours()).toBe(3);
    expect(value.venue.countryAlpha3).toBe('AUT');
    expect(value.meetingLink).toBe('');
  });

  it('places the server’s complaints on the fields they concern', () => {
    expect(formPathOf('endsAt')).toBe('when.endDate');
    expect(formPathOf('venue')).toBe('venue.name');
    expect(formPathOf('venue.city')).toBe('venue.city');
    expect(formPathOf('organisers.2')).toBe('organisers');
    expect(formPathOf('responsibleOfficerId')).toBe('responsibleOfficerId');
  });

  it('accepts only https links with a host name', () => {
    const check = (value: string) => httpsUrlValidator({ value } as never);
    expect(check('https://unodc.org/meet')).toBeNull();
    expect(check('https://localhost')).toEqual({ httpsUrl: true });
    expect(check('not a link')).toEqual({ httpsUrl: true });
    expect(check('')).toBeNull();
  });
});

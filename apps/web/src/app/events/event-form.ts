import type { DestroyRef } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  type ValidationErrors,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import type {
  EventCreate,
  EventDetail,
  EventFormat,
  EventType,
  Language,
  TargetAudience,
  ThematicArea,
} from '@convene/contracts';
import {
  dateOnly,
  instantToZonedLocal,
  isTimeZone,
  pickerDate,
  timeOnly,
  zonedLocalToInstant,
} from './zoned-time';

/** Dates and times as the pickers hold them: a Date whose own day or clock is what was picked. */
export type DateTimeRangeGroup = FormGroup<{
  startDate: FormControl<Date | null>;
  startTime: FormControl<Date | null>;
  endDate: FormControl<Date | null>;
  endTime: FormControl<Date | null>;
}>;

export function dateTimeRangeGroup(zone: () => string | null): DateTimeRangeGroup {
  return new FormGroup(
    {
      startDate: new FormControl<Date | null>(null, Validators.required),
      startTime: new FormControl<Date | null>(null, Validators.required),
      endDate: new FormControl<Date | null>(null, Validators.required),
      endTime: new FormControl<Date | null>(null, Validators.required),
    },
    { validators: endAfterStart(zone) },
  );
}

/** The instants a filled-in range means in a zone; null while incomplete. */
export function rangeInstants(
  range: DateTimeRangeGroup['value'],
  zone: string | null,
): { startsAt: string; endsAt: string } | null {
  const { startDate, startTime, endDate, endTime } = range;
  if (!zone || !isTimeZone(zone) || !startDate || !startTime || !endDate || !endTime) return null;
  if ([startDate, startTime, endDate, endTime].some((value) => Number.isNaN(value.getTime()))) {
    return null;
  }
  return {
    startsAt: zonedLocalToInstant(dateOnly(startDate), timeOnly(startTime), zone),
    endsAt: zonedLocalToInstant(dateOnly(endDate), timeOnly(endTime), zone),
  };
}

/** The pickers' values that show two instants in a zone's clock. */
export function rangeValue(startsAt: string, endsAt: string, zone: string) {
  const start = instantToZonedLocal(startsAt, zone);
  const end = instantToZonedLocal(endsAt, zone);
  return {
    startDate: pickerDate(start.date),
    startTime: pickerDate(start.date, start.time),
    endDate: pickerDate(end.date),
    endTime: pickerDate(end.date, end.time),
  };
}

/** The end must come after the start, read in the venue's clock. */
export function endAfterStart(zone: () => string | null): ValidatorFn {
  return (group: AbstractControl): ValidationErrors | null => {
    const instants = rangeInstants((group as DateTimeRangeGroup).getRawValue(), zone());
    return instants && Date.parse(instants.endsAt) <= Date.parse(instants.startsAt)
      ? { endBeforeStart: true }
      : null;
  };
}

export const timeZoneValidator: ValidatorFn = (control) =>
  control.value && !isTimeZone(control.value as string) ? { timeZone: true } : null;

/** Like the contract: https, and a host name with a dot. */
export const httpsUrlValidator: ValidatorFn = (control) => {
  const value = (control.value as string | null)?.trim();
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.') ? null : { httpsUrl: true };
  } catch {
    return { httpsUrl: true };
  }
};

export function eventForm(defaultZone: string) {
  const timeZone = new FormControl(defaultZone, {
    nonNullable: true,
    validators: [Validators.required, timeZoneValidator],
  });
  return new FormGroup({
    type: new FormControl<EventType | null>(null, Validators.required),
    title: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    summary: new FormControl('', { nonNullable: true, validators: Validators.maxLength(1000) }),
    description: new FormControl('', {
      nonNullable: true,
      validators: Validators.maxLength(20_000),
    }),
    thematicAreas: new FormControl<ThematicArea[]>([], {
      nonNullable: true,
      validators: Validators.required,
    }),
    targetAudiences: new FormControl<TargetAudience[]>([], { nonNullable: true }),
    format: new FormControl<EventFormat>('in_person', { nonNullable: true }),
    venue: new FormGroup({
      name: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(200)],
      }),
      city: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(100)],
      }),
      countryAlpha3: new FormControl<string | null>(null, Validators.required),
    }),
    meetingLink: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(500), httpsUrlValidator],
    }),
    timeZone,
    when: dateTimeRangeGroup(() => timeZone.value),
    workingLanguages: new FormControl<Language[]>([], {
      nonNullable: true,
      validators: Validators.required,
    }),
    interpretation: new FormControl(false, { nonNullable: true }),
    capacity: new FormControl<number | null>(null, [
      Validators.min(1),
      Validators.max(10_000),
      Validators.pattern(/^\d+$/),
    ]),
    hostStates: new FormControl<string[]>([], { nonNullable: true }),
    organisers: new FormControl<string[]>([], { nonNullable: true }),
    partnerOrganisations: new FormControl<string[]>([], { nonNullable: true }),
    responsibleOfficerId: new FormControl<string | null>(null, Validators.required),
    isPublic: new FormControl(false, { nonNullable: true }),
  });
}

export type EventForm = ReturnType<typeof eventForm>;

/**
 * A venue where people meet, a link where they connect: the fields a format
 * does not use are switched off, so they neither show nor block saving.
 */
export function followFormat(form: EventForm, destroyRef: DestroyRef): void {
  const apply = (format: EventFormat) => {
    const { venue, meetingLink } = form.controls;
    if (format === 'virtual') venue.disable({ emitEvent: false });
    else venue.enable({ emitEvent: false });
    if (format === 'in_person') meetingLink.disable({ emitEvent: false });
    else meetingLink.enable({ emitEvent: false });
  };
  apply(form.controls.format.value);
  form.controls.format.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(apply);
}

/** Re-checks the order of the dates when the zone they are read in changes. */
export function recheckDatesOnZoneChange(form: EventForm, destroyRef: DestroyRef): void {
  form.controls.timeZone.valueChanges
    .pipe(takeUntilDestroyed(destroyRef))
    .subscribe(() => form.controls.when.updateValueAndValidity());
}

const trimmedList = (values: string[]) =>
  values.map((value) => value.trim()).filter((value) => value !== '');

/** What the form says, in the contract's words; call only when the form is valid. */
export function toEventCreate(form: EventForm): EventCreate {
  const value = form.getRawValue();
  const instants = rangeInstants(value.when, value.timeZone);
  if (!instants || !value.type || !value.responsibleOfficerId) {
    throw new Error('The event form is incomplete');
  }
  const capacity = value.capacity === null || `${value.capacity}` === '' ? null : value.capacity;
  return {
    type: value.type,
    title: value.title.trim(),
    summary: value.summary.trim(),
    description: value.description,
    thematicAreas: value.thematicAreas,
    targetAudiences: value.targetAudiences,
    format: value.format,
    venue:
      value.format === 'virtual'
        ? null
        : {
            name: value.venue.name.trim(),
            city: value.venue.city.trim(),
            countryAlpha3: value.venue.countryAlpha3 ?? '',
          },
    meetingLink: value.format === 'in_person' ? null : value.meetingLink.trim(),
    startsAt: instants.startsAt,
    endsAt: instants.endsAt,
    timeZone: value.timeZone,
    workingLanguages: value.workingLanguages,
    interpretation: value.interpretation,
    capacity: capacity === null ? null : Number(capacity),
    hostStates: value.hostStates,
    organisers: trimmedList(value.organisers),
    partnerOrganisations: trimmedList(value.partnerOrganisations),
    responsibleOfficerId: value.responsibleOfficerId,
    isPublic: value.isPublic,
  };
}

/** An event as the form shows it for editing, its dates in the venue's clock. */
export function toFormValue(event: EventDetail): ReturnType<EventForm['getRawValue']> {
  return {
    type: event.type,
    title: event.title,
    summary: event.summary,
    description: event.description,
    thematicAreas: event.thematicAreas,
    targetAudiences: event.targetAudiences,
    format: event.format,
    venue: {
      name: event.venue?.name ?? '',
      city: event.venue?.city ?? '',
      countryAlpha3: event.venue?.countryAlpha3 ?? null,
    },
    meetingLink: event.meetingLink ?? '',
    timeZone: event.timeZone,
    when: rangeValue(event.startsAt, event.endsAt, event.timeZone),
    workingLanguages: event.workingLanguages,
    interpretation: event.interpretation,
    capacity: event.capacity,
    hostStates: event.hostStates,
    organisers: event.organisers,
    partnerOrganisations: event.partnerOrganisations,
    responsibleOfficerId: event.responsibleOfficerId,
    isPublic: event.isPublic,
  };
}

/** Where the form shows an error the server found at a path of the contract. */
export function formPathOf(path: string): string {
  const [head, second] = path.split('.');
  switch (head) {
    case 'startsAt':
      return 'when.startDate';
    case 'endsAt':
      return 'when.endDate';
    case 'venue':
      return second === 'name' || second === 'city' || second === 'countryAlpha3'
        ? `venue.${second}`
        : 'venue.name';
    default:
      return head ?? path;
  }
}

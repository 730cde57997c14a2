import { z } from 'zod';
import { PAGE_LIMIT_MAX, Uuid } from './common';
import { EventStatus } from './events';
import { Alpha3, Alpha3Code, GeographicRegion, RegionalGroup } from './member-states';
import {
  int32,
  isRealDate,
  MAX_YEAR,
  MIN_YEAR,
  multiLineText,
  patternText,
  singleLineText,
  Timestamp,
} from './text';
import {
  INVITATION_STATUSES,
  REGIONAL_GROUPS,
  SEAT_REQUEST_STATUSES,
  GEOGRAPHIC_REGIONS,
} from './vocabulary';

/*
 * Invitations of States to an event (docs/participation.md, "Invitations"): an officer invites
 * States with seats and a nomination deadline, the State's focal points accept, decline or ask
 * for more seats, and the participation tab lists each invited State with its figures.
 */

export const InvitationStatus = z.enum(INVITATION_STATUSES);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

export const SeatRequestStatus = z.enum(SEAT_REQUEST_STATUSES);
export type SeatRequestStatus = z.infer<typeof SeatRequestStatus>;

/** How many Member and observer States there are: no list of States is longer. */
export const MAX_STATES = 195;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day of the calendar, YYYY-MM-DD, that exists and lies within MIN_YEAR–MAX_YEAR. */
export const CalendarDate = z
  .string()
  .max(10)
  .regex(CALENDAR_DATE, 'must be a date written YYYY-MM-DD')
  .refine((text) => {
    const [, y, m, d] = CALENDAR_DATE.exec(text) ?? [];
    const year = Number(y);
    return year >= MIN_YEAR && year <= MAX_YEAR && isRealDate(year, Number(m), Number(d));
  }, `must be a real date between the years ${MIN_YEAR} and ${MAX_YEAR}`);
export type CalendarDate = z.infer<typeof CalendarDate>;

/** A date as the API writes it: for response schemas. */
export const CalendarDay = patternText(10, CALENDAR_DATE, 'not a YYYY-MM-DD date');

/** Seats of one State's invitation (the table checks the same bounds). */
export const Seats = int32(z.number().int().min(1).max(10_000));

/** A count of people or States in an answer. */
const Count = int32(z.number().int().min(0).max(1_000_000));

/** What a person types to explain: a decline, a seat request, an answer. */
const Reason = multiLineText(2000).trim().min(1);

/** An invitation's version for optimistic concurrency: a stale one gets 409. */
const Version = int32(z.number().int().min(1).max(2_147_483_647));

const unique = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((items) => new Set(items).size === items.length, 'must not repeat a value');

// ---------------------------------------------------------------- saved lists of States

/** The most saved lists one organisation keeps. */
export const MAX_STATE_LISTS = 200;

export const StateListInput = z.strictObject({
  /** Unique in the organisation, whatever the case. */
  name: singleLineText(100).trim().min(1),
  memberStates: unique(Alpha3, MAX_STATES).min(1, 'choose at least one State'),
});
export type StateListInput = z.infer<typeof StateListInput>;

export const StateList = z.strictObject({
  id: Uuid,
  name: singleLineText(100),
  memberStates: z.array(Alpha3Code).max(MAX_STATES),
  createdAt: Timestamp,
});
export type StateList = z.infer<typeof StateList>;

export const StateListCollection = z.strictObject({
  items: z.array(StateList).max(MAX_STATE_LISTS),
});
export type StateListCollection = z.infer<typeof StateListCollection>;

// ---------------------------------------------------------------- the event's settings

/** PUT /events/:eventId/participation-settings: the whole of it. */
export const ParticipationSettingsInput = z.strictObject({
  /** The default deadline of the event's invitations; each may override it. */
  nominationDeadline: CalendarDate.nullable(),
  /** Whether experts speaking at the event see participants' names and institutions. */
  expertsSeeParticipants: z.boolean(),
});
export type ParticipationSettingsInput = z.infer<typeof ParticipationSettingsInput>;

export const ParticipationSettings = z.strictObject({
  eventId: Uuid,
  nominationDeadline: CalendarDay.nullable(),
  expertsSeeParticipants: z.boolean(),
});
export type ParticipationSettings = z.infer<typeof ParticipationSettings>;

// ---------------------------------------------------------------- inviting States

/**
 * Which States to invite, by any mix of: one by one, UN regional groups (their members; with
 * `includeObservers`, the group's observers too, e.g. the United States in WEOG), M49
 * geographic regions, and saved lists. The union is invited; at least one State must result.
 */
export const StateInvitationCreate = z
  .strictObject({
    memberStates: unique(Alpha3, MAX_STATES).default([]),
    regionalGroups: unique(RegionalGroup, REGIONAL_GROUPS.length).default([]),
    includeObservers: z.boolean().default(false),
    geographicRegions: unique(GeographicRegion, GEOGRAPHIC_REGIONS.length).default([]),
    stateListIds: unique(Uuid, 20).default([]),
    /** Seats for each State invited. */
    seats: Seats,
    /** Overrides the event's default deadline for these States; required if it has none. */
    nominationDeadline: CalendarDate.optional(),
  })
  .superRefine((value, ctx) => {
    if (
      value.memberStates.length +
        value.regionalGroups.length +
        value.geographicRegions.length +
        value.stateListIds.length ===
      0
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['memberStates'],
        message: 'name at least one State, group, region or saved list',
      });
    }
  });
export type StateInvitationCreate = z.infer<typeof StateInvitationCreate>;

/** An officer's change of one State's invitation: seats, deadline or both. */
export const StateInvitationUpdate = z
  .strictObject({
    seats: Seats.optional(),
    nominationDeadline: CalendarDate.optional(),
    /** The version the officer saw; when given, a stale one gets 409. */
    version: Version.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.seats === undefined && value.nominationDeadline === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['seats'],
        message: 'change the seats or the deadline',
      });
    }
  });
export type StateInvitationUpdate = z.infer<typeof StateInvitationUpdate>;

/** A focal point declines their State's invitation, saying why. */
export const InvitationDecline = z.strictObject({ reason: Reason });
export type InvitationDecline = z.infer<typeof InvitationDecline>;

/** A focal point asks for more seats: how many in all, and why. */
export const SeatRequestCreate = z.strictObject({ seats: Seats, reason: Reason });
export type SeatRequestCreate = z.infer<typeof SeatRequestCreate>;

/** The officer grants a seat request (seats become those asked) or refuses it with an answer. */
export const SeatRequestAnswer = z
  .strictObject({
    decision: z.enum(['grant', 'refuse']),
    answer: Reason.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'refuse' && !value.answer) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'say why the request is refused' });
    }
  });
export type SeatRequestAnswer = z.infer<typeof SeatRequestAnswer>;

// ---------------------------------------------------------------- what the API answers

export const SeatRequest = z.strictObject({
  /** Seats asked for, in all. */
  seats: Seats,
  reason: multiLineText(2000),
  status: SeatRequestStatus,
  answer: multiLineText(2000).nullable(),
});
export type SeatRequest = z.infer<typeof SeatRequest>;

/**
 * The State's nominations, counted from non-personal columns. `nominated`: every nomination not
 * withdrawn; `approved`: approved and not declined by the participant (the seats taken);
 * `pending`: waiting for a decision; `confirmed`: approved and confirmed; `attended`: present
 * (attended or partly) on at least one day.
 */
export const NominationCounts = z.strictObject({
  nominated: Count,
  pending: Count,
  approved: Count,
  waitlisted: Count,
  confirmed: Count,
  attended: Count,
});
export type NominationCounts = z.infer<typeof NominationCounts>;

/** One invited State of an event: a row of the participation tab. */
export const StateInvitation = z.strictObject({
  id: Uuid,
  eventId: Uuid,
  memberState: Alpha3Code,
  /** The regional groups the State takes part in (member or observer). */
  regionalGroups: z.array(RegionalGroup).max(REGIONAL_GROUPS.length),
  seats: Seats,
  /** seats − approved − pending, never below 0 (see docs/participation.md). */
  seatsLeft: Count,
  nominationDeadline: CalendarDay,
  status: InvitationStatus,
  declineReason: multiLineText(2000).nullable(),
  seatRequest: SeatRequest.nullable(),
  counts: NominationCounts,
  invitedAt: Timestamp,
  respondedAt: Timestamp.nullable(),
  remindedAt: Timestamp.nullable(),
  lastActivityAt: Timestamp,
  version: Version,
});
export type StateInvitation = z.infer<typeof StateInvitation>;

/** What inviting did: the States invited now, and those skipped (invited already). */
export const StateInvitationResult = z.strictObject({
  invited: z.array(StateInvitation).max(MAX_STATES),
  skipped: z
    .array(z.strictObject({ memberState: Alpha3Code, reason: z.enum(['already_invited']) }))
    .max(MAX_STATES),
});
export type StateInvitationResult = z.infer<typeof StateInvitationResult>;

/** The officer's reminder of one invitation: when, and how many focal points it reached. */
export const InvitationReminder = z.strictObject({
  remindedAt: Timestamp,
  recipients: Count,
});
export type InvitationReminder = z.infer<typeof InvitationReminder>;

/** Filters of the participation tab. */
export const ParticipationQuery = z.strictObject({
  status: InvitationStatus.optional(),
  regionalGroup: RegionalGroup.optional(),
  /** Part of the State's name in any UN language, or its code. */
  q: singleLineText(100).trim().min(1).optional(),
});
export type ParticipationQuery = z.infer<typeof ParticipationQuery>;

/** The sums over the invitations the caller sees (withdrawn ones excluded), beside capacity. */
export const ParticipationTotals = z.strictObject({
  states: Count,
  seats: Count,
  counts: NominationCounts,
  capacity: int32(z.number().int().min(1).max(10_000)).nullable(),
});
export type ParticipationTotals = z.infer<typeof ParticipationTotals>;

/**
 * The participation tab: planners see every invited State, a focal point their own State's row,
 * an expert none (an empty list, as for an event no State was invited to).
 */
export const EventParticipation = z.strictObject({
  eventId: Uuid,
  nominationDeadline: CalendarDay.nullable(),
  expertsSeeParticipants: z.boolean(),
  /** Totals over all the rows the caller sees, whatever the filters. */
  totals: ParticipationTotals,
  /** The rows matching the filters, by State code. */
  states: z.array(StateInvitation).max(MAX_STATES),
});
export type EventParticipation = z.infer<typeof EventParticipation>;

/** An invitation still open to the focal point's State, for their home page. */
export const OpenInvitation = z.strictObject({
  id: Uuid,
  event: z.strictObject({
    id: Uuid,
    title: singleLineText(200),
    startsAt: Timestamp,
    endsAt: Timestamp,
    timeZone: singleLineText(64),
    status: EventStatus,
  }),
  memberState: Alpha3Code,
  status: InvitationStatus,
  seats: Seats,
  seatsLeft: Count,
  nominationDeadline: CalendarDay,
  seatRequest: SeatRequest.nullable(),
});
export type OpenInvitation = z.infer<typeof OpenInvitation>;

/** The focal point's open invitations, soonest deadline first (at most PAGE_LIMIT_MAX). */
export const OpenInvitationList = z.strictObject({
  items: z.array(OpenInvitation).max(PAGE_LIMIT_MAX),
});
export type OpenInvitationList = z.infer<typeof OpenInvitationList>;

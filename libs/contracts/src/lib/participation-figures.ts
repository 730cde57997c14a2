import { z } from 'zod';
import { Uuid } from './common';
import { Alpha3Code, MEMBER_STATE_CODES } from './member-states';
import { int32, singleLineText } from './text';
import {
  GEOGRAPHIC_REGIONS,
  INSTITUTION_TYPES,
  REGIONAL_GROUPS,
  SEXES,
  TARGET_AUDIENCES,
} from './vocabulary';

/*
 * The figures of an event's participation and the export of its participant list
 * (docs/participation.md, "Figures" and "Exports").
 */

const count = int32(z.number().int().min(0).max(2_147_483_647));

/**
 * The three stages every breakdown counts, each a subset of the one before:
 * - `approved`: holding a seat (approved, and the participant did not decline);
 * - `confirmed`: approved and confirmed by the participant through their link;
 * - `attended`: approved and checked in (attended or partly) on at least one day.
 */
export const FIGURE_STAGES = ['approved', 'confirmed', 'attended'] as const;
export const FigureStage = z.enum(FIGURE_STAGES);
export type FigureStage = z.infer<typeof FigureStage>;

export const StageCounts = z.strictObject({
  approved: count,
  confirmed: count,
  attended: count,
});
export type StageCounts = z.infer<typeof StageCounts>;

/** A regional group key: one of the UN regional groups, or `none` (a State in none, e.g. Kiribati). */
export const REGIONAL_GROUP_KEYS = [...REGIONAL_GROUPS, 'none'] as const;

const breakdown = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.array(StageCounts.extend({ key: z.enum(keys) })).max(keys.length);

/** The share of women among each stage's participants, 0..1, or null when the stage is empty. */
const share = z.number().min(0).max(1).nullable();

export const ParticipationFigures = z.strictObject({
  eventId: Uuid,
  /** The event's capacity, if it has one: the approved total counts against it. */
  capacity: int32(z.number().int().min(1).max(10_000)).nullable(),
  totals: z.strictObject({
    /** Every nomination not withdrawn. */
    nominations: count,
    /** Awaiting the officer's decision. */
    pending: count,
    waitlisted: count,
    /** Declined by the officer. */
    declined: count,
    approved: count,
    confirmed: count,
    /** Approved, then declined by the participant (the seat was freed). */
    declinedByParticipant: count,
    attended: count,
  }),
  womenShare: z.strictObject({ approved: share, confirmed: share, attended: share }),
  /** Every key of the vocabulary is present, zero or not, in the vocabulary's order. */
  bySex: breakdown(SEXES),
  byInstitutionType: breakdown(INSTITUTION_TYPES),
  byAudience: breakdown(TARGET_AUDIENCES),
  byRegionalGroup: breakdown(REGIONAL_GROUP_KEYS),
  byGeographicRegion: breakdown(GEOGRAPHIC_REGIONS),
  /** Only the States with at least one nomination not withdrawn, by code. */
  byState: z.array(StageCounts.extend({ key: Alpha3Code })).max(MEMBER_STATE_CODES.length),
  states: z.strictObject({
    /** States invited (invitation not withdrawn). */
    invited: count,
    /** States that accepted their invitation. */
    accepted: count,
    /** States with at least one approved participant. */
    withApproved: count,
    /**
     * States represented: with at least one participant who confirmed or attended (a
     * participant checked in without confirming is there all the same).
     */
    represented: count,
    /** States with at least one participant who attended. */
    attended: count,
  }),
});
export type ParticipationFigures = z.infer<typeof ParticipationFigures>;

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** Which nominations an export lists: those holding a seat, or every one not withdrawn. */
export const EXPORT_SCOPES = ['approved', 'all'] as const;
export const ExportScope = z.enum(EXPORT_SCOPES);
export type ExportScope = z.infer<typeof ExportScope>;

export const EXPORT_REASON_MAX_LENGTH = 500;

/**
 * The columns of the participant list export, in order (then one per day of the event). Their
 * headers are written in the exporter's language (the API's translations, beside its mail).
 */
export const PARTICIPANT_EXPORT_COLUMNS = [
  'name',
  'state',
  'stateCode',
  'functionTitle',
  'institution',
  'institutionType',
  'email',
  'sex',
  'audience',
  'preferredLanguage',
  'languages',
  'status',
  'confirmation',
  'dietaryNeeds',
  'accessibilityNeeds',
] as const;
export type ParticipantExportColumn = (typeof PARTICIPANT_EXPORT_COLUMNS)[number];

/**
 * An export of the participant list: personal data leaving the system, so the reason is asked
 * (kept in the audit log with who, when, the format and how many rows).
 */
export const ParticipantExportRequest = z.strictObject({
  format: ExportFormat,
  scope: ExportScope.default('approved'),
  reason: singleLineText(EXPORT_REASON_MAX_LENGTH).trim().min(3),
});
export type ParticipantExportRequest = z.infer<typeof ParticipantExportRequest>;

import { z } from 'zod';
import { Cursor, DisplayName, PAGE_LIMIT_MAX, PageQuery, Uuid } from './common';
import { EventStatus } from './events';
import { CalendarDate } from './invitations';
import { Alpha3, Alpha3Code, GeographicRegion, RegionalGroup } from './member-states';
import {
  BULK_EDITIONS_MAX,
  BULK_QUANTITY_MAX,
  DELIVERY_CHANNELS,
  DELIVERY_QUANTITY_MAX,
  EDITION_FORMATS,
  EDITION_LANGUAGES,
  EDITION_TITLE_MAX,
  IATI_AID_TYPES,
  IATI_FLOW_TYPES,
  IATI_ORGANISATION_IDENTIFIER,
  IATI_ORGANISATION_TYPES,
  IATI_SECTOR_CODES,
  INSTITUTION_MAX,
  normaliseIsbn,
} from './delivery-vocabulary';
import { int32, MAX_YEAR, MIN_YEAR, patternText, singleLineText, Timestamp } from './text';

/*
 * Editions of the tool, the delivery register, coverage per State and the IATI settings
 * (docs/delivery.md).
 */

export const EditionLanguage = z.enum(EDITION_LANGUAGES);
export type EditionLanguage = z.infer<typeof EditionLanguage>;
export const EditionFormat = z.enum(EDITION_FORMATS);
export type EditionFormat = z.infer<typeof EditionFormat>;
export const DeliveryChannel = z.enum(DELIVERY_CHANNELS);
export type DeliveryChannel = z.infer<typeof DeliveryChannel>;

const Version = int32(
  z
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
);

/** An ISBN-13 or ISBN-10 with or without hyphens; its check digit must be right. */
export const Isbn = singleLineText(20)
  .trim()
  .refine(
    (text) => normaliseIsbn(text) !== null,
    'must be an ISBN-13 or ISBN-10 with a valid check digit',
  )
  .transform((text) => normaliseIsbn(text) ?? text);

const editionFields = {
  title: singleLineText(EDITION_TITLE_MAX).trim().min(1),
  language: EditionLanguage,
  format: EditionFormat,
  editionYear: int32(z.number().int().min(MIN_YEAR).max(MAX_YEAR)),
  /** "2nd edition", "v1.1": optional. */
  versionLabel: singleLineText(60).trim().default(''),
  isbn: Isbn.nullable().default(null),
  /** A United Nations sales number (e.g. E.12.V.2) or another publisher's number. */
  salesNumber: singleLineText(60).trim().min(1).nullable().default(null),
  /** A document of the tenant's library holding the edition's file. */
  documentId: Uuid.nullable().default(null),
};

export const EditionCreate = z.strictObject(editionFields);
export type EditionCreate = z.infer<typeof EditionCreate>;
export type EditionCreateInput = z.input<typeof EditionCreate>;

/** An edit names the version it was read at: a stale one answers 409. */
export const EditionUpdate = z.strictObject({ ...editionFields, version: Version });
export type EditionUpdate = z.infer<typeof EditionUpdate>;

const deliveryFields = {
  editionId: Uuid,
  quantity: int32(z.number().int().min(1).max(DELIVERY_QUANTITY_MAX)),
  channel: DeliveryChannel,
  memberState: Alpha3,
  institution: singleLineText(INSTITUTION_MAX).trim().default(''),
  deliveredOn: CalendarDate,
  eventId: Uuid.nullable().default(null),
  /** A request for assistance the delivery answers (issue 14). */
  requestId: Uuid.nullable().default(null),
};

/** One delivery registered by hand. */
export const DeliveryCreate = z.strictObject(deliveryFields);
export type DeliveryCreate = z.infer<typeof DeliveryCreate>;
export type DeliveryCreateInput = z.input<typeof DeliveryCreate>;

/**
 * A correction of a registered delivery: the register's fields and the version read (a stale one
 * answers 409). A delivery of a bulk hand-out keeps its edition, State and event, the key the
 * hand-out holds once per event (docs/delivery.md); the rest may change.
 */
export const DeliveryUpdate = z.strictObject({ ...deliveryFields, version: Version });
export type DeliveryUpdate = z.infer<typeof DeliveryUpdate>;
export type DeliveryUpdateInput = z.input<typeof DeliveryUpdate>;

/** Deleting a delivery names the version read: a delivery changed meanwhile answers 409. */
export const DeliveryDeleteQuery = z.strictObject({
  version: int32(
    z.coerce
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1),
  ),
});
export type DeliveryDeleteQuery = z.infer<typeof DeliveryDeleteQuery>;

const noRepeats = <T>(items: readonly T[]) => new Set(items).size === items.length;

/**
 * "Every attending participant received …": editions with a quantity per attending participant,
 * registered per State from the event's attendance. `key` is chosen by the client once per
 * submission: sending the same key again returns what the first submission registered.
 */
export const BulkDeliveryCreate = z.strictObject({
  key: Uuid,
  editions: z
    .array(
      z.strictObject({
        editionId: Uuid,
        perParticipant: int32(z.number().int().min(1).max(BULK_QUANTITY_MAX)),
      }),
    )
    .min(1)
    .max(BULK_EDITIONS_MAX)
    .refine(
      (items) => noRepeats(items.map((item) => item.editionId)),
      'must not repeat an edition',
    ),
  channel: DeliveryChannel.default('workshop_handout'),
  deliveredOn: CalendarDate,
});
export type BulkDeliveryCreate = z.infer<typeof BulkDeliveryCreate>;
export type BulkDeliveryCreateInput = z.input<typeof BulkDeliveryCreate>;

/** The register's filters and keyset paging (newest deliveries first). */
export const DeliveryQuery = PageQuery.extend({
  state: Alpha3.optional(),
  editionId: Uuid.optional(),
  eventId: Uuid.optional(),
  channel: DeliveryChannel.optional(),
  language: EditionLanguage.optional(),
  format: EditionFormat.optional(),
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
});
export type DeliveryQuery = z.infer<typeof DeliveryQuery>;

/** Coverage's filters: a period, a UN regional group, a geographic region. */
export const CoverageQuery = z.strictObject({
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
  regionalGroup: RegionalGroup.optional(),
  region: GeographicRegion.optional(),
});
export type CoverageQuery = z.infer<typeof CoverageQuery>;

export const IatiOrganisationType = z.enum(IATI_ORGANISATION_TYPES);
export type IatiOrganisationType = z.infer<typeof IatiOrganisationType>;
export const IatiSectorCode = z.enum(IATI_SECTOR_CODES);
export type IatiSectorCode = z.infer<typeof IatiSectorCode>;
export const IatiAidType = z.enum(IATI_AID_TYPES);
export type IatiAidType = z.infer<typeof IatiAidType>;
export const IatiFlowType = z.enum(IATI_FLOW_TYPES);
export type IatiFlowType = z.infer<typeof IatiFlowType>;

/** The tenant's IATI reporting settings; `version` is required once they exist. */
export const IatiSettingsInput = z.strictObject({
  organisationIdentifier: patternText(
    100,
    IATI_ORGANISATION_IDENTIFIER,
    'must be an IATI organisation identifier such as XM-DAC-41146',
  ),
  organisationName: singleLineText(300).trim().min(1),
  organisationType: IatiOrganisationType,
  sectorCodes: z
    .array(IatiSectorCode)
    .min(1)
    .max(IATI_SECTOR_CODES.length)
    .refine(noRepeats, 'must not repeat a sector'),
  aidType: IatiAidType,
  flowType: IatiFlowType,
  publicFile: z.boolean(),
  version: Version.optional(),
});
export type IatiSettingsInput = z.infer<typeof IatiSettingsInput>;

// Responses.

const PersonRef = z.strictObject({ id: Uuid, name: DisplayName });

/** The library document holding an edition's file, when the caller may see it. */
export const EditionDocument = z.strictObject({ id: Uuid, title: singleLineText(300) });

export const Edition = z.strictObject({
  id: Uuid,
  title: singleLineText(EDITION_TITLE_MAX),
  language: EditionLanguage,
  format: EditionFormat,
  editionYear: int32(z.number().int()),
  versionLabel: singleLineText(60),
  isbn: singleLineText(13).nullable(),
  salesNumber: singleLineText(60).nullable(),
  document: EditionDocument.nullable(),
  /** Demo data: shown labelled as an example. */
  isExample: z.boolean(),
  /** How many deliveries and copies of it are registered. */
  deliveries: int32(z.number().int().min(0)),
  copies: int32(z.number().int().min(0)),
  version: int32(z.number().int().min(1)),
  updatedAt: Timestamp,
});
export type Edition = z.infer<typeof Edition>;

export const EditionList = z.strictObject({ items: z.array(Edition).max(1000) });
export type EditionList = z.infer<typeof EditionList>;

/** The event a delivery came with. */
export const DeliveryEvent = z.strictObject({
  id: Uuid,
  title: singleLineText(200),
  status: EventStatus,
});

export const Delivery = z.strictObject({
  id: Uuid,
  edition: z.strictObject({
    id: Uuid,
    title: singleLineText(EDITION_TITLE_MAX),
    language: EditionLanguage,
    format: EditionFormat,
    isExample: z.boolean(),
  }),
  quantity: int32(z.number().int().min(1)),
  channel: DeliveryChannel,
  memberState: Alpha3Code,
  institution: singleLineText(INSTITUTION_MAX),
  deliveredOn: CalendarDate,
  /** Null when the caller may not see the event (a focal point's view of another's event). */
  event: DeliveryEvent.nullable(),
  requestId: Uuid.nullable(),
  /** Registered by a bulk hand-out from the event's attendance. */
  bulk: z.boolean(),
  createdBy: PersonRef.nullable(),
  createdAt: Timestamp,
  /** Sent back with a correction or a deletion. */
  version: int32(z.number().int().min(1)),
});
export type Delivery = z.infer<typeof Delivery>;

export const DeliveryPage = z.strictObject({
  items: z.array(Delivery).max(PAGE_LIMIT_MAX),
  nextCursor: Cursor.nullable(),
  /** Register deliveries (officers and admins); a focal point reads their State's. */
  canRegister: z.boolean(),
});
export type DeliveryPage = z.infer<typeof DeliveryPage>;

/** What a bulk hand-out registered: one row per edition and State. */
export const BulkDeliveryResult = z.strictObject({
  items: z.array(Delivery).max(BULK_EDITIONS_MAX * 200),
  /** False when the key had been sent before: these are the first submission's rows. */
  created: z.boolean(),
});
export type BulkDeliveryResult = z.infer<typeof BulkDeliveryResult>;

/** Who attended an event, per State: what a bulk hand-out multiplies. */
export const DeliveryPreview = z.strictObject({
  event: DeliveryEvent.extend({ endsOn: CalendarDate }),
  /** Whether the event took place (held, reported, closed): only then may a hand-out follow. */
  eligible: z.boolean(),
  states: z
    .array(
      z.strictObject({
        memberState: Alpha3Code,
        attending: int32(z.number().int().min(0)),
      }),
    )
    .max(200),
  /** Editions already handed out at this event, with the States they went to. */
  registered: z
    .array(z.strictObject({ editionId: Uuid, states: z.array(Alpha3Code).max(200) }))
    .max(1000),
});
export type DeliveryPreview = z.infer<typeof DeliveryPreview>;

const Counted = {
  deliveries: int32(z.number().int().min(0)),
  copies: int32(z.number().int().min(0)),
};

/** One State's coverage: what reached it, when last, through which events. */
export const StateCoverage = z.strictObject({
  memberState: Alpha3Code,
  regionalGroup: RegionalGroup.nullable(),
  region: GeographicRegion,
  languages: z.array(EditionLanguage).max(EDITION_LANGUAGES.length),
  formats: z.array(EditionFormat).max(EDITION_FORMATS.length),
  lastDeliveredOn: CalendarDate,
  events: z.array(DeliveryEvent.pick({ id: true, title: true })).max(1000),
  ...Counted,
});
export type StateCoverage = z.infer<typeof StateCoverage>;

/** A region's or group's coverage: how many of its States the tool reached. */
export const AreaCoverage = z.strictObject({
  statesReached: int32(z.number().int().min(0)),
  statesTotal: int32(z.number().int().min(0)),
  ...Counted,
});

export const Coverage = z.strictObject({
  states: z.array(StateCoverage).max(200),
  byRegion: z.array(AreaCoverage.extend({ region: GeographicRegion })).max(10),
  byRegionalGroup: z
    .array(AreaCoverage.extend({ regionalGroup: RegionalGroup.nullable() }))
    .max(10),
  /** The States within the filters the tool never reached (alpha-3 codes). */
  neverReached: z.array(Alpha3Code).max(200),
  totals: AreaCoverage,
});
export type Coverage = z.infer<typeof Coverage>;

export const IatiSettings = z.strictObject({
  organisationIdentifier: singleLineText(100),
  organisationName: singleLineText(300),
  organisationType: IatiOrganisationType,
  sectorCodes: z.array(IatiSectorCode).max(IATI_SECTOR_CODES.length),
  aidType: IatiAidType,
  flowType: IatiFlowType,
  publicFile: z.boolean(),
  version: int32(z.number().int().min(1)),
  updatedAt: Timestamp,
  updatedBy: PersonRef.nullable(),
});
export type IatiSettings = z.infer<typeof IatiSettings>;

/** The settings page: the settings (null until saved), the file's public address, the count. */
export const IatiSettingsView = z.strictObject({
  settings: IatiSettings.nullable(),
  /** Path of the public file, whether or not it is served (publicFile decides). */
  publicPath: singleLineText(200),
  /** How many events the export would hold now. */
  activities: int32(z.number().int().min(0)),
});
export type IatiSettingsView = z.infer<typeof IatiSettingsView>;

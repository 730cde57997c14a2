/*
 * The words and bounds of tool editions, deliveries, coverage and the IATI settings
 * (docs/delivery.md), apart from their schemas in delivery.ts: the web app's pages read these,
 * and a module of plain constants keeps zod out of the chunks those pages load.
 */

/** The language of an edition: one of the six UN languages, or another. */
export const EDITION_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es', 'other'] as const;

/** What an edition is: printed, a PDF, or an e-learning module. */
export const EDITION_FORMATS = ['print', 'pdf', 'elearning'] as const;

/** How a delivery reached the State. */
export const DELIVERY_CHANNELS = [
  'workshop_handout',
  'official_transmission',
  'download',
  'elearning_enrolment',
] as const;

/** The most copies one delivery row counts. */
export const DELIVERY_QUANTITY_MAX = 1_000_000;
/** The most copies per attending participant a bulk hand-out gives of one edition. */
export const BULK_QUANTITY_MAX = 100;
/** The most editions one bulk hand-out registers at once. */
export const BULK_EDITIONS_MAX = 10;
/** The longest edition title and recipient institution. */
export const EDITION_TITLE_MAX = 300;
export const INSTITUTION_MAX = 300;

/** The event statuses from which a bulk hand-out may be registered: the meeting took place. */
export const DELIVERY_EVENT_STATUSES = ['held', 'reported', 'closed'] as const;

/**
 * IATI OrganisationType codes (codelist OrganisationType, IATI 2.03) a reporting organisation
 * may be: government, public sector, NGOs, public-private partnership, multilateral,
 * foundation, private sector, academic, other.
 */
export const IATI_ORGANISATION_TYPES = [
  '10',
  '11',
  '15',
  '21',
  '22',
  '23',
  '24',
  '30',
  '40',
  '60',
  '70',
  '80',
  '90',
] as const;

/**
 * OECD DAC CRS purpose codes (IATI Sector vocabulary 1) that fit the tool's technical
 * assistance: 15110 public sector policy and administrative management, 15130 legal and judicial
 * development, 15150 democratic participation and civil society, 15160 human rights, 15210
 * security system management and reform, 15220 civilian peace-building, conflict prevention and
 * resolution, 22040 information and communication technology.
 */
export const IATI_SECTOR_CODES = [
  '15110',
  '15130',
  '15150',
  '15160',
  '15210',
  '15220',
  '22040',
] as const;

/**
 * IATI AidType codes (vocabulary 1, OECD DAC) for this work: B03 contributions to specific
 * programmes of international organisations, B04 basket funds, C01 project-type interventions,
 * D01 donor country personnel, D02 other technical assistance, E01 scholarships and training in
 * the donor country, H01 development awareness.
 */
export const IATI_AID_TYPES = ['B03', 'B04', 'C01', 'D01', 'D02', 'E01', 'H01'] as const;

/** IATI FlowType codes: ODA, OOF, non-export-credit OOF, private development finance, non flow, other. */
export const IATI_FLOW_TYPES = ['10', '20', '21', '30', '40', '50'] as const;

/** An IATI organisation identifier: a registration agency prefix, then the organisation's code. */
export const IATI_ORGANISATION_IDENTIFIER = /^[A-Za-z]{2}(?:-[A-Za-z0-9._]+)+$/;

/**
 * The digits of a valid ISBN-13 or ISBN-10 (hyphens and spaces dropped, an ISBN-10's check
 * character X upper-cased), or null when the text is not one or its check digit is wrong.
 */
export function normaliseIsbn(text: string): string | null {
  const compact = text.replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{13}$/.test(compact)) {
    const sum = [...compact].reduce(
      (total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3),
      0,
    );
    return sum % 10 === 0 ? compact : null;
  }
  if (/^\d{9}[\dX]$/.test(compact)) {
    const sum = [...compact].reduce(
      (total, char, index) => total + (char === 'X' ? 10 : Number(char)) * (10 - index),
      0,
    );
    return sum % 11 === 0 ? compact : null;
  }
  return null;
}

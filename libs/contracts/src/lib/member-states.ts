import { z } from 'zod';
import { Language } from './common';
import { groupStandingProblem } from './standing';
import { patternText, singleLineText } from './text';
import { GEOGRAPHIC_REGIONS, REGIONAL_GROUPS } from './vocabulary';

export const RegionalGroup = z.enum(REGIONAL_GROUPS);
export type RegionalGroup = z.infer<typeof RegionalGroup>;

/**
 * How a State takes part in a regional group. Most States are members of exactly one; the
 * UN's own exceptions (DGACM, "Regional groups of Member States") are the United States, which
 * is a member of none but attends the Western European and others Group as an observer, and
 * Türkiye, a full participant in two groups.
 */
export const GROUP_PARTICIPATION_KINDS = ['member', 'observer'] as const;
export const GroupParticipationKind = z.enum(GROUP_PARTICIPATION_KINDS);
export type GroupParticipationKind = z.infer<typeof GroupParticipationKind>;

export const GroupParticipation = z.strictObject({
  group: RegionalGroup,
  kind: GroupParticipationKind,
});
export type GroupParticipation = z.infer<typeof GroupParticipation>;

export const GeographicRegion = z.enum(GEOGRAPHIC_REGIONS);
export type GeographicRegion = z.infer<typeof GeographicRegion>;

/**
 * The ISO 3166-1 alpha-3 codes of the 193 Member States and the 2 observer
 * States, sorted: the rows of the API's member_states table (its seed,
 * apps/api/src/member-states/member-states.data.ts; bad-input.int.spec.ts
 * checks the two agree). Venues, host States and focal points refer to these.
 */
export const MEMBER_STATE_CODES = [
  'AFG',
  'AGO',
  'ALB',
  'AND',
  'ARE',
  'ARG',
  'ARM',
  'ATG',
  'AUS',
  'AUT',
  'AZE',
  'BDI',
  'BEL',
  'BEN',
  'BFA',
  'BGD',
  'BGR',
  'BHR',
  'BHS',
  'BIH',
  'BLR',
  'BLZ',
  'BOL',
  'BRA',
  'BRB',
  'BRN',
  'BTN',
  'BWA',
  'CAF',
  'CAN',
  'CHE',
  'CHL',
  'CHN',
  'CIV',
  'CMR',
  'COD',
  'COG',
  'COL',
  'COM',
  'CPV',
  'CRI',
  'CUB',
  'CYP',
  'CZE',
  'DEU',
  'DJI',
  'DMA',
  'DNK',
  'DOM',
  'DZA',
  'ECU',
  'EGY',
  'ERI',
  'ESP',
  'EST',
  'ETH',
  'FIN',
  'FJI',
  'FRA',
  'FSM',
  'GAB',
  'GBR',
  'GEO',
  'GHA',
  'GIN',
  'GMB',
  'GNB',
  'GNQ',
  'GRC',
  'GRD',
  'GTM',
  'GUY',
  'HND',
  'HRV',
  'HTI',
  'HUN',
  'IDN',
  'IND',
  'IRL',
  'IRN',
  'IRQ',
  'ISL',
  'ISR',
  'ITA',
  'JAM',
  'JOR',
  'JPN',
  'KAZ',
  'KEN',
  'KGZ',
  'KHM',
  'KIR',
  'KNA',
  'KOR',
  'KWT',
  'LAO',
  'LBN',
  'LBR',
  'LBY',
  'LCA',
  'LIE',
  'LKA',
  'LSO',
  'LTU',
  'LUX',
  'LVA',
  'MAR',
  'MCO',
  'MDA',
  'MDG',
  'MDV',
  'MEX',
  'MHL',
  'MKD',
  'MLI',
  'MLT',
  'MMR',
  'MNE',
  'MNG',
  'MOZ',
  'MRT',
  'MUS',
  'MWI',
  'MYS',
  'NAM',
  'NER',
  'NGA',
  'NIC',
  'NLD',
  'NOR',
  'NPL',
  'NRU',
  'NZL',
  'OMN',
  'PAK',
  'PAN',
  'PER',
  'PHL',
  'PLW',
  'PNG',
  'POL',
  'PRK',
  'PRT',
  'PRY',
  'PSE',
  'QAT',
  'ROU',
  'RUS',
  'RWA',
  'SAU',
  'SDN',
  'SEN',
  'SGP',
  'SLB',
  'SLE',
  'SLV',
  'SMR',
  'SOM',
  'SRB',
  'SSD',
  'STP',
  'SUR',
  'SVK',
  'SVN',
  'SWE',
  'SWZ',
  'SYC',
  'SYR',
  'TCD',
  'TGO',
  'THA',
  'TJK',
  'TKM',
  'TLS',
  'TON',
  'TTO',
  'TUN',
  'TUR',
  'TUV',
  'TZA',
  'UGA',
  'UKR',
  'URY',
  'USA',
  'UZB',
  'VAT',
  'VCT',
  'VEN',
  'VNM',
  'VUT',
  'WSM',
  'YEM',
  'ZAF',
  'ZMB',
  'ZWE',
] as const;
export type MemberStateCode = (typeof MEMBER_STATE_CODES)[number];

const KNOWN_CODES: ReadonlySet<string> = new Set(MEMBER_STATE_CODES);

/** True for the code of a Member State or observer State, in any case. */
export const isMemberStateCode = (code: string): boolean => KNOWN_CODES.has(code.toUpperCase());

/**
 * A Member State or observer State by ISO 3166-1 alpha-3 code, any case in,
 * upper case out. Unknown codes (ZZZ) are refused here, before SQL, where
 * they would break a foreign key or be stored in a host States array.
 */
export const Alpha3 = singleLineText(8)
  .trim()
  .refine(isMemberStateCode, 'must be the ISO 3166-1 alpha-3 code of a Member State')
  .transform((code) => code.toUpperCase());

/** An alpha-3 code as the API writes it (upper case): for response schemas. */
export const Alpha3Code = patternText(3, /^[A-Z]{3}$/, 'not an alpha-3 code');

export const MemberState = z
  .strictObject({
    alpha3: Alpha3Code,
    alpha2: patternText(2, /^[A-Z]{2}$/, 'not an alpha-2 code'),
    /** The regional groups the State takes part in, as member or observer; empty for none. */
    groups: z.array(GroupParticipation).max(REGIONAL_GROUPS.length),
    /**
     * The group the State counts in for elections (derived, for filters and figures): null for a
     * State counted in none (Kiribati, the Holy See).
     */
    electoralGroup: RegionalGroup.nullable(),
    /** Its M49 geographic region, which need not be its group's (Cyprus: Asia; Israel: Asia). */
    geographicRegion: GeographicRegion,
    /** true for the two observer States (Holy See, State of Palestine). */
    observer: z.boolean(),
    /** The State's name in each UN language. */
    names: z.strictObject({
      ar: singleLineText(200),
      zh: singleLineText(200),
      en: singleLineText(200),
      fr: singleLineText(200),
      ru: singleLineText(200),
      es: singleLineText(200),
    } satisfies Record<Language, z.ZodType>),
  })
  .superRefine((state, context) => {
    const problem = groupStandingProblem(state);
    if (problem) context.addIssue({ code: 'custom', path: ['electoralGroup'], message: problem });
  });
export type MemberState = z.infer<typeof MemberState>;

/** The whole reference list: 193 Member States and 2 observer States. */
export const MemberStateList = z.array(MemberState).max(MEMBER_STATE_CODES.length);

export const MemberStateQuery = z.strictObject({
  q: singleLineText(100).trim().optional(),
  /** The States taking part in this group, as member or observer; 'none': those in no group. */
  group: z.union([RegionalGroup, z.literal('none')]).optional(),
  /** The States of this M49 geographic region. */
  geographicRegion: GeographicRegion.optional(),
  /** Language used to sort by name and to search; English by default. */
  lang: Language.default('en'),
});
export type MemberStateQuery = z.infer<typeof MemberStateQuery>;

import { z } from 'zod';
import { Language } from './common';
import { singleLineText } from './text';

/** The five UN regional groups. */
export const REGIONAL_GROUPS = [
  'african',
  'asia_pacific',
  'eastern_european',
  'latin_american_caribbean',
  'western_european_others',
] as const;
export const RegionalGroup = z.enum(REGIONAL_GROUPS);
export type RegionalGroup = z.infer<typeof RegionalGroup>;

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
export const Alpha3Code = singleLineText(3).regex(/^[A-Z]{3}$/, 'not an alpha-3 code');

export const MemberState = z
  .strictObject({
    alpha3: Alpha3Code,
    alpha2: singleLineText(2).regex(/^[A-Z]{2}$/, 'not an alpha-2 code'),
    /** null for a State that sits in no regional group. */
    regionalGroup: RegionalGroup.nullable(),
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
  .meta({ id: 'MemberState' });
export type MemberState = z.infer<typeof MemberState>;

/** The whole reference list: 193 Member States and 2 observer States. */
export const MemberStateList = z.array(MemberState).max(MEMBER_STATE_CODES.length);

export const MemberStateQuery = z.strictObject({
  q: singleLineText(100).trim().optional(),
  region: RegionalGroup.optional(),
  /** Language used to sort by name and to search; English by default. */
  lang: Language.default('en'),
});
export type MemberStateQuery = z.infer<typeof MemberStateQuery>;

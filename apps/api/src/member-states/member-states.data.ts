import type { GeographicRegion, GroupStanding, Language, RegionalGroup } from '@convene/contracts';
import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import zh from 'i18n-iso-countries/langs/zh.json';

/**
 * Global reference data: the 193 UN Member States and the 2 non-member
 * observer States, with their place in the UN regional groups as described by
 * the UN Department for General Assembly and Conference Management (DGACM),
 * "Regional groups of Member States", and their geographic region in the UN
 * Statistics Division's M49 standard.
 */
export interface MemberStateSeed extends GroupStanding {
  alpha3: string;
  alpha2: string;
  geographicRegion: GeographicRegion;
  observer: boolean;
}

const AF: RegionalGroup = 'african';
const AP: RegionalGroup = 'asia_pacific';
const EE: RegionalGroup = 'eastern_european';
const LA: RegionalGroup = 'latin_american_caribbean';
const WE: RegionalGroup = 'western_european_others';

const AFR: GeographicRegion = 'africa';
const AME: GeographicRegion = 'americas';
const ASI: GeographicRegion = 'asia';
const EUR: GeographicRegion = 'europe';
const OCE: GeographicRegion = 'oceania';

/** Not in any group, counted in none: Kiribati, the Holy See. */
const NO_GROUP: GroupStanding = { groups: [], electoralGroup: null };

/**
 * A row's place in the groups: a group (a member of it, counted there, as every State but the
 * exceptions), or a standing spelled out for the exceptions.
 */
type Row = readonly [
  alpha3: string,
  alpha2: string,
  region: GeographicRegion,
  standing: RegionalGroup | GroupStanding,
  observer?: true,
];

// One row per State, sorted by alpha3.
const ROWS: readonly Row[] = [
  ['AFG', 'AF', ASI, AP],
  ['AGO', 'AO', AFR, AF],
  ['ALB', 'AL', EUR, EE],
  ['AND', 'AD', EUR, WE],
  ['ARE', 'AE', ASI, AP],
  ['ARG', 'AR', AME, LA],
  ['ARM', 'AM', ASI, EE],
  ['ATG', 'AG', AME, LA],
  ['AUS', 'AU', OCE, WE],
  ['AUT', 'AT', EUR, WE],
  ['AZE', 'AZ', ASI, EE],
  ['BDI', 'BI', AFR, AF],
  ['BEL', 'BE', EUR, WE],
  ['BEN', 'BJ', AFR, AF],
  ['BFA', 'BF', AFR, AF],
  ['BGD', 'BD', ASI, AP],
  ['BGR', 'BG', EUR, EE],
  ['BHR', 'BH', ASI, AP],
  ['BHS', 'BS', AME, LA],
  ['BIH', 'BA', EUR, EE],
  ['BLR', 'BY', EUR, EE],
  ['BLZ', 'BZ', AME, LA],
  ['BOL', 'BO', AME, LA],
  ['BRA', 'BR', AME, LA],
  ['BRB', 'BB', AME, LA],
  ['BRN', 'BN', ASI, AP],
  ['BTN', 'BT', ASI, AP],
  ['BWA', 'BW', AFR, AF],
  ['CAF', 'CF', AFR, AF],
  ['CAN', 'CA', AME, WE],
  ['CHE', 'CH', EUR, WE],
  ['CHL', 'CL', AME, LA],
  ['CHN', 'CN', ASI, AP],
  ['CIV', 'CI', AFR, AF],
  ['CMR', 'CM', AFR, AF],
  ['COD', 'CD', AFR, AF],
  ['COG', 'CG', AFR, AF],
  ['COL', 'CO', AME, LA],
  ['COM', 'KM', AFR, AF],
  ['CPV', 'CV', AFR, AF],
  ['CRI', 'CR', AME, LA],
  ['CUB', 'CU', AME, LA],
  // Cyprus: geographically European, but a member of the Asia-Pacific Group.
  ['CYP', 'CY', ASI, AP],
  ['CZE', 'CZ', EUR, EE],
  ['DEU', 'DE', EUR, WE],
  ['DJI', 'DJ', AFR, AF],
  ['DMA', 'DM', AME, LA],
  ['DNK', 'DK', EUR, WE],
  ['DOM', 'DO', AME, LA],
  ['DZA', 'DZ', AFR, AF],
  ['ECU', 'EC', AME, LA],
  ['EGY', 'EG', AFR, AF],
  ['ERI', 'ER', AFR, AF],
  ['ESP', 'ES', EUR, WE],
  ['EST', 'EE', EUR, EE],
  ['ETH', 'ET', AFR, AF],
  ['FIN', 'FI', EUR, WE],
  ['FJI', 'FJ', OCE, AP],
  ['FRA', 'FR', EUR, WE],
  ['FSM', 'FM', OCE, AP],
  ['GAB', 'GA', AFR, AF],
  ['GBR', 'GB', EUR, WE],
  ['GEO', 'GE', ASI, EE],
  ['GHA', 'GH', AFR, AF],
  ['GIN', 'GN', AFR, AF],
  ['GMB', 'GM', AFR, AF],
  ['GNB', 'GW', AFR, AF],
  ['GNQ', 'GQ', AFR, AF],
  ['GRC', 'GR', EUR, WE],
  ['GRD', 'GD', AME, LA],
  ['GTM', 'GT', AME, LA],
  ['GUY', 'GY', AME, LA],
  ['HND', 'HN', AME, LA],
  ['HRV', 'HR', EUR, EE],
  ['HTI', 'HT', AME, LA],
  ['HUN', 'HU', EUR, EE],
  ['IDN', 'ID', ASI, AP],
  ['IND', 'IN', ASI, AP],
  ['IRL', 'IE', EUR, WE],
  ['IRN', 'IR', ASI, AP],
  ['IRQ', 'IQ', ASI, AP],
  ['ISL', 'IS', EUR, WE],
  // Israel: a full member of WEOG (temporarily since 2000, made open-ended in 2004), not of Asia-Pacific.
  ['ISR', 'IL', ASI, WE],
  ['ITA', 'IT', EUR, WE],
  ['JAM', 'JM', AME, LA],
  ['JOR', 'JO', ASI, AP],
  ['JPN', 'JP', ASI, AP],
  ['KAZ', 'KZ', ASI, AP],
  ['KEN', 'KE', AFR, AF],
  ['KGZ', 'KG', ASI, AP],
  ['KHM', 'KH', ASI, AP],
  // Kiribati: a member of no regional group, so counted in none.
  ['KIR', 'KI', OCE, NO_GROUP],
  ['KNA', 'KN', AME, LA],
  ['KOR', 'KR', ASI, AP],
  ['KWT', 'KW', ASI, AP],
  ['LAO', 'LA', ASI, AP],
  ['LBN', 'LB', ASI, AP],
  ['LBR', 'LR', AFR, AF],
  ['LBY', 'LY', AFR, AF],
  ['LCA', 'LC', AME, LA],
  ['LIE', 'LI', EUR, WE],
  ['LKA', 'LK', ASI, AP],
  ['LSO', 'LS', AFR, AF],
  ['LTU', 'LT', EUR, EE],
  ['LUX', 'LU', EUR, WE],
  ['LVA', 'LV', EUR, EE],
  ['MAR', 'MA', AFR, AF],
  ['MCO', 'MC', EUR, WE],
  ['MDA', 'MD', EUR, EE],
  ['MDG', 'MG', AFR, AF],
  ['MDV', 'MV', ASI, AP],
  ['MEX', 'MX', AME, LA],
  ['MHL', 'MH', OCE, AP],
  ['MKD', 'MK', EUR, EE],
  ['MLI', 'ML', AFR, AF],
  ['MLT', 'MT', EUR, WE],
  ['MMR', 'MM', ASI, AP],
  ['MNE', 'ME', EUR, EE],
  ['MNG', 'MN', ASI, AP],
  ['MOZ', 'MZ', AFR, AF],
  ['MRT', 'MR', AFR, AF],
  ['MUS', 'MU', AFR, AF],
  ['MWI', 'MW', AFR, AF],
  ['MYS', 'MY', ASI, AP],
  ['NAM', 'NA', AFR, AF],
  ['NER', 'NE', AFR, AF],
  ['NGA', 'NG', AFR, AF],
  ['NIC', 'NI', AME, LA],
  ['NLD', 'NL', EUR, WE],
  ['NOR', 'NO', EUR, WE],
  ['NPL', 'NP', ASI, AP],
  ['NRU', 'NR', OCE, AP],
  ['NZL', 'NZ', OCE, WE],
  ['OMN', 'OM', ASI, AP],
  ['PAK', 'PK', ASI, AP],
  ['PAN', 'PA', AME, LA],
  ['PER', 'PE', AME, LA],
  ['PHL', 'PH', ASI, AP],
  ['PLW', 'PW', OCE, AP],
  ['PNG', 'PG', OCE, AP],
  ['POL', 'PL', EUR, EE],
  ['PRK', 'KP', ASI, AP],
  ['PRT', 'PT', EUR, WE],
  ['PRY', 'PY', AME, LA],
  // State of Palestine (observer): a full member of the Asia-Pacific Group since the Asian Group admitted the PLO on 2 April 1986.
  ['PSE', 'PS', ASI, AP, true],
  ['QAT', 'QA', ASI, AP],
  ['ROU', 'RO', EUR, EE],
  ['RUS', 'RU', EUR, EE],
  ['RWA', 'RW', AFR, AF],
  ['SAU', 'SA', ASI, AP],
  ['SDN', 'SD', AFR, AF],
  ['SEN', 'SN', AFR, AF],
  ['SGP', 'SG', ASI, AP],
  ['SLB', 'SB', OCE, AP],
  ['SLE', 'SL', AFR, AF],
  ['SLV', 'SV', AME, LA],
  ['SMR', 'SM', EUR, WE],
  ['SOM', 'SO', AFR, AF],
  ['SRB', 'RS', EUR, EE],
  ['SSD', 'SS', AFR, AF],
  ['STP', 'ST', AFR, AF],
  ['SUR', 'SR', AME, LA],
  ['SVK', 'SK', EUR, EE],
  ['SVN', 'SI', EUR, EE],
  ['SWE', 'SE', EUR, WE],
  ['SWZ', 'SZ', AFR, AF],
  ['SYC', 'SC', AFR, AF],
  ['SYR', 'SY', ASI, AP],
  ['TCD', 'TD', AFR, AF],
  ['TGO', 'TG', AFR, AF],
  ['THA', 'TH', ASI, AP],
  ['TJK', 'TJ', ASI, AP],
  ['TKM', 'TM', ASI, AP],
  ['TLS', 'TL', ASI, AP],
  ['TON', 'TO', OCE, AP],
  ['TTO', 'TT', AME, LA],
  ['TUN', 'TN', AFR, AF],
  // Türkiye: takes part fully in both WEOG and Asia-Pacific, and counts in WEOG for elections.
  [
    'TUR',
    'TR',
    ASI,
    {
      groups: [
        { group: WE, kind: 'member' },
        { group: AP, kind: 'member' },
      ],
      electoralGroup: WE,
    },
  ],
  ['TUV', 'TV', OCE, AP],
  ['TZA', 'TZ', AFR, AF],
  ['UGA', 'UG', AFR, AF],
  ['UKR', 'UA', EUR, EE],
  ['URY', 'UY', AME, LA],
  // United States: a member of no group; attends WEOG as an observer and counts there for elections.
  ['USA', 'US', AME, { groups: [{ group: WE, kind: 'observer' }], electoralGroup: WE }],
  ['UZB', 'UZ', ASI, AP],
  // Holy See (observer): belongs to no regional group.
  ['VAT', 'VA', EUR, NO_GROUP, true],
  ['VCT', 'VC', AME, LA],
  ['VEN', 'VE', AME, LA],
  ['VNM', 'VN', ASI, AP],
  ['VUT', 'VU', OCE, AP],
  ['WSM', 'WS', OCE, AP],
  ['YEM', 'YE', ASI, AP],
  ['ZAF', 'ZA', AFR, AF],
  ['ZMB', 'ZM', AFR, AF],
  ['ZWE', 'ZW', AFR, AF],
];

/** A group's plain member, counted there. */
const memberOf = (group: RegionalGroup): GroupStanding => ({
  groups: [{ group, kind: 'member' }],
  electoralGroup: group,
});

export const MEMBER_STATE_SEEDS: readonly MemberStateSeed[] = Object.freeze(
  ROWS.map(([alpha3, alpha2, geographicRegion, standing, observer]) => {
    const { groups, electoralGroup } = typeof standing === 'string' ? memberOf(standing) : standing;
    return Object.freeze({
      alpha3,
      alpha2,
      geographicRegion,
      groups: Object.freeze(groups.map((participation) => Object.freeze({ ...participation }))),
      electoralGroup,
      observer: observer === true,
    });
  }),
);

for (const locale of [ar, zh, en, fr, ru, es]) {
  countries.registerLocale(locale);
}

const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const satisfies readonly Language[];

/**
 * Names the library lacks, by alpha3 then language. Empty today: i18n-iso-countries
 * 7.x has every State above in all six languages (the spec checks this). Add an
 * entry here only for a code/language the library does not cover.
 */
const NAME_OVERRIDES: Readonly<Record<string, Partial<Record<Language, string>>>> = {};

/**
 * The State's name in the six UN languages: the library's official name where
 * it has one, else its default name, else the explicit override. Throws for an
 * unknown code or a missing name rather than returning an empty string.
 */
export function memberStateNames(alpha3: string): Record<Language, string> {
  const code = alpha3.toUpperCase();
  const names = {} as Record<Language, string>;
  for (const lang of LANGUAGES) {
    const name =
      countries.getName(code, lang, { select: 'official' }) ??
      countries.getName(code, lang) ??
      NAME_OVERRIDES[code]?.[lang];
    if (!name) {
      throw new Error(`No ${lang} name for ${code}`);
    }
    names[lang] = name;
  }
  return names;
}

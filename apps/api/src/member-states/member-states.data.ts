import type { Language, RegionalGroup } from '@convene/contracts';
import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import zh from 'i18n-iso-countries/langs/zh.json';

/**
 * Global reference data: the 193 UN Member States and the 2 non-member
 * observer States, with their UN regional group as listed by the UN
 * Department for General Assembly and Conference Management (DGACM),
 * "Regional groups of Member States".
 */
export interface MemberStateSeed {
  alpha3: string;
  alpha2: string;
  regionalGroup: RegionalGroup | null;
  observer: boolean;
}

const AF: RegionalGroup = 'african';
const AP: RegionalGroup = 'asia_pacific';
const EE: RegionalGroup = 'eastern_european';
const LA: RegionalGroup = 'latin_american_caribbean';
const WE: RegionalGroup = 'western_european_others';

type Row = readonly [alpha3: string, alpha2: string, group: RegionalGroup | null, observer?: true];

// One row per State, sorted by alpha3.
const ROWS: readonly Row[] = [
  ['AFG', 'AF', AP],
  ['AGO', 'AO', AF],
  ['ALB', 'AL', EE],
  ['AND', 'AD', WE],
  ['ARE', 'AE', AP],
  ['ARG', 'AR', LA],
  ['ARM', 'AM', EE],
  ['ATG', 'AG', LA],
  ['AUS', 'AU', WE],
  ['AUT', 'AT', WE],
  ['AZE', 'AZ', EE],
  ['BDI', 'BI', AF],
  ['BEL', 'BE', WE],
  ['BEN', 'BJ', AF],
  ['BFA', 'BF', AF],
  ['BGD', 'BD', AP],
  ['BGR', 'BG', EE],
  ['BHR', 'BH', AP],
  ['BHS', 'BS', LA],
  ['BIH', 'BA', EE],
  ['BLR', 'BY', EE],
  ['BLZ', 'BZ', LA],
  ['BOL', 'BO', LA],
  ['BRA', 'BR', LA],
  ['BRB', 'BB', LA],
  ['BRN', 'BN', AP],
  ['BTN', 'BT', AP],
  ['BWA', 'BW', AF],
  ['CAF', 'CF', AF],
  ['CAN', 'CA', WE],
  ['CHE', 'CH', WE],
  ['CHL', 'CL', LA],
  ['CHN', 'CN', AP],
  ['CIV', 'CI', AF],
  ['CMR', 'CM', AF],
  ['COD', 'CD', AF],
  ['COG', 'CG', AF],
  ['COL', 'CO', LA],
  ['COM', 'KM', AF],
  ['CPV', 'CV', AF],
  ['CRI', 'CR', LA],
  ['CUB', 'CU', LA],
  // Cyprus: geographically European, but a member of the Asia-Pacific Group.
  ['CYP', 'CY', AP],
  ['CZE', 'CZ', EE],
  ['DEU', 'DE', WE],
  ['DJI', 'DJ', AF],
  ['DMA', 'DM', LA],
  ['DNK', 'DK', WE],
  ['DOM', 'DO', LA],
  ['DZA', 'DZ', AF],
  ['ECU', 'EC', LA],
  ['EGY', 'EG', AF],
  ['ERI', 'ER', AF],
  ['ESP', 'ES', WE],
  ['EST', 'EE', EE],
  ['ETH', 'ET', AF],
  ['FIN', 'FI', WE],
  ['FJI', 'FJ', AP],
  ['FRA', 'FR', WE],
  ['FSM', 'FM', AP],
  ['GAB', 'GA', AF],
  ['GBR', 'GB', WE],
  ['GEO', 'GE', EE],
  ['GHA', 'GH', AF],
  ['GIN', 'GN', AF],
  ['GMB', 'GM', AF],
  ['GNB', 'GW', AF],
  ['GNQ', 'GQ', AF],
  ['GRC', 'GR', WE],
  ['GRD', 'GD', LA],
  ['GTM', 'GT', LA],
  ['GUY', 'GY', LA],
  ['HND', 'HN', LA],
  ['HRV', 'HR', EE],
  ['HTI', 'HT', LA],
  ['HUN', 'HU', EE],
  ['IDN', 'ID', AP],
  ['IND', 'IN', AP],
  ['IRL', 'IE', WE],
  ['IRN', 'IR', AP],
  ['IRQ', 'IQ', AP],
  ['ISL', 'IS', WE],
  // Israel: a full member of WEOG (temporarily since 2000, made open-ended in 2004), not of Asia-Pacific.
  ['ISR', 'IL', WE],
  ['ITA', 'IT', WE],
  ['JAM', 'JM', LA],
  ['JOR', 'JO', AP],
  ['JPN', 'JP', AP],
  ['KAZ', 'KZ', AP],
  ['KEN', 'KE', AF],
  ['KGZ', 'KG', AP],
  ['KHM', 'KH', AP],
  // Kiribati: long in no group; DGACM now lists it in Asia-Pacific (hence 53 + 1 = 54 Member States).
  ['KIR', 'KI', AP],
  ['KNA', 'KN', LA],
  ['KOR', 'KR', AP],
  ['KWT', 'KW', AP],
  ['LAO', 'LA', AP],
  ['LBN', 'LB', AP],
  ['LBR', 'LR', AF],
  ['LBY', 'LY', AF],
  ['LCA', 'LC', LA],
  ['LIE', 'LI', WE],
  ['LKA', 'LK', AP],
  ['LSO', 'LS', AF],
  ['LTU', 'LT', EE],
  ['LUX', 'LU', WE],
  ['LVA', 'LV', EE],
  ['MAR', 'MA', AF],
  ['MCO', 'MC', WE],
  ['MDA', 'MD', EE],
  ['MDG', 'MG', AF],
  ['MDV', 'MV', AP],
  ['MEX', 'MX', LA],
  ['MHL', 'MH', AP],
  ['MKD', 'MK', EE],
  ['MLI', 'ML', AF],
  ['MLT', 'MT', WE],
  ['MMR', 'MM', AP],
  ['MNE', 'ME', EE],
  ['MNG', 'MN', AP],
  ['MOZ', 'MZ', AF],
  ['MRT', 'MR', AF],
  ['MUS', 'MU', AF],
  ['MWI', 'MW', AF],
  ['MYS', 'MY', AP],
  ['NAM', 'NA', AF],
  ['NER', 'NE', AF],
  ['NGA', 'NG', AF],
  ['NIC', 'NI', LA],
  ['NLD', 'NL', WE],
  ['NOR', 'NO', WE],
  ['NPL', 'NP', AP],
  ['NRU', 'NR', AP],
  ['NZL', 'NZ', WE],
  ['OMN', 'OM', AP],
  ['PAK', 'PK', AP],
  ['PAN', 'PA', LA],
  ['PER', 'PE', LA],
  ['PHL', 'PH', AP],
  ['PLW', 'PW', AP],
  ['PNG', 'PG', AP],
  ['POL', 'PL', EE],
  ['PRK', 'KP', AP],
  ['PRT', 'PT', WE],
  ['PRY', 'PY', LA],
  // State of Palestine (observer): a full member of the Asia-Pacific Group since the Asian Group admitted the PLO on 2 April 1986.
  ['PSE', 'PS', AP, true],
  ['QAT', 'QA', AP],
  ['ROU', 'RO', EE],
  ['RUS', 'RU', EE],
  ['RWA', 'RW', AF],
  ['SAU', 'SA', AP],
  ['SDN', 'SD', AF],
  ['SEN', 'SN', AF],
  ['SGP', 'SG', AP],
  ['SLB', 'SB', AP],
  ['SLE', 'SL', AF],
  ['SLV', 'SV', LA],
  ['SMR', 'SM', WE],
  ['SOM', 'SO', AF],
  ['SRB', 'RS', EE],
  ['SSD', 'SS', AF],
  ['STP', 'ST', AF],
  ['SUR', 'SR', LA],
  ['SVK', 'SK', EE],
  ['SVN', 'SI', EE],
  ['SWE', 'SE', WE],
  ['SWZ', 'SZ', AF],
  ['SYC', 'SC', AF],
  ['SYR', 'SY', AP],
  ['TCD', 'TD', AF],
  ['TGO', 'TG', AF],
  ['THA', 'TH', AP],
  ['TJK', 'TJ', AP],
  ['TKM', 'TM', AP],
  ['TLS', 'TL', AP],
  ['TON', 'TO', AP],
  ['TTO', 'TT', LA],
  ['TUN', 'TN', AF],
  // Türkiye: takes part in both WEOG and Asia-Pacific, but is a WEOG member for electoral purposes.
  ['TUR', 'TR', WE],
  ['TUV', 'TV', AP],
  ['TZA', 'TZ', AF],
  ['UGA', 'UG', AF],
  ['UKR', 'UA', EE],
  ['URY', 'UY', LA],
  // United States: formally in no group; attends WEOG as an observer and counts as a member for electoral purposes.
  ['USA', 'US', WE],
  ['UZB', 'UZ', AP],
  // Holy See (observer): belongs to no regional group.
  ['VAT', 'VA', null, true],
  ['VCT', 'VC', LA],
  ['VEN', 'VE', LA],
  ['VNM', 'VN', AP],
  ['VUT', 'VU', AP],
  ['WSM', 'WS', AP],
  ['YEM', 'YE', AP],
  ['ZAF', 'ZA', AF],
  ['ZMB', 'ZM', AF],
  ['ZWE', 'ZW', AF],
];

export const MEMBER_STATE_SEEDS: readonly MemberStateSeed[] = Object.freeze(
  ROWS.map(([alpha3, alpha2, regionalGroup, observer]) =>
    Object.freeze({ alpha3, alpha2, regionalGroup, observer: observer === true }),
  ),
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

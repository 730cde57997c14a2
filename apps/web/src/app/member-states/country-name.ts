import codes from 'i18n-iso-countries/codes.json';

/** ISO 3166-1 alpha-3 → alpha-2, the codes the browser names regions by. */
const ALPHA2 = new Map(
  codes.flatMap(([alpha2, alpha3]): [string, string][] =>
    alpha2 && alpha3 ? [[alpha3, alpha2]] : [],
  ),
);

/**
 * "KEN" → "Kenya" ("كينيا" in Arabic) from the browser's own region names,
 * for pages that cannot load the States' list (it needs a session); the
 * code itself when the browser does not know it.
 */
export function countryName(alpha3: string, language: string): string {
  const alpha2 = ALPHA2.get(alpha3.toUpperCase());
  if (!alpha2) return alpha3;
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(alpha2) ?? alpha3;
  } catch {
    return alpha3;
  }
}

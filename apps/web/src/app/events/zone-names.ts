/**
 * Time zones in the reader's language, from the browser's own data (Intl,
 * CLDR): "heure d’été d’Europe centrale" rather than "Europe/Vienna", and the
 * place a zone is named after.
 *
 * Intl has no call for a zone's city. It does write a zone's generic
 * location name ("heure : New York", "توقيت نيويورك", "Austria Time"), which
 * names the city where the country has several zones and the country where
 * it has one. The language's pattern for that name is learnt from India, a
 * one-zone country whose name Intl.DisplayNames also gives; the place is
 * what the pattern leaves, and it is a country when DisplayNames knows it as
 * one. Where Intl gives a country, or nothing (English writes "ET" for New
 * York), the city is the English one from the IANA name ("New_York").
 */

import { englishCity, zoneLongName, zoneName } from './zone-long-name';
import { zoneAbbreviation } from './zoned-clock';

export { englishCity, zoneLongName } from './zone-long-name';

const patterns = new Map<string, { before: string; after: string } | null>();

/** How a language writes "the time in <place>": "{0} Time", "heure : {0}", "توقيت {0}". */
function locationPattern(locale: string): { before: string; after: string } | null {
  let pattern = patterns.get(locale);
  if (pattern === undefined) {
    const sample = zoneName('Asia/Kolkata', locale, 'shortGeneric');
    const india = new Intl.DisplayNames([locale], { type: 'region' }).of('IN') ?? '';
    const at = india ? sample.indexOf(india) : -1;
    pattern =
      at < 0 ? null : { before: sample.slice(0, at), after: sample.slice(at + india.length) };
    patterns.set(locale, pattern);
  }
  return pattern;
}

const countryNames = new Map<string, Set<string>>();

/** Every region name the language has, to tell a country from a city. */
function countriesIn(locale: string): Set<string> {
  let found = countryNames.get(locale);
  if (!found) {
    found = new Set();
    const display = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    for (let first = 65; first <= 90; first++)
      for (let second = 65; second <= 90; second++) {
        const name = display.of(String.fromCharCode(first, second));
        if (name) found.add(name);
      }
    countryNames.set(locale, found);
  }
  return found;
}

export interface ZonePlace {
  /** In the reader's language where Intl names it, else in English. */
  city: string | null;
  /** Only where Intl names the zone after its country. */
  country: string | null;
}

/** The place a zone is named after, in the reader's language as far as Intl knows it. */
export function zonePlace(zone: string, locale: string): ZonePlace {
  const city = englishCity(zone);
  if (!city) return { city: null, country: null };
  const pattern = locationPattern(locale);
  const generic = zoneName(zone, locale, 'shortGeneric');
  if (
    !pattern ||
    !generic.startsWith(pattern.before) ||
    !generic.endsWith(pattern.after) ||
    generic.length <= pattern.before.length + pattern.after.length
  )
    return { city, country: null };
  const place = generic.slice(pattern.before.length, generic.length - pattern.after.length);
  return countriesIn(locale).has(place) ? { city, country: place } : { city: place, country: null };
}

/**
 * A zone at an instant, for a sentence: "Central European Summer Time (CEST)",
 * "heure d’été d’Europe centrale (UTC+2)"; the name alone when it is all there is.
 */
export function zoneLabel(zone: string, locale: string, instant: string): string {
  const name = zoneLongName(zone, locale, instant);
  const abbreviation = zoneAbbreviation(instant, zone, locale);
  return name === abbreviation ? name : `${name} (${abbreviation})`;
}

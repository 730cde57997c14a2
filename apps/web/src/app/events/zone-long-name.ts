/**
 * A time zone's own name in the reader's language, from the browser's Intl data ("heure
 * d’Europe centrale", not "Europe/Vienna"): what the home page's events need. zone-names.ts
 * (which re-exports these) adds the zone's place and the picker's labels, whose code would
 * otherwise ride on every signed-in first load (docs/performance.md).
 */

/** A fixed winter instant, so generic names do not shift with the day they are asked. */
const REFERENCE = new Date(Date.UTC(2027, 0, 15));

const names = new Map<string, string>();

/** A zone's name in one of Intl's styles, kept per language, zone, style and instant. */
export function zoneName(
  zone: string,
  locale: string,
  style: Intl.DateTimeFormatOptions['timeZoneName'],
  at: Date = REFERENCE,
): string {
  const key = `${locale}|${zone}|${style}|${at.getTime()}`;
  let name = names.get(key);
  if (name === undefined) {
    name =
      new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style })
        .formatToParts(at)
        .find((part) => part.type === 'timeZoneName')?.value ?? zone;
    names.set(key, name);
  }
  return name;
}

/** "New York" from "America/New_York"; null for UTC and the Etc/ zones. */
export function englishCity(zone: string): string | null {
  if (!zone.includes('/') || zone.startsWith('Etc/')) return null;
  return (zone.split('/').at(-1) ?? zone).replace(/_/g, ' ');
}

/** The zone's name in the reader's language: "heure d’Europe centrale"; at an instant, "…d’été…". */
export function zoneLongName(zone: string, locale: string, instant?: string): string {
  if (instant) return zoneName(zone, locale, 'long', new Date(instant));
  // UTC has no generic name, only an offset: its own name says more.
  return englishCity(zone) ? zoneName(zone, locale, 'longGeneric') : zoneName(zone, locale, 'long');
}

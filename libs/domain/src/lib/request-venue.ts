/**
 * Where an event prefilled from a State's request takes place until the officer says otherwise
 * (docs/requests.md, "Prefilled event"): the requesting State's capital and its time zone.
 * `member_states` holds neither, so this small table names them for the States the demo's
 * requests and assessments come from; any other State keeps the city "To be confirmed" and UTC,
 * and the officer completes both on the event's form.
 */
export const STATE_CAPITALS: Readonly<Record<string, { city: string; timeZone: string }>> = {
  EGY: { city: 'Cairo', timeZone: 'Africa/Cairo' },
  IDN: { city: 'Jakarta', timeZone: 'Asia/Jakarta' },
  KEN: { city: 'Nairobi', timeZone: 'Africa/Nairobi' },
  MAR: { city: 'Rabat', timeZone: 'Africa/Casablanca' },
  NGA: { city: 'Abuja', timeZone: 'Africa/Lagos' },
  PAK: { city: 'Islamabad', timeZone: 'Asia/Karachi' },
  TZA: { city: 'Dodoma', timeZone: 'Africa/Dar_es_Salaam' },
  UGA: { city: 'Kampala', timeZone: 'Africa/Kampala' },
};

/** The prefilled venue's city (null: not known, to be confirmed) and time zone of a State. */
export function requestVenue(alpha3: string): { city: string | null; timeZone: string } {
  const known = STATE_CAPITALS[alpha3.trim().toUpperCase()];
  return known ? { ...known } : { city: null, timeZone: 'UTC' };
}

/**
 * The instant (ISO, UTC) at which the clock in `timeZone` shows `day` at `time` (HH:MM): the
 * prefilled event starts at 09:00 and ends at 17:00 on the venue's clock, not UTC's. A wall time
 * that a change of clocks skips resolves to the instant an hour later; one it repeats, to the
 * first.
 */
export function zonedInstant(day: string, time: string, timeZone: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1, hour ?? 0, minute ?? 0);
  // The offset at the wall time read as UTC, then at the instant that gives: two steps settle
  // it, even across a change of clocks.
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant).toISOString().replace('.000Z', 'Z');
}

/** How far the clock in `timeZone` is ahead of UTC at the instant `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour') % 24,
    part('minute'),
    part('second'),
  );
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/** A calendar day (YYYY-MM-DD) as a Date at local midnight, for the date picker. */
export function dayToDate(day: string | null | undefined): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** The date picker's Date as the calendar day the person chose (YYYY-MM-DD). */
export function dateToDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Today as a calendar day on the reader's clock. */
export function today(now = new Date()): string {
  return dateToDay(now);
}

/** Whether a nomination deadline is today or still ahead. */
export function beforeDeadline(deadline: string, now = new Date()): boolean {
  return deadline >= today(now);
}

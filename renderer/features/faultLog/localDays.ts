/**
 * The date filters' days: an `<input type="date">` value read as the local calendar day the
 * person means (the filters keep instants, which the host compares with entry times in UTC).
 */

/** The start of a local calendar day `YYYY-MM-DD` (an `<input type="date">` value) in ms. */
export function localDayStartMs(day: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match === null) return null;
  const time = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
  return Number.isNaN(time) ? null : time;
}

/** The end (exclusive) of a local calendar day: the next day's start, DST included. */
export function localDayEndMs(day: string): number | null {
  const start = localDayStartMs(day);
  if (start === null) return null;
  const date = new Date(start);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime();
}

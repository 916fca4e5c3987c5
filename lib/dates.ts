/**
 * Calendar arithmetic (pure, no I/O), shared by applications and the fund. Calendar days are Dates
 * at UTC midnight, as PostgreSQL `date` columns come back from Prisma and as
 * `zDate` parses form fields.
 */

const DAY_MS = 86_400_000;

/** The calendar day of `at` (UTC midnight). */
export function dayOf(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/** China Standard Time is UTC+8 all year (no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Today's calendar day in China (UTC midnight of the Beijing-time date). */
export function todayInChina(now: Date = new Date()): Date {
  return dayOf(new Date(now.getTime() + CHINA_OFFSET_MS));
}

/** "YYYY-MM-DD" → Date at UTC midnight (no validation beyond the format; for trusted literals). */
export function day(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

/** Date → "YYYY-MM-DD" (UTC). */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** `d` plus `n` calendar days. */
export function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * DAY_MS);
}

/**
 * `d` plus `n` calendar months, clamped to the end of the target month
 * (31 Jan + 1 month = 28/29 Feb). Always computed from `d` itself, so a
 * schedule built with addMonths(start, k) never drifts.
 */
export function addMonths(d: Date, n: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const target = new Date(Date.UTC(y, m, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
}

/** Calendar year of a UTC-midnight date. */
export function yearOf(date: Date): number {
  return date.getUTCFullYear();
}

/** 1 January of `year` (UTC midnight). */
export function yearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1));
}

/** 31 December of `year` (UTC midnight). */
export function yearEnd(year: number): Date {
  return new Date(Date.UTC(year, 11, 31));
}

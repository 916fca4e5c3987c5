/**
 * Date formatting bound to the request's language, for server components and
 * route handlers (the formats themselves: lib/date-format.ts).
 */
import { getLocale } from "next-intl/server";
import { formatDate, formatDateRange, formatDateTime } from "@/lib/date-format";

export type DateFormatter = { date: (d: Date) => string; dateTime: (d: Date) => string; range: (from: Date, to: Date) => string };

/** The formatter of the current request's language. */
export async function dateFormatter(): Promise<DateFormatter> {
  const locale = await getLocale();
  return { date: (d) => formatDate(d, locale), dateTime: (d) => formatDateTime(d), range: (from, to) => formatDateRange(from, to, locale) };
}

/**
 * The one date format of the UI (issue 11.10), always in China time
 * (Asia/Shanghai): dates as 2026年12月2日 (English: 2 Dec 2026), times as
 * 2026-12-02 03:47 (both languages). Pure (Intl only); pages get a formatter
 * bound to the request's language from lib/i18n/dates.ts.
 */
export const CHINA_TIME_ZONE = "Asia/Shanghai";

function parts(d: Date, locale: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat(locale, { timeZone: CHINA_TIME_ZONE, ...options }).formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** A calendar date: "2026年12月2日" (zh), "2 Dec 2026" (en). */
export function formatDate(d: Date, locale: string): string {
  if (locale.startsWith("zh")) {
    const p = parts(d, "en-US", { year: "numeric", month: "numeric", day: "numeric" });
    return `${p.year}年${p.month}月${p.day}日`;
  }
  const p = parts(d, "en-GB", { year: "numeric", month: "short", day: "numeric" });
  return `${p.day} ${p.month} ${p.year}`;
}

/** A moment: "2026-12-02 03:47" (24-hour clock, China time) in every language. */
export function formatDateTime(d: Date): string {
  const p = parts(d, "en-US", { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A period of calendar dates: "2026年1月1日 – 2026年1月31日". */
export function formatDateRange(from: Date, to: Date, locale: string): string {
  return `${formatDate(from, locale)} – ${formatDate(to, locale)}`;
}

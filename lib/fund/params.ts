/**
 * Search-parameter parsing for the fund pages (pure): out-of-range or
 * malformed values fall back to a default instead of failing.
 */
import { FIRST_FUND_YEAR } from "./rules";

/** A year from "?year=…" between 2008 and 2100, else `fallback`. */
export function parseYearParam(value: unknown, fallback: number): number {
  const n = typeof value === "string" && /^\d{4}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= FIRST_FUND_YEAR && n <= 2100 ? n : fallback;
}

/** Ledger page size (entries per page, by seq). */
export const ENTRIES_PER_PAGE = 100;

/**
 * Parameter parsing for the fund pages and forms (pure): out-of-range or
 * malformed "?…" values fall back to a default instead of failing; form years
 * are validated by the shared zInt with the fund's year bounds.
 */
import { zInt } from "@/lib/validation";
import { MAX_FUND_YEAR } from "@/lib/ledger/rules/years";
import { FIRST_FUND_YEAR } from "./kind";

/** A fund year in a form (FIRST_FUND_YEAR 2008 … MAX_FUND_YEAR, the shared zInt): out of range or not a number → a clear message, never a 500. */
export const zFundYear = zInt(FIRST_FUND_YEAR, MAX_FUND_YEAR);

/** A year from "?year=…" between FIRST_FUND_YEAR (2008) and MAX_FUND_YEAR, else `fallback`. */
export function parseYearParam(value: unknown, fallback: number): number {
  const n = typeof value === "string" && /^\d{4}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= FIRST_FUND_YEAR && n <= MAX_FUND_YEAR ? n : fallback;
}

/** Ledger page size (entries per page, by seq). */
export const ENTRIES_PER_PAGE = 100;

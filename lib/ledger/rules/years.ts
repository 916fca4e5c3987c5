/**
 * Accounting years of a fund (pure): which dates may be posted, which years
 * may be opened. The first year is the fund kind's own (lib/ledger/kinds.ts:
 * the rights protection fund starts in 2008, when 《办法》 was issued).
 */
import { DomainError } from "@/lib/errors";
import type { FundYearStatus } from "@/lib/generated/prisma/enums";
import { isoDate, yearOf } from "@/lib/dates";

/** Latest year a form or "?year=" may name (a sanity bound; opening is limited to the current year, assertOpenableYear). */
export const MAX_FUND_YEAR = 2100;

/**
 * May an entry dated `entryDate` be posted into a year with `status`?
 * 第十四条 每年结算一次: a settled year is closed, so back-dated entries into it
 * are refused; entries may not be dated in the future either.
 * @throws DomainError fund.yearSettled { year } | fund.futureDate { date }
 */
export function assertPostable(status: FundYearStatus, entryDate: Date, today: Date): void {
  if (status === "SETTLED") throw new DomainError("fund.yearSettled", { year: yearOf(entryDate) }, 409);
  if (entryDate.getTime() > today.getTime()) throw new DomainError("fund.futureDate", { date: isoDate(entryDate) });
}

/**
 * May the office open (budget) `year` today? Years run from the kind's
 * `firstYear` to the current year; next year opens when it begins (no
 * future-dated money).
 * @throws DomainError fund.yearOutOfRange { year, min, max }
 */
export function assertOpenableYear(year: number, today: Date, firstYear: number): void {
  const max = yearOf(today);
  if (!Number.isInteger(year) || year < firstYear || year > max) {
    throw new DomainError("fund.yearOutOfRange", { year, min: firstYear, max });
  }
}

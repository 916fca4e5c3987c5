/**
 * The invariants of one fund-year (pure; README "The ledger" → "Invariants"),
 * compared by `npm run ledger:verify` and the property test for every kind of fund.
 */
import { yuan } from "@/lib/money";
import type { FundYearStatus } from "@/lib/generated/prisma/enums";

/** Stored state of one fund-year and the aggregates of its entries (for ledger:verify). */
export type YearCheckInput = {
  fundId: number;
  year: number;
  status: FundYearStatus;
  balance: { toString(): string };
  openingBalance: { toString(): string };
  closingBalance: { toString(): string } | null;
  entryCount: number;
  /** aggregates of the entries */
  sum: { toString(): string };
  count: number;
  minSeq: number | null;
  maxSeq: number | null;
  /** entries whose balanceAfter ≠ running sum, or < 0 */
  badBalanceAfter: number;
  /** net ROLLOVER of the year (ROLLOVER entries + their reversals) */
  rolloverNet: { toString(): string };
  /** settled years: the next year's net ROLLOVER, or null when the next year does not exist */
  nextYearRollover: { toString(): string } | null;
  /** report-total groups (LedgerTotal) that differ from the entries' own aggregation */
  totalsMismatches: number;
};

/**
 * Invariants of one fund-year; each problem as a short English sentence.
 * @returns [] when consistent
 */
export function checkYear(y: YearCheckInput): string[] {
  const problems: string[] = [];
  const balance = yuan(y.balance);
  if (!yuan(y.sum).eq(balance)) problems.push(`balance ${balance.toFixed(2)} ≠ Σ entries ${yuan(y.sum).toFixed(2)}`);
  if (balance.lt(0)) problems.push(`balance ${balance.toFixed(2)} below zero`);
  if (y.count !== y.entryCount) problems.push(`entryCount ${y.entryCount} ≠ ${y.count} entries`);
  if (y.count > 0 && (y.minSeq !== 1 || y.maxSeq !== y.count)) problems.push(`seq not contiguous (min ${y.minSeq}, max ${y.maxSeq}, ${y.count} entries)`);
  if (y.badBalanceAfter > 0) problems.push(`${y.badBalanceAfter} entries with a wrong balanceAfter`);
  if (y.totalsMismatches > 0) problems.push(`${y.totalsMismatches} report totals differ from the entries`);
  if (!yuan(y.openingBalance).eq(yuan(y.rolloverNet))) problems.push(`openingBalance ${yuan(y.openingBalance).toFixed(2)} ≠ net rollover ${yuan(y.rolloverNet).toFixed(2)}`);
  if (y.status === "SETTLED") {
    if (y.closingBalance === null) problems.push("settled without a closing balance");
    else {
      const closing = yuan(y.closingBalance);
      if (!closing.eq(balance)) problems.push(`closing ${closing.toFixed(2)} ≠ balance ${balance.toFixed(2)}`);
      const next = y.nextYearRollover === null ? null : yuan(y.nextYearRollover);
      if (next === null) problems.push(`settled but year ${y.year + 1} does not exist`);
      else if (!next.eq(closing)) problems.push(`closing ${closing.toFixed(2)} ≠ rollover ${next.toFixed(2)} of ${y.year + 1}`);
    }
  } else if (y.closingBalance !== null) problems.push("open year with a closing balance");
  return problems;
}

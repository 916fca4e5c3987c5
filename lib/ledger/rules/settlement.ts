/**
 * Annual settlement, rollover and reopen (pure). For the rights protection
 * fund: 第十四条 保障基金每年结算一次, 第十一条 年末结余滚存下一年度使用.
 */
import { formatYuan, yuan, type Decimal } from "@/lib/money";
import { DomainError } from "@/lib/errors";
import type { FundYearStatus } from "@/lib/generated/prisma/enums";
import { yearEnd } from "@/lib/dates";
import type { Amount } from "./amounts";

/** Why a year cannot be settled now, each a DomainError code with values. */
export type SettlementBlocker = { code: string; values: Record<string, string | number> };

/**
 * Preconditions of the annual settlement 每年结算一次 (第十四条), in the order shown to the user.
 * - the year is still open and has ended (settled after 31 December);
 * - the previous year, when the fund has one, is settled (rollovers go in order, 第十一条);
 * - no approved payable of the fund due on or before 31 December is unpaid;
 * - no top-up or subsidy request of the year is pending ("unposted entries"),
 *   including subsidy requests of lower funds waiting for this fund's grant.
 * @returns [] when the year may be settled
 */
export function settlementBlockers(input: {
  year: number;
  status: FundYearStatus;
  today: Date;
  previousYearStatus: FundYearStatus | null;
  unpaidDuePayables: number;
  pendingRequests: number;
}): SettlementBlocker[] {
  const { year } = input;
  const blockers: SettlementBlocker[] = [];
  if (input.status === "SETTLED") return [{ code: "fund.alreadySettled", values: { year } }];
  if (input.today.getTime() <= yearEnd(year).getTime()) blockers.push({ code: "fund.yearNotEnded", values: { year } });
  if (input.previousYearStatus === "OPEN") blockers.push({ code: "fund.previousYearOpen", values: { year: year - 1 } });
  if (input.unpaidDuePayables > 0) blockers.push({ code: "fund.unpaidPayables", values: { year, count: input.unpaidDuePayables } });
  if (input.pendingRequests > 0) blockers.push({ code: "fund.pendingRequests", values: { year, count: input.pendingRequests } });
  return blockers;
}

/**
 * The rollover 滚存结余 carried into next year (第十一条 年末结余滚存下一年度使用):
 * the closing balance, or null when it is zero (no zero entries are posted).
 * @throws Error when the closing balance is below zero (an inconsistent ledger)
 */
export function rolloverAmount(closingBalance: Amount): Decimal | null {
  const closing = yuan(closingBalance);
  if (closing.lt(0)) throw new Error("closing balance below zero: the ledger is inconsistent");
  return closing.isZero() ? null : closing;
}

/**
 * May settled year Y be reopened? Reopening reverses the rollover posted into
 * Y+1, so Y+1 must still be open and still hold at least that much.
 * @throws DomainError fund.notSettled | fund.nextYearSettled | fund.reopenWouldOverdraw
 */
export function assertReopenable(input: {
  year: number;
  status: FundYearStatus;
  nextYearStatus: FundYearStatus | null;
  nextYearBalance: Amount | null;
  rollover: Amount | null;
}): void {
  if (input.status !== "SETTLED") throw new DomainError("fund.notSettled", { year: input.year }, 409);
  if (input.nextYearStatus === "SETTLED") throw new DomainError("fund.nextYearSettled", { year: input.year + 1 }, 409);
  if (input.rollover !== null && input.nextYearBalance !== null && yuan(input.nextYearBalance).lt(yuan(input.rollover))) {
    throw new DomainError("fund.reopenWouldOverdraw", {
      year: input.year + 1,
      rollover: formatYuan(input.rollover),
      balance: formatYuan(input.nextYearBalance),
    });
  }
}

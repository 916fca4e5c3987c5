/**
 * Pure rules of the rights protection fund ledger (《办法》第十一条至第十四条;
 * what is paid: 第十五条至第十七条). No I/O: the services in this folder load
 * rows, call these functions and write the results.
 *
 * Ledger convention (README "The fund ledger"): signed single entry, positive
 * = money into the fund, negative = money out, amounts in yuan with 2
 * decimals (decimal.js, never a float). For every fund and year:
 *   FundYear.balance = Σ amount of the year's entries   (the ROLLOVER entry
 *                                                          carries the opening)
 *   FundYear.openingBalance = amount of the year's unreversed ROLLOVER entry
 *   entry n: balanceAfter = Σ amount of entries 1..n, and never below zero.
 */
import { Decimal, MAX_YUAN, ZERO, formatYuan, yuan } from "@/lib/money";
import { ConflictError, DomainError } from "@/lib/errors";
import type { AidArticle, ApplicationStatus, FundYearStatus, LedgerKind, OrgType, PayableKind, PayableStatus } from "@/lib/generated/prisma/enums";
import { isoDate, yearEnd, yearOf } from "@/lib/dates";
import { monthPayable } from "@/lib/applications/schedule";

/** Kinds that bring money in (art. 11: appropriation, rollover, top-up, subsidy from the upper union). */
export const INFLOW_KINDS: ReadonlySet<LedgerKind> = new Set(["APPROPRIATION", "ROLLOVER", "TOP_UP", "SUBSIDY_RECEIVED"]);
/** Kinds that take money out (grant to a lower union's fund; payout of an approved application, art. 15–17). */
export const OUTFLOW_KINDS: ReadonlySet<LedgerKind> = new Set(["SUBSIDY_GRANTED", "DISBURSEMENT"]);
/** The articles whose money the fund pays (第十五条、第十六条 one-off subsidies, 第十七条 monthly support). */
export const PAID_ARTICLES = ["ART15", "ART16", "ART17"] as const satisfies readonly AidArticle[];

/** Earliest year a fund may open: 《办法》 was issued in 2008. */
export const FIRST_FUND_YEAR = 2008;
/** Latest year a form or "?year=" may name (a sanity bound; opening is limited to the current year, assertOpenableYear). */
export const MAX_FUND_YEAR = 2100;

/** Any money-like value: string ("123.45"), number literal (tests), decimal.js or Prisma Decimal. Yuan. */
export type Amount = string | number | { toString(): string };

// ───────────────────────────── amounts ─────────────────────────────

/**
 * A positive amount in yuan, validated: > 0, at most 2 decimals, within numeric(14,2).
 * @throws DomainError fund.amountInvalid
 */
export function positiveYuan(value: Amount): Decimal {
  let raw: Decimal;
  try {
    raw = new Decimal(typeof value === "object" ? value.toString() : value);
  } catch {
    throw new DomainError("fund.amountInvalid", { amount: String(value) });
  }
  if (!raw.isFinite() || raw.lte(0) || raw.decimalPlaces() > 2 || raw.gt(MAX_YUAN)) {
    throw new DomainError("fund.amountInvalid", { amount: raw.isFinite() ? raw.toString() : String(value) });
  }
  return yuan(raw);
}

/**
 * The signed ledger amount of a posting of `kind` for a positive `magnitude`
 * (yuan): inflow kinds positive, outflow kinds negative. REVERSAL is signed by
 * `reversalOf` instead.
 * @throws DomainError fund.amountInvalid (magnitude ≤ 0 or more than 2 decimals)
 * @throws Error for REVERSAL (a programming error)
 */
export function signedAmount(kind: LedgerKind, magnitude: Amount): Decimal {
  const m = positiveYuan(magnitude);
  if (INFLOW_KINDS.has(kind)) return m;
  if (OUTFLOW_KINDS.has(kind)) return m.negated();
  throw new Error(`signedAmount: ${kind} is signed by reversalOf`);
}

/** How much is missing to pay `amount` (positive yuan) out of `balance`; 0 when affordable. */
export function shortfall(balance: Amount, amount: Amount): Decimal {
  const gap = yuan(amount).minus(yuan(balance));
  return gap.gt(0) ? gap : ZERO;
}

/**
 * Balance after posting the signed `amount` (yuan). The year's balance may
 * never go below zero (art. 11: when the year's money is short the rollover,
 * a top-up appropriation or a subsidy from the upper union is used instead).
 * @throws DomainError fund.insufficient { amount, balance, shortfall } (yuan, formatted "12,345.00" for the message)
 */
export function applyEntry(balance: Amount, amount: Amount): Decimal {
  const before = yuan(balance);
  const delta = yuan(amount);
  const after = before.plus(delta);
  if (after.lt(0)) {
    throw new DomainError("fund.insufficient", {
      amount: formatYuan(delta.abs()),
      balance: formatYuan(before),
      shortfall: formatYuan(shortfall(before, delta.abs())),
    });
  }
  return after;
}

// ───────────────────────────── years ─────────────────────────────

/**
 * May an entry dated `entryDate` be posted into a year with `status`?
 * Art. 14 每年结算一次: a settled year is closed, so back-dated entries into it
 * are refused; entries may not be dated in the future either.
 * @throws DomainError fund.yearSettled { year } | fund.futureDate { date }
 */
export function assertPostable(status: FundYearStatus, entryDate: Date, today: Date): void {
  if (status === "SETTLED") throw new DomainError("fund.yearSettled", { year: yearOf(entryDate) }, 409);
  if (entryDate.getTime() > today.getTime()) throw new DomainError("fund.futureDate", { date: isoDate(entryDate) });
}

/**
 * May the office open (budget) `year` today? Years run from 2008 (《办法》) to
 * the current year; next year opens when it begins (no future-dated money).
 * @throws DomainError fund.yearOutOfRange { year, max }
 */
export function assertOpenableYear(year: number, today: Date): void {
  const max = yearOf(today);
  if (!Number.isInteger(year) || year < FIRST_FUND_YEAR || year > max) {
    throw new DomainError("fund.yearOutOfRange", { year, min: FIRST_FUND_YEAR, max });
  }
}

/** Policy amounts the annual appropriation is read from (PolicyVersion). */
export type FundPolicy = { cityFundAnnual: { toString(): string }; districtFundAnnual: { toString(): string } };

/**
 * Annual budget appropriation of a fund (第十一条: 市总工会为30万元，区市县总工会为10万元;
 * 第十三条: 来源以预算拨款为主), read from the policy in force — never a constant.
 * @returns yuan (positive)
 * @throws DomainError fund.noAppropriation when the organisation type holds no fund
 */
export function annualAppropriation(orgType: OrgType, policy: FundPolicy): Decimal {
  switch (orgType) {
    case "CITY_FEDERATION":
      return positiveYuan(policy.cityFundAnnual);
    case "DISTRICT_FEDERATION":
    case "PILOT_ZONE_FEDERATION":
      return positiveYuan(policy.districtFundAnnual);
    default:
      throw new DomainError("fund.noAppropriation", { type: orgType });
  }
}

/** Why a year cannot be settled now (art. 14), each a DomainError code with values. */
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

// ───────────────────────────── reversals ─────────────────────────────

/**
 * Amount of the REVERSAL entry correcting `entry` (nothing is edited or
 * deleted; 第十二条 严格按财务制度). A reversal cannot itself be reversed, an
 * entry is reversed at most once, and a rollover is reversed only by reopening
 * the settled year.
 * @throws DomainError fund.reverseReversal | fund.alreadyReversed | fund.reverseRollover
 */
export function reversalOf(entry: { kind: LedgerKind; amount: { toString(): string }; reversed: boolean }): Decimal {
  if (entry.kind === "REVERSAL") throw new DomainError("fund.reverseReversal", {}, 409);
  if (entry.reversed) throw new DomainError("fund.alreadyReversed", {}, 409);
  if (entry.kind === "ROLLOVER") throw new DomainError("fund.reverseRollover", {}, 409);
  return yuan(entry.amount).negated();
}

// ───────────────────────────── payouts ─────────────────────────────

/** What a payable becomes when the DISBURSEMENT that paid it is reversed. */
export type PayableAfterReversal = { status: "SCHEDULED" } | { status: "CANCELLED"; reason: "applicationNotApproved" | "reemployed" };

/**
 * The state of a payable whose payment is reversed (冲正, 第十二条).
 *
 * A payable is paid only from SCHEDULED (assertPayable), so its prior state is
 * always SCHEDULED, and it goes back there when it can still be paid — also
 * when its due day lies in a year that is settled meanwhile: it is then paid
 * out of the open year (第十一条 当年使用不足时可以动用滚存结余), as a late
 * payment would be. It becomes CANCELLED instead when it can never be paid
 * again, because a SCHEDULED payable due on or before 31 December is an
 * "unpaid due payable" that would block every later annual settlement
 * (第十四条 每年结算一次):
 * - the application is no longer APPROVED (payment would be refused: fund.applicationNotApproved);
 * - an art. 17 month the cadre was re-employed in or before (第十七条 至重新领薪或工作为止,
 *   the same `monthPayable` rule as the schedule and the payout).
 */
export function payableAfterReversal(input: PayableApplication): PayableAfterReversal {
  const reason = neverPayable(input);
  return reason ? { status: "CANCELLED", reason } : { status: "SCHEDULED" };
}

/** What decides whether a payable can still be paid at all: its kind, due day and application. */
type PayableApplication = { kind: PayableKind; dueOn: Date; applicationStatus: ApplicationStatus; reemployedOn: Date | null };

/**
 * Why a payable can never be paid, or null: the application is no longer APPROVED
 * (第四条第3项: the office pays what was decided), or an art. 17 month the
 * cadre was re-employed in or before (第十七条 至重新领薪或工作为止 — the applications
 * schedule's own `monthPayable`). Shared by assertPayable and payableAfterReversal.
 */
function neverPayable(input: PayableApplication): "applicationNotApproved" | "reemployed" | null {
  if (input.applicationStatus !== "APPROVED") return "applicationNotApproved";
  if (input.kind === "MONTHLY_SUPPORT" && input.reemployedOn && !monthPayable(input.dueOn, input.reemployedOn)) return "reemployed";
  return null;
}

/** Idempotency key of the payment of a payable at a given version (one debit per key). */
export function payableIdempotencyKey(payableId: number, version: number): string {
  return `payable:${payableId}:v${version}`;
}

/**
 * May this payable be paid on `paidOn`?
 * - only SCHEDULED payables of APPROVED applications are paid (第四条第3项: the office pays what was decided);
 * - nothing is paid before it is due (a one-off on its decision day; a 第十七条
 *   monthly instalment after its month, as the applications feature schedules it);
 * - 第十七条 "至重新领薪或工作为止": a monthly instalment is paid only when the
 *   cadre was unemployed for the whole month — re-employment on any day inside
 *   the month (before its due day, the first day of the next month) ends the
 *   support for that month and every later one. The rule is the applications
 *   feature's own `monthPayable` (lib/applications/schedule.ts), applied to the
 *   payable's due day exactly as re-employment recording cancels instalments:
 *   one source of truth, so the ledger never pays what the schedule excludes.
 * @throws ConflictError fund.alreadyPaid; DomainError fund.payableCancelled |
 *   fund.applicationNotApproved | fund.notDue | fund.reemployed
 */
export function assertPayable(input: PayableApplication & { status: PayableStatus; paidOn: Date }): void {
  if (input.status === "PAID") throw new ConflictError("fund.alreadyPaid");
  if (input.status === "CANCELLED") throw new DomainError("fund.payableCancelled", {}, 409);
  const never = neverPayable(input);
  if (never === "applicationNotApproved") throw new DomainError("fund.applicationNotApproved", {}, 409);
  if (never === "reemployed") throw new DomainError("fund.reemployed", { date: isoDate(input.reemployedOn!) }, 409);
  if (input.paidOn.getTime() < input.dueOn.getTime()) throw new DomainError("fund.notDue", { date: isoDate(input.dueOn) });
}

// ───────────────────────────── reports ─────────────────────────────

/** One aggregated group of a year's entries; a reversal is attributed to the kind/article it reverses. */
export type KindTotal = { kind: LedgerKind; article: AidArticle | null; amount: Amount; count: number; reversal: boolean };

/** Balance sheet of a fund-year (yuan, each line net of reversals). */
export type BalanceSheet = {
  /** 上年滚存结余 brought forward (ROLLOVER) */
  opening: Decimal;
  appropriation: Decimal;
  topUps: Decimal;
  subsidiesReceived: Decimal;
  /** positive = granted out of this fund to lower unions */
  subsidiesGranted: Decimal;
  /** positive = paid out, per article (art. 15–17) */
  payouts: Record<AidArticle, Decimal>;
  payoutsTotal: Decimal;
  /** memo: signed total of REVERSAL entries (already included in the lines above) */
  reversals: Decimal;
  reversalCount: number;
  inflow: Decimal;
  outflow: Decimal;
  /** = opening + inflow − outflow = Σ entries */
  closing: Decimal;
  entryCount: number;
};

/**
 * Build the balance sheet from aggregated totals. Lines are net of their
 * reversals; `closing` is the arithmetic sum of every entry, so it equals the
 * stored balance whenever the ledger is consistent.
 */
export function balanceSheet(totals: readonly KindTotal[]): BalanceSheet {
  const sheet: BalanceSheet = {
    opening: ZERO,
    appropriation: ZERO,
    topUps: ZERO,
    subsidiesReceived: ZERO,
    subsidiesGranted: ZERO,
    payouts: { ART15: ZERO, ART16: ZERO, ART17: ZERO },
    payoutsTotal: ZERO,
    reversals: ZERO,
    reversalCount: 0,
    inflow: ZERO,
    outflow: ZERO,
    closing: ZERO,
    entryCount: 0,
  };
  for (const t of totals) {
    const amount = yuan(t.amount);
    sheet.closing = sheet.closing.plus(amount);
    sheet.entryCount += t.count;
    if (t.reversal) {
      sheet.reversals = sheet.reversals.plus(amount);
      sheet.reversalCount += t.count;
    }
    switch (t.kind) {
      case "ROLLOVER":
        sheet.opening = sheet.opening.plus(amount);
        break;
      case "APPROPRIATION":
        sheet.appropriation = sheet.appropriation.plus(amount);
        break;
      case "TOP_UP":
        sheet.topUps = sheet.topUps.plus(amount);
        break;
      case "SUBSIDY_RECEIVED":
        sheet.subsidiesReceived = sheet.subsidiesReceived.plus(amount);
        break;
      case "SUBSIDY_GRANTED":
        sheet.subsidiesGranted = sheet.subsidiesGranted.minus(amount);
        break;
      case "DISBURSEMENT": {
        const article = t.article ?? "ART15";
        sheet.payouts[article] = sheet.payouts[article].minus(amount);
        sheet.payoutsTotal = sheet.payoutsTotal.minus(amount);
        break;
      }
      case "REVERSAL":
        throw new Error("balanceSheet: attribute reversals to the kind they reverse");
    }
  }
  sheet.inflow = sheet.appropriation.plus(sheet.topUps).plus(sheet.subsidiesReceived);
  sheet.outflow = sheet.subsidiesGranted.plus(sheet.payoutsTotal);
  return sheet;
}

/** A month of payouts (yuan, positive = paid out) and the cumulative total and balance. */
export type MonthPoint = { month: number; payouts: Decimal; cumulative: Decimal };

/**
 * Fill the 12 months of `year` from sparse SQL rows (month 1–12 → net payouts),
 * with the running total — the fund burn over the year.
 */
export function monthSeries(rows: readonly { month: number; payouts: Amount }[]): MonthPoint[] {
  const byMonth = new Map<number, Decimal>();
  for (const r of rows) byMonth.set(r.month, (byMonth.get(r.month) ?? ZERO).plus(yuan(r.payouts)));
  let cumulative = ZERO;
  return Array.from({ length: 12 }, (_, i) => {
    const payouts = byMonth.get(i + 1) ?? ZERO;
    cumulative = cumulative.plus(payouts);
    return { month: i + 1, payouts, cumulative };
  });
}

/**
 * Months of runway at the current burn rate: balance ÷ average monthly payout
 * over the given months (the last N months, zeros included), rounded down to
 * one decimal.
 * @param monthlyPayouts positive = paid out, yuan; at least one month
 * @returns months, or null when nothing is being paid out (shown as "—"/∞)
 */
export function runwayMonths(balance: Amount, monthlyPayouts: readonly (Amount)[]): Decimal | null {
  if (monthlyPayouts.length === 0) return null;
  let total = ZERO;
  for (const m of monthlyPayouts) total = total.plus(yuan(m));
  const average = total.div(monthlyPayouts.length);
  if (average.lte(0)) return null;
  const b = yuan(balance);
  if (b.lte(0)) return ZERO;
  return b.div(average).toDecimalPlaces(1, Decimal.ROUND_DOWN);
}

// ───────────────────────────── verification ─────────────────────────────

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
 * Invariants of one fund-year (README "Invariants"); each problem as a short English sentence.
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

/**
 * Money of the ledger (pure, no I/O): validated amounts, signs, the balance
 * that may never go below zero.
 *
 * Ledger convention (README "The ledger"): signed single entry, positive =
 * money into the fund, negative = money out, amounts in yuan with 2 decimals
 * (decimal.js, never a float). For every fund and year:
 *   FundYear.balance = Σ amount of the year's entries   (the ROLLOVER entry
 *                                                          carries the opening)
 *   FundYear.openingBalance = amount of the year's unreversed ROLLOVER entry
 *   entry n: balanceAfter = Σ amount of entries 1..n, and never below zero.
 * The rules serve every kind of fund; the rights protection fund's basis is
 * 《办法》第十一条至第十四条.
 */
import { Decimal, MAX_YUAN, ZERO, formatYuan, yuan } from "@/lib/money";
import { DomainError } from "@/lib/errors";
import type { LedgerKind } from "@/lib/generated/prisma/enums";

/** Kinds that bring money in (appropriation, rollover, top-up, subsidy from the upper union; 第十一条). */
export const INFLOW_KINDS: ReadonlySet<LedgerKind> = new Set(["APPROPRIATION", "ROLLOVER", "TOP_UP", "SUBSIDY_RECEIVED"]);
/** Kinds that take money out (grant to a lower union's fund; payout of a payable). */
export const OUTFLOW_KINDS: ReadonlySet<LedgerKind> = new Set(["SUBSIDY_GRANTED", "DISBURSEMENT"]);

/** Any money-like value: string ("123.45"), number literal (tests), decimal.js or Prisma Decimal. Yuan. */
export type Amount = string | number | { toString(): string };

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
 * never go below zero (第十一条: when the year's money is short the rollover,
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

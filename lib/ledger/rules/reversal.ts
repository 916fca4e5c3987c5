/**
 * Corrections by reversal only (pure; 第十二条 严格按财务制度规范操作): nothing
 * is edited or deleted, an error is corrected by an entry of opposite sign.
 */
import { yuan, type Decimal } from "@/lib/money";
import { DomainError } from "@/lib/errors";
import type { LedgerKind } from "@/lib/generated/prisma/enums";

/**
 * Amount of the REVERSAL entry correcting `entry`. A reversal cannot itself be
 * reversed, an entry is reversed at most once, and a rollover is reversed only
 * by reopening the settled year.
 * @throws DomainError fund.reverseReversal | fund.alreadyReversed | fund.reverseRollover
 */
export function reversalOf(entry: { kind: LedgerKind; amount: { toString(): string }; reversed: boolean }): Decimal {
  if (entry.kind === "REVERSAL") throw new DomainError("fund.reverseReversal", {}, 409);
  if (entry.reversed) throw new DomainError("fund.alreadyReversed", {}, 409);
  if (entry.kind === "ROLLOVER") throw new DomainError("fund.reverseRollover", {}, 409);
  return yuan(entry.amount).negated();
}

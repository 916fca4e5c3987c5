/**
 * Whether a payable may be paid, and what it becomes when its payment is
 * reversed (pure). The ledger decides what every payable shares — status,
 * due day, one debit per idempotency key; the payable's source decides
 * whether it can ever be paid (a hook of lib/ledger/sources.ts, e.g. the
 * applications feature: the application is no longer approved, or an art. 17
 * month after re-employment). This file knows no source.
 */
import { ConflictError, DomainError } from "@/lib/errors";
import type { PayableStatus } from "@/lib/generated/prisma/enums";
import { isoDate } from "@/lib/dates";

/**
 * A source's answer "this payable can never be paid (any more)": the
 * DomainError code and values a payment is refused with, and the reason a
 * reversed payment's payable is cancelled with (text stored on the payable,
 * in the portal's default language).
 */
export type NeverPayable = {
  code: string;
  values: Record<string, string | number>;
  /** the cancel reason after the payment with ledger number `reversedSeq` was reversed */
  cancelReason: (reversedSeq: number) => string;
};

/** Idempotency key of the payment of a payable at a given version (one debit per key). */
export function payableIdempotencyKey(payableId: number, version: number): string {
  return `payable:${payableId}:v${version}`;
}

/**
 * May this payable be paid on `paidOn`?
 * - only SCHEDULED payables are paid (PAID once, CANCELLED never);
 * - the source's own rule (`never`, from its payability hook) refuses what can
 *   never be paid — e.g. 第四条第3项 the office pays what was decided, 第十七条
 *   至重新领薪或工作为止;
 * - nothing is paid before it is due (a monthly instalment after its month).
 * @throws ConflictError fund.alreadyPaid; DomainError fund.payableCancelled |
 *   the source's code (409) | fund.notDue { date }
 */
export function assertPayable(input: { status: PayableStatus; dueOn: Date; paidOn: Date; never: NeverPayable | null }): void {
  if (input.status === "PAID") throw new ConflictError("fund.alreadyPaid");
  if (input.status === "CANCELLED") throw new DomainError("fund.payableCancelled", {}, 409);
  if (input.never) throw new DomainError(input.never.code, input.never.values, 409);
  if (input.paidOn.getTime() < input.dueOn.getTime()) throw new DomainError("fund.notDue", { date: isoDate(input.dueOn) });
}

/** What a payable becomes when the DISBURSEMENT that paid it is reversed. */
export type PayableAfterReversal = { status: "SCHEDULED"; cancelReason: null } | { status: "CANCELLED"; cancelReason: string };

/**
 * The state of a payable whose payment (ledger number `reversedSeq`) is
 * reversed (冲正, 第十二条).
 *
 * A payable is paid only from SCHEDULED (assertPayable), so its prior state is
 * always SCHEDULED, and it goes back there when it can still be paid — also
 * when its due day lies in a year that is settled meanwhile: it is then paid
 * out of the open year (第十一条 当年使用不足时可以动用滚存结余), as a late
 * payment would be. It becomes CANCELLED, with the source's reason, when the
 * source says it can never be paid again (`never`), because a SCHEDULED
 * payable due on or before 31 December is an "unpaid due payable" that would
 * block every later annual settlement (第十四条 每年结算一次).
 */
export function payableAfterReversal(never: NeverPayable | null, reversedSeq: number): PayableAfterReversal {
  return never ? { status: "CANCELLED", cancelReason: never.cancelReason(reversedSeq) } : { status: "SCHEDULED", cancelReason: null };
}

/**
 * Paying a payable, for every kind of fund and every source (the rights
 * protection fund: 第四条第3项 the office 具体办理基金的发放; what is paid:
 * 第十五条、第十六条 one-off subsidies, 第十七条 monthly support).
 */
import { mutate, type RequestContext } from "@/lib/audit/writer";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { actorIdOf, lockOpenedYear, lockPayable, postEntry } from "./posting";
import { signedAmount } from "./rules/amounts";
import { assertPayable, payableIdempotencyKey } from "./rules/payability";
import { assertPostable } from "./rules/years";
import { sourceOf } from "./sources";
import { isoDate, todayInChina, yearOf } from "@/lib/dates";
import { assertPaymentMethod, type PaymentMethod } from "./methods";

/** A payment as the office records it. Dates are UTC-midnight calendar dates. */
export type PayInput = {
  payableId: number;
  /** the payable's version the office saw; with the id it forms the idempotency key */
  payableVersion: number;
  paidOn: Date;
  /** a PAYMENT_METHODS key (lib/ledger/methods.ts), e.g. BANK_TRANSFER */
  method: PaymentMethod;
  /** bank voucher number etc. */
  reference?: string | null;
  memo?: string | null;
};

export type PayResult = {
  fundId: number;
  entryId: string;
  /** yuan, 2 decimals, negative (money out) */
  amount: string;
  balanceAfter: string;
  idempotencyKey: string;
  /** true when this was a replay of an earlier, already recorded payment */
  replayed: boolean;
};

/**
 * Pay one SCHEDULED payable out of its fund's year of `paidOn`, in one
 * transaction: lock the FundYear row, replay check by idempotency key
 * (`payable:<id>:v<version>` — a double click or retried POST pays once and
 * answers with the recorded payment, unless that payment was reversed since), lock
 * the payable, check it (assertPayable with the source's payability hook,
 * lib/ledger/sources.ts), post a DISBURSEMENT entry (never below zero) carrying
 * the payable's source and reporting dimensions and the source's approver,
 * mark the payable PAID (version + 1). Audited.
 * @throws NotFoundError; ConflictError fund.alreadyPaid | conflict (stale version) |
 *   fund.paymentReversed (a replay of a payment that has been reversed since);
 *   DomainError fund.yearNotOpen | fund.yearSettled | fund.futureDate |
 *   fund.payableCancelled | fund.notDue | the source's refusal (applications:
 *   fund.applicationNotApproved | fund.reemployed) | fund.insufficient { amount,
 *   balance, shortfall } | fund.methodInvalid (not a PAYMENT_METHODS key)
 */
export async function payPayable(ctx: RequestContext, input: PayInput, now: Date = new Date()): Promise<PayResult> {
  const today = todayInChina(now);
  const actorId = actorIdOf(ctx);
  const key = payableIdempotencyKey(input.payableId, input.payableVersion);
  const method = assertPaymentMethod(input.method);
  return mutate(ctx, async (tx, record) => {
    const head = await tx.payable.findUnique({ where: { id: input.payableId }, select: { fundId: true } });
    if (!head) throw new NotFoundError();
    const locked = await lockOpenedYear(tx, head.fundId, yearOf(input.paidOn));
    assertPostable(locked.status, input.paidOn, today); // a settled year refuses first (第十四条)

    const earlier = await tx.ledgerEntry.findUnique({ where: { idempotencyKey: key } });
    if (earlier) {
      // A stale replay (old form, retried POST) of a payment that was reversed
      // since: nothing is paid now, and it must not be reported as paid.
      const reversal = await tx.ledgerEntry.findFirst({ where: { reversesEntryId: earlier.id }, select: { seq: true, entryDate: true } });
      if (reversal) throw new ConflictError("fund.paymentReversed", { seq: earlier.seq, reversalSeq: reversal.seq, date: isoDate(reversal.entryDate) });
      record({ action: "fund.pay.replayed", entityType: "LedgerEntry", entityId: earlier.id, after: { idempotencyKey: key } });
      return { fundId: earlier.fundId, entryId: earlier.id.toString(), amount: earlier.amount.toFixed(2), balanceAfter: earlier.balanceAfter.toFixed(2), idempotencyKey: key, replayed: true };
    }

    await lockPayable(tx, input.payableId);
    const payable = await tx.payable.findUniqueOrThrow({ where: { id: input.payableId } });
    if (payable.status === "PAID") throw new ConflictError("fund.alreadyPaid");
    if (payable.version !== input.payableVersion) throw new ConflictError();
    const source = sourceOf(payable.sourceType);
    const never = payable.status === "SCHEDULED" ? await source.neverPayable(tx, payable) : null;
    assertPayable({ status: payable.status, dueOn: payable.dueOn, paidOn: input.paidOn, never });
    const approvedById = await source.approverOf(tx, payable.sourceId);
    const entry = await postEntry(
      tx,
      record,
      locked,
      {
        kind: "DISBURSEMENT",
        amount: signedAmount("DISBURSEMENT", payable.amount),
        entryDate: input.paidOn,
        createdById: actorId,
        payableId: payable.id,
        sourceType: payable.sourceType,
        sourceId: payable.sourceId,
        category: payable.category,
        reportingOrgId: payable.reportingOrgId,
        method,
        reference: input.reference ?? null,
        memo: input.memo ?? source.payoutMemo(payable),
        approvedById,
        idempotencyKey: key,
      },
      today,
    );
    const paid = await tx.payable.update({
      where: { id: payable.id },
      data: { status: "PAID", paidAt: now, version: { increment: 1 } },
    });
    record({ action: "fund.pay", entityType: "Payable", entityId: payable.id, before: payable, after: paid });
    return { fundId: entry.fundId, entryId: entry.id.toString(), amount: entry.amount.toFixed(2), balanceAfter: entry.balanceAfter.toFixed(2), idempotencyKey: key, replayed: false };
  });
}

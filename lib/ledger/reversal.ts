/**
 * Corrections by reversal only (第十二条 严格按财务制度规范操作): the ledger is
 * append-only, an error is corrected by an entry of opposite sign that names
 * the entry it reverses (reversesEntryId, unique → at most once).
 */
import { authorize } from "@/lib/authz";
import { mutate, type RequestContext } from "@/lib/audit/writer";
import { DomainError, NotFoundError } from "@/lib/errors";
import { fundResource } from "./access";
import { actorIdOf, lockPayable, lockYears, postEntry, type LockedYear } from "./posting";
import { payableAfterReversal } from "./rules/payability";
import { reversalOf } from "./rules/reversal";
import { sourceOf } from "./sources";
import { todayInChina, yearEnd } from "@/lib/dates";

/** The other side of a subsidy entry (same request, same year). */
function counterpartKey(key: string | null): string | null {
  if (!key) return null;
  if (key.endsWith(":granted")) return key.replace(/:granted$/, ":received");
  if (key.endsWith(":received")) return key.replace(/:received$/, ":granted");
  return null;
}

/**
 * Reverse entry `entryId` in its own fund-year (dated today, or 31 December
 * when that year is past). A subsidy is reversed on both sides at once. A
 * reversed DISBURSEMENT changes its payable (version + 1, so a later payment
 * gets a fresh idempotency key) as `payableAfterReversal` decides: back to
 * SCHEDULED (its prior state) when it can still be paid, CANCELLED with the
 * reason when its source says it never can (the source's payability hook;
 * applications: no longer approved, or an art. 17 month after re-employment)
 * — a SCHEDULED payable that can never be paid would
 * block the annual settlement (第十四条) forever. Audited, with the reason.
 *
 * Authorization: the action authorizes `fund.manage` on the entry's fund; a
 * subsidy reversal also posts into the counterpart fund (第十一条: the upper
 * union's grant and the lower union's receipt), so every fund this call posts
 * into is authorized here through the one gate (`can()` via `authorize`) —
 * e.g. a district office may not reverse its receipt, because that would post
 * back into the city federation's fund.
 * @returns ids of the REVERSAL entries
 * @throws NotFoundError; ForbiddenError (403) when the actor may not manage
 *   one of the funds posted into; DomainError fund.reverseReversal | fund.alreadyReversed |
 *   fund.reverseRollover | fund.yearSettled (reopen the year first) |
 *   fund.insufficient (reversing money in that is already spent)
 */
export async function reverseEntry(ctx: RequestContext, input: { entryId: bigint; reason: string }, now: Date = new Date()) {
  const today = todayInChina(now);
  const actorId = actorIdOf(ctx);
  return mutate(ctx, async (tx, record) => {
    const original = await tx.ledgerEntry.findUnique({ where: { id: input.entryId } });
    if (!original) throw new NotFoundError();
    const siblingKey = counterpartKey(original.idempotencyKey);
    const sibling = siblingKey ? await tx.ledgerEntry.findUnique({ where: { idempotencyKey: siblingKey } }) : null;
    const targets = sibling ? [original, sibling] : [original];
    for (const fundId of new Set(targets.map((e) => e.fundId))) {
      authorize(ctx.actor, "fund.manage", await fundResource(fundId, tx));
    }
    const locks = await lockYears(
      tx,
      targets.map((e) => ({ fundId: e.fundId, year: e.year })),
    );
    const entryDate = today.getTime() < yearEnd(original.year).getTime() ? today : yearEnd(original.year);
    const ids: string[] = [];
    for (const [i, target] of targets.entries()) {
      const locked = locks[i] as LockedYear | null;
      if (!locked) throw new Error(`fund-year of entry ${target.id} missing`);
      if (locked.status === "SETTLED") throw new DomainError("fund.yearSettled", { year: locked.year }, 409);
      const reversed = (await tx.ledgerEntry.count({ where: { reversesEntryId: target.id } })) > 0;
      const amount = reversalOf({ kind: target.kind, amount: target.amount, reversed });
      const entry = await postEntry(
        tx,
        record,
        locked,
        {
          kind: "REVERSAL",
          amount,
          entryDate,
          createdById: actorId,
          reversesEntryId: target.id,
          reportedKind: target.kind,
          payableId: target.payableId,
          sourceType: target.sourceType,
          sourceId: target.sourceId,
          category: target.category,
          reportingOrgId: target.reportingOrgId,
          counterpartFundId: target.counterpartFundId,
          approvedById: actorId,
          memo: `冲正第${target.seq}号分录：${input.reason}`,
        },
        today,
      );
      ids.push(entry.id.toString());
      if (target.kind === "DISBURSEMENT" && target.payableId !== null) {
        await lockPayable(tx, target.payableId);
        const before = await tx.payable.findUniqueOrThrow({ where: { id: target.payableId } });
        const next = payableAfterReversal(await sourceOf(before.sourceType).neverPayable(tx, before), target.seq);
        const after = await tx.payable.update({
          where: { id: target.payableId },
          data: { status: next.status, cancelReason: next.cancelReason, paidAt: null, version: { increment: 1 } },
        });
        record({ action: "fund.pay.reverse", entityType: "Payable", entityId: target.payableId, before, after: { ...after, reason: input.reason } });
      }
    }
    return { entryIds: ids, fundIds: [...new Set(targets.map((e) => e.fundId))] };
  });
}

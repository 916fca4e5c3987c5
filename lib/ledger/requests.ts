/**
 * Requests for more money, for every kind of fund (the rights protection fund:
 * 第十一条 当年使用不足时可以动用滚存结余，仍不足时可追加；本级工会经费有困难时，
 * 可向上级工会提出补助申请).
 *
 * - TOP_UP 追加拨款: recorded by the office of the fund and decided by that
 *   fund's own leading body; the office records the decision (with the
 *   meeting reference in the note). Approval posts a TOP_UP entry.
 * - SUBSIDY 上级补助: requested for a district/county/pilot-zone fund and
 *   decided by the upper union's office (fund.manage on the upper fund of the
 *   same kind).
 *   Approval posts SUBSIDY_GRANTED out of the upper fund and SUBSIDY_RECEIVED
 *   into the requesting fund, in one transaction.
 * A PENDING request blocks the annual settlement of its year (第十四条).
 */
import { lower } from "@/lib/audit/vocabulary";
import { mutate, type RequestContext } from "@/lib/audit/writer";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import type { FundRequestKind } from "@/lib/generated/prisma/enums";
import { upperFundOf } from "./funds";
import { actorIdOf, lockOpenedYear, lockYears, postEntry } from "./posting";
import { positiveYuan, signedAmount } from "./rules/amounts";
import { todayInChina, yearOf } from "@/lib/dates";

export type NewFundRequest = {
  fundId: number;
  year: number;
  kind: FundRequestKind;
  /** yuan, positive */
  amount: string;
  reason: string;
};

/**
 * Record a top-up or subsidy request for an opened, open year (audited).
 * Takes the FundYear row lock(s) like every operation that changes what a
 * settlement sees — the requesting fund's year and, for a subsidy, the upper
 * fund's year — in ascending (year, fundId) order (README "Posting").
 * @returns { id }
 * @throws NotFoundError; DomainError fund.yearNotOpen | fund.yearSettled |
 *   fund.amountInvalid | fund.noUpperFund
 */
export async function createFundRequest(ctx: RequestContext, input: NewFundRequest) {
  const actorId = actorIdOf(ctx);
  const amount = positiveYuan(input.amount);
  return mutate(ctx, async (tx, record) => {
    const fund = await tx.fund.findUnique({ where: { id: input.fundId }, select: { id: true } });
    if (!fund) throw new NotFoundError();
    const grantingFundId = input.kind === "SUBSIDY" ? (await upperFundOf(tx, record, input.fundId)).id : null;
    // Lock the fund-year(s) the request concerns, in the fixed (year, fundId)
    // order, before reading their status: a PENDING request blocks the
    // settlement of both funds' year (第十四条), so it must not slip in while a
    // settlement holding these rows is checking its preconditions.
    const keys = [{ fundId: input.fundId, year: input.year }, ...(grantingFundId !== null ? [{ fundId: grantingFundId, year: input.year }] : [])];
    const [year] = await lockYears(tx, keys);
    if (!year) throw new DomainError("fund.yearNotOpen", { year: input.year }, 409);
    if (year.status === "SETTLED") throw new DomainError("fund.yearSettled", { year: input.year }, 409);
    const created = await tx.fundRequest.create({
      data: { fundId: input.fundId, grantingFundId, year: input.year, kind: input.kind, amount: amount.toFixed(2), reason: input.reason, requestedById: actorId },
    });
    record({ action: `fund.request.${lower(input.kind)}`, entityType: "FundRequest", entityId: created.id, after: created });
    return { id: created.id };
  });
}

export type FundRequestDecision = {
  requestId: number;
  approve: boolean;
  /** the decision and its basis, e.g. "经2026年第5次主席办公会议研究同意" */
  note: string;
  /** approval only: the date the money is posted (must fall in the request's year) */
  postedOn?: Date;
};

/**
 * Approve (post the entries) or reject a PENDING request (audited).
 * Locks the fund-year(s) first (ascending year, fundId), then the request row.
 * @returns { status, entryIds }
 * @throws NotFoundError; ConflictError fund.requestDecided; DomainError
 *   fund.postedOnOutsideYear | fund.yearNotOpen | fund.yearSettled |
 *   fund.futureDate | fund.insufficient (the upper fund cannot grant it)
 */
export async function decideFundRequest(ctx: RequestContext, input: FundRequestDecision, now: Date = new Date()) {
  const today = todayInChina(now);
  const actorId = actorIdOf(ctx);
  return mutate(ctx, async (tx, record) => {
    const head = await tx.fundRequest.findUnique({ where: { id: input.requestId } });
    if (!head) throw new NotFoundError();
    const postedOn = input.postedOn ?? today;
    if (input.approve && yearOf(postedOn) !== head.year) throw new DomainError("fund.postedOnOutsideYear", { year: head.year });

    let targets: Awaited<ReturnType<typeof lockYears>> = [];
    if (input.approve) {
      if (head.kind === "SUBSIDY") {
        if (head.grantingFundId === null) throw new DomainError("fund.noUpperFund", {}, 409);
        targets = await lockYears(tx, [
          { fundId: head.grantingFundId, year: head.year },
          { fundId: head.fundId, year: head.year },
        ]);
      } else targets = [await lockOpenedYear(tx, head.fundId, head.year)];
    }
    const rows = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "FundRequest" WHERE id = ${head.id} FOR UPDATE`;
    if (rows[0]?.status !== "PENDING") throw new ConflictError("fund.requestDecided");

    const entryIds: string[] = [];
    if (input.approve) {
      const amount = positiveYuan(head.amount);
      if (head.kind === "SUBSIDY") {
        const [upper, lower] = targets;
        if (!upper) throw new DomainError("fund.yearNotOpen", { year: head.year }, 409);
        if (!lower) throw new DomainError("fund.yearNotOpen", { year: head.year }, 409);
        const base = { entryDate: postedOn, createdById: actorId, approvedById: actorId, memo: input.note };
        const granted = await postEntry(
          tx,
          record,
          upper,
          { ...base, kind: "SUBSIDY_GRANTED", amount: signedAmount("SUBSIDY_GRANTED", amount), counterpartFundId: head.fundId, idempotencyKey: `request:${head.id}:granted` },
          today,
        );
        const received = await postEntry(
          tx,
          record,
          lower,
          { ...base, kind: "SUBSIDY_RECEIVED", amount: signedAmount("SUBSIDY_RECEIVED", amount), counterpartFundId: upper.fundId, idempotencyKey: `request:${head.id}:received` },
          today,
        );
        entryIds.push(granted.id.toString(), received.id.toString());
      } else {
        const [locked] = targets;
        const entry = await postEntry(
          tx,
          record,
          locked!,
          { kind: "TOP_UP", amount: signedAmount("TOP_UP", amount), entryDate: postedOn, createdById: actorId, approvedById: actorId, memo: input.note, idempotencyKey: `request:${head.id}:topup` },
          today,
        );
        entryIds.push(entry.id.toString());
      }
    }
    const decided = await tx.fundRequest.update({
      where: { id: head.id },
      data: { status: input.approve ? "APPROVED" : "REJECTED", decidedById: actorId, decidedAt: now, decisionNote: input.note },
    });
    record({ action: input.approve ? "fund.request.approve" : "fund.request.reject", entityType: "FundRequest", entityId: head.id, before: head, after: decided });
    return { status: decided.status, entryIds, fundIds: [head.fundId, ...(head.grantingFundId !== null ? [head.grantingFundId] : [])] };
  });
}

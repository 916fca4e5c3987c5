/**
 * Annual settlement, for every kind of fund (the rights protection fund:
 * 保障基金每年结算一次, 第十四条), rollover of the year-end balance
 * (年末结余滚存下一年度使用, 第十一条), and the explicit, audited reopen.
 *
 * settle(Y): lock Y → check the preconditions (settlementBlockers) → check
 *   Σ entries = stored balance → Y becomes SETTLED with closingBalance →
 *   lock/open Y+1 (posting its appropriation when new) → post ROLLOVER =
 *   closing balance into Y+1 (none when zero).
 * reopen(Y): lock Y, Y+1 → assertReopenable → REVERSAL of Y+1's rollover →
 *   Y becomes OPEN again. Refused when Y+1 is settled or has spent the rollover.
 */
import { scopeWhere } from "@/lib/authz/scope";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { mutate, type RequestContext } from "@/lib/audit/writer";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { FundKind, FundYearStatus } from "@/lib/generated/prisma/enums";
import { yuan } from "@/lib/money";
import { actorIdOf, ensureYearOpened, lockOpenedYear, lockYear, postEntry } from "./posting";
import { assertReopenable, rolloverAmount, settlementBlockers, type SettlementBlocker } from "./rules/settlement";
import { todayInChina, yearEnd, yearStart } from "@/lib/dates";

type Client = Tx;

/**
 * Counts behind the settlement preconditions of fund `fundId`, year `year` (read-only).
 * Sequential on purpose: `client` may be a transaction, whose single connection
 * must not run queries concurrently (pg deprecates it).
 */
async function preconditionCounts(client: Client, fundId: number, year: number) {
  const previous = await client.fundYear.findUnique({ where: { fundId_year: { fundId, year: year - 1 } }, select: { status: true } });
  const unpaidDuePayables = await client.payable.count({ where: { fundId, status: "SCHEDULED", dueOn: { lte: yearEnd(year) } } });
  const pendingRequests = await client.fundRequest.count({ where: { year, status: "PENDING", OR: [{ fundId }, { grantingFundId: fundId }] } });
  return { previousYearStatus: (previous?.status ?? null) as FundYearStatus | null, unpaidDuePayables, pendingRequests };
}

/**
 * What stands in the way of settling the year now (for the settlement page).
 * @returns [] when it may be settled; fund.yearNotOpen when the year does not exist
 */
export async function settlementStatus(fundId: number, year: number, now: Date = new Date()): Promise<SettlementBlocker[]> {
  const fy = await db().fundYear.findUnique({ where: { fundId_year: { fundId, year } }, select: { status: true } });
  if (!fy) return [{ code: "fund.yearNotOpen", values: { year } }];
  const counts = await preconditionCounts(db(), fundId, year);
  return settlementBlockers({ year, status: fy.status, today: todayInChina(now), ...counts });
}

export type SettleResult = {
  fundId: number;
  year: number;
  /** yuan */
  closingBalance: string;
  /** yuan, the ROLLOVER posted into year + 1 ("0.00" when nothing was carried) */
  rollover: string;
  nextYearOpened: boolean;
};

/** Settle inside an existing transaction (see settleYear). */
async function settleInTx(tx: Tx, record: Parameters<Parameters<typeof mutate>[1]>[1], ctx: RequestContext, fundId: number, year: number, now: Date): Promise<SettleResult> {
  const today = todayInChina(now);
  const actorId = actorIdOf(ctx);
  const locked = await lockOpenedYear(tx, fundId, year);
  const counts = await preconditionCounts(tx, fundId, year);
  const blockers = settlementBlockers({ year, status: locked.status, today, ...counts });
  const first = blockers[0];
  if (first) throw new DomainError(first.code, first.values, 409);

  const [sums] = await tx.$queryRaw<{ total: string; count: number }[]>`
    SELECT COALESCE(SUM(amount), 0)::text AS total, COUNT(*)::int AS count
    FROM "LedgerEntry" WHERE "fundId" = ${fundId} AND year = ${year}`;
  if (!sums || !yuan(sums.total).eq(locked.balance) || sums.count !== locked.entryCount) {
    throw new Error(`ledger inconsistent for fund ${fundId} year ${year}: run npm run ledger:verify`);
  }

  const before = await tx.fundYear.findUniqueOrThrow({ where: { id: locked.id } });
  const settled = await tx.fundYear.update({
    where: { id: locked.id },
    data: { status: "SETTLED", closingBalance: locked.balance.toFixed(2), settledAt: now, settledById: actorId, version: { increment: 1 } },
  });
  locked.status = "SETTLED";
  record({ action: "fund.year.settle", entityType: "FundYear", entityId: locked.id, before, after: settled });

  const { locked: next, opened } = await ensureYearOpened(tx, record, fundId, year + 1, today, actorId);
  const rollover = rolloverAmount(locked.balance);
  if (rollover) {
    await postEntry(
      tx,
      record,
      next,
      {
        kind: "ROLLOVER",
        amount: rollover,
        entryDate: yearStart(year + 1),
        createdById: actorId,
        affectsOpening: true,
        memo: `${year}年度结余滚存（依据《办法》第十一条、第十四条）`,
      },
      today,
    );
  }
  return { fundId, year, closingBalance: locked.balance.toFixed(2), rollover: (rollover ?? yuan(0)).toFixed(2), nextYearOpened: opened };
}

/**
 * Settle `year` of fund `fundId` and carry its closing balance into year + 1
 * (one transaction, audited).
 * @throws NotFoundError; DomainError fund.yearNotOpen | fund.alreadySettled |
 *   fund.yearNotEnded | fund.previousYearOpen | fund.unpaidPayables |
 *   fund.pendingRequests (409); Error when the stored balance ≠ Σ entries (a bug)
 */
export async function settleYear(ctx: RequestContext, input: { fundId: number; year: number }, now: Date = new Date()): Promise<SettleResult> {
  // Every annual settlement anchors the audit chain (signed checkpoint, lib/audit/checkpoint.ts).
  return mutate(ctx, (tx, record) => settleInTx(tx, record, ctx, input.fundId, input.year, now), { timeout: 30_000, checkpoint: "settlement" });
}

export type SettleAllResult = { settled: SettleResult[]; refused: { fundId: number; code: string; values: Record<string, string | number> }[] };

/**
 * Settle `year` of every fund of `kind` the actor may settle (the gate's fund.settle list scope) whose year is still
 * open, each fund in its own transaction (one fund's blocker does not hold up
 * the others).
 */
export async function settleAllFunds(ctx: RequestContext, input: { year: number; kind: FundKind }, now: Date = new Date()): Promise<SettleAllResult> {
  const open = await db().fundYear.findMany({
    where: { year: input.year, status: "OPEN", fund: { kind: input.kind, ...scopeWhere(ctx.actor, "fund.settle") } },
    select: { fundId: true },
    orderBy: { fundId: "asc" },
  });
  const result: SettleAllResult = { settled: [], refused: [] };
  for (const { fundId } of open) {
    try {
      result.settled.push(await settleYear(ctx, { fundId, year: input.year }, now));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      result.refused.push({ fundId, code: error.code, values: error.values });
    }
  }
  return result;
}

/**
 * Reopen settled `year` (explicit and audited, with a reason): the rollover
 * posted into year + 1 is reversed and the year becomes OPEN again.
 * @throws NotFoundError; DomainError fund.yearNotOpen | fund.notSettled |
 *   fund.nextYearSettled | fund.reopenWouldOverdraw (409)
 */
export async function reopenYear(ctx: RequestContext, input: { fundId: number; year: number; reason: string }, now: Date = new Date()) {
  const today = todayInChina(now);
  const actorId = actorIdOf(ctx);
  return mutate(ctx, async (tx, record) => {
    const fund = await tx.fund.findUnique({ where: { id: input.fundId }, select: { id: true } });
    if (!fund) throw new NotFoundError();
    const locked = await lockOpenedYear(tx, input.fundId, input.year);
    const next = await lockYear(tx, input.fundId, input.year + 1);
    const posted = next ? await tx.ledgerEntry.findMany({ where: { fundId: input.fundId, year: input.year + 1, kind: "ROLLOVER" }, orderBy: { seq: "asc" } }) : [];
    const reversed = new Set(
      (await tx.ledgerEntry.findMany({ where: { reversesEntryId: { in: posted.map((e) => e.id) } }, select: { reversesEntryId: true } })).map((e) => String(e.reversesEntryId)),
    );
    const rollovers = posted.filter((e) => !reversed.has(String(e.id)));
    const rolloverTotal = rollovers.reduce((sum, e) => sum.plus(yuan(e.amount)), yuan(0));
    assertReopenable({
      year: input.year,
      status: locked.status,
      nextYearStatus: next?.status ?? null,
      nextYearBalance: next?.balance ?? null,
      rollover: rollovers.length ? rolloverTotal : null,
    });
    if (next) {
      const reversalDate = today.getTime() < yearEnd(input.year + 1).getTime() ? today : yearEnd(input.year + 1);
      for (const rollover of rollovers) {
        await postEntry(
          tx,
          record,
          next,
          {
            kind: "REVERSAL",
            amount: yuan(rollover.amount).negated(),
            entryDate: reversalDate,
            createdById: actorId,
            reversesEntryId: rollover.id,
            reportedKind: "ROLLOVER",
            affectsOpening: true,
            memo: `重新打开${input.year}年度，冲回滚存结余：${input.reason}`,
          },
          today,
        );
      }
    }
    const before = await tx.fundYear.findUniqueOrThrow({ where: { id: locked.id } });
    const reopened = await tx.fundYear.update({
      where: { id: locked.id },
      data: { status: "OPEN", closingBalance: null, settledAt: null, settledById: null, version: { increment: 1 } },
    });
    record({ action: "fund.year.reopen", entityType: "FundYear", entityId: locked.id, before, after: { ...reopened, reason: input.reason } });
    return { fundId: input.fundId, year: input.year, reversedRollover: rolloverTotal.toFixed(2) };
  });
}

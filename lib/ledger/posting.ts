/**
 * The posting primitive of the ledger, for every kind of fund (the rights
 * protection fund: 第十二条 专门科目). Used only inside `mutate()`
 * transactions by the services of this folder.
 *
 * Locking protocol (README "The fund ledger"): every posting first locks the
 * FundYear rows it touches with SELECT … FOR UPDATE, in ascending (year,
 * fundId) order, then any Payable / FundRequest row; the audit writer takes
 * its advisory lock last, at the end of the transaction. The balance check and
 * the insert therefore see the latest committed balance, and two payouts of
 * the same fund-year are serialised (no overspend, no deadlock).
 */
import { lower } from "@/lib/audit/vocabulary";
import type { Tx } from "@/lib/db";
import type { RecordAudit, RequestContext } from "@/lib/audit/writer";
import { DomainError } from "@/lib/errors";
import type { FundYearStatus, LedgerKind } from "@/lib/generated/prisma/enums";
import { Decimal, yuan } from "@/lib/money";
import { applyEntry, positiveYuan } from "./rules/amounts";
import { assertOpenableYear, assertPostable } from "./rules/years";
import { fundKind } from "./kinds";
import { yearOf, yearStart } from "@/lib/dates";

/** A FundYear row locked FOR UPDATE in the current transaction (money in yuan). */
export type LockedYear = {
  id: number;
  fundId: number;
  year: number;
  status: FundYearStatus;
  balance: Decimal;
  openingBalance: Decimal;
  entryCount: number;
};

type LockedRow = { id: number; fundId: number; year: number; status: FundYearStatus; balance: string; openingBalance: string; entryCount: number };

/**
 * Lock one fund-year row (SELECT … FOR UPDATE).
 * @returns null when the fund has no such year (not opened)
 */
export async function lockYear(tx: Tx, fundId: number, year: number): Promise<LockedYear | null> {
  const rows = await tx.$queryRaw<LockedRow[]>`
    SELECT id, "fundId", year, status::text AS status, balance::text AS balance,
           "openingBalance"::text AS "openingBalance", "entryCount"
    FROM "FundYear" WHERE "fundId" = ${fundId} AND year = ${year}
    FOR UPDATE`;
  const row = rows[0];
  if (!row) return null;
  return { ...row, balance: yuan(row.balance), openingBalance: yuan(row.openingBalance) };
}

/**
 * Lock one payable row (SELECT … FOR UPDATE) — after the fund-year locks, as
 * paying and reversing both do, so its status cannot change under them.
 */
export async function lockPayable(tx: Tx, payableId: number): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Payable" WHERE id = ${payableId} FOR UPDATE`;
}

/**
 * Lock several fund-years in ascending (year, fundId) order — the one global
 * order that keeps concurrent postings free of deadlocks.
 * @returns the locked rows in the order of `keys` (null = not opened)
 */
export async function lockYears(tx: Tx, keys: readonly { fundId: number; year: number }[]): Promise<(LockedYear | null)[]> {
  const order = [...keys].sort((a, b) => a.year - b.year || a.fundId - b.fundId);
  const locked = new Map<string, LockedYear | null>();
  for (const k of order) {
    const id = `${k.fundId}:${k.year}`;
    if (!locked.has(id)) locked.set(id, await lockYear(tx, k.fundId, k.year));
  }
  return keys.map((k) => locked.get(`${k.fundId}:${k.year}`) ?? null);
}

/**
 * Lock an opened year or refuse.
 * @throws DomainError fund.yearNotOpen { year }
 */
export async function lockOpenedYear(tx: Tx, fundId: number, year: number): Promise<LockedYear> {
  const locked = await lockYear(tx, fundId, year);
  if (!locked) throw new DomainError("fund.yearNotOpen", { year }, 409);
  return locked;
}

/** What a posting writes besides fund, year, seq and balanceAfter. `amount` is signed, yuan. */
export type PostingInput = {
  kind: LedgerKind;
  amount: Decimal;
  entryDate: Date;
  createdById: number;
  payableId?: number | null;
  /** the source the money moves for (a payout: its payable's source) */
  sourceType?: string | null;
  sourceId?: number | null;
  /** reporting dimensions (a payout: its payable's category and reporting organisation) */
  category?: string | null;
  reportingOrgId?: number | null;
  counterpartFundId?: number | null;
  reversesEntryId?: bigint | null;
  method?: string | null;
  reference?: string | null;
  memo?: string | null;
  approvedById?: number | null;
  idempotencyKey?: string | null;
  /** true for a ROLLOVER or the reversal of one: moves openingBalance too */
  affectsOpening?: boolean;
  /** REVERSAL only: the kind of the reversed entry (reports count it there) */
  reportedKind?: LedgerKind;
};

/**
 * Append one entry to a locked, open fund-year and update its stored running
 * balance (balance, entryCount, openingBalance) and the report totals
 * (LedgerTotal) — the only place entries are written. Audited as "fund.entry.<kind>".
 * @throws DomainError fund.yearSettled | fund.futureDate (assertPostable),
 *   fund.insufficient (balance would go below zero, 第十一条)
 */
export async function postEntry(tx: Tx, record: RecordAudit, locked: LockedYear, input: PostingInput, today: Date) {
  assertPostable(locked.status, input.entryDate, today);
  if (yearOf(input.entryDate) !== locked.year) throw new Error(`entry dated ${input.entryDate.toISOString()} outside year ${locked.year}`);
  const balanceAfter = applyEntry(locked.balance, input.amount);
  const seq = locked.entryCount + 1;
  const openingBalance = input.affectsOpening ? locked.openingBalance.plus(input.amount) : locked.openingBalance;
  const reportedKind = input.kind === "REVERSAL" ? input.reportedKind : input.kind;
  if (!reportedKind || reportedKind === "REVERSAL") throw new Error("a REVERSAL posting needs the kind it reverses");
  const { affectsOpening: _affects, reportedKind: _reported, amount, ...rest } = input;
  const entry = await tx.ledgerEntry.create({
    data: { ...rest, fundId: locked.fundId, year: locked.year, seq, amount: amount.toFixed(2), balanceAfter: balanceAfter.toFixed(2) },
  });
  await tx.fundYear.update({
    where: { id: locked.id },
    data: { balance: balanceAfter.toFixed(2), entryCount: seq, openingBalance: openingBalance.toFixed(2), version: { increment: 1 } },
  });
  await tx.$executeRaw`
    INSERT INTO "LedgerTotal" ("fundId", year, month, kind, reversal, category, "reportingOrgId", amount, count)
    VALUES (${locked.fundId}, ${locked.year}, ${input.entryDate.getUTCMonth() + 1}, ${reportedKind}::"LedgerKind", ${input.kind === "REVERSAL"},
            ${input.category ?? ""}, ${input.reportingOrgId ?? 0}, ${amount.toFixed(2)}::numeric, 1)
    ON CONFLICT ("fundId", year, month, kind, reversal, category, "reportingOrgId")
    DO UPDATE SET amount = "LedgerTotal".amount + EXCLUDED.amount, count = "LedgerTotal".count + 1`;
  locked.balance = balanceAfter;
  locked.entryCount = seq;
  locked.openingBalance = openingBalance;
  record({ action: `fund.entry.${lower(input.kind)}`, entityType: "LedgerEntry", entityId: entry.id, after: entry });
  return entry;
}

/** The acting user's id; fund postings always name who recorded them. */
export function actorIdOf(ctx: RequestContext): number {
  if (!ctx.actor) throw new Error("fund postings need an acting user (ctx.actor)");
  return ctx.actor.id;
}

/** Idempotency key of a year's annual appropriation (one per fund and year). */
export function appropriationKey(fundId: number, year: number): string {
  return `appropriation:${fundId}:${year}`;
}

/**
 * Make sure `year` of fund `fundId` is opened: create the FundYear row when
 * missing and post the annual APPROPRIATION its kind supplies
 * (FundKindDefinition.annualInflow; the rights protection fund: the policy in
 * force on 1 January, 第十一条/第十三条 city 300,000, district/county/pilot
 * zone 100,000 — policy data). Locks the year. Callers that also lock an earlier
 * year must lock it first. Idempotent under concurrency: when another
 * transaction opens the same year at the same time, this call waits for it on
 * the row and returns `opened: false` (no second appropriation, no error).
 * @returns the locked year and whether this call opened it
 * @throws DomainError fund.yearOutOfRange | fund.laterYearSettled | the kind's own
 *   (rights protection: policy.missing | fund.noAppropriation)
 */
export async function ensureYearOpened(tx: Tx, record: RecordAudit, fundId: number, year: number, today: Date, actorId: number) {
  const fund = await tx.fund.findUniqueOrThrow({ where: { id: fundId }, select: { kind: true, organization: { select: { type: true } } } });
  const kind = fundKind(fund.kind);
  assertOpenableYear(year, today, kind.firstYear);
  const existing = await lockYear(tx, fundId, year);
  if (existing && existing.entryCount > 0) return { locked: existing, opened: false };
  const later = await tx.fundYear.findUnique({ where: { fundId_year: { fundId, year: year + 1 } }, select: { status: true } });
  if (later?.status === "SETTLED") throw new DomainError("fund.laterYearSettled", { year, next: year + 1 }, 409);
  const inflow = await kind.annualInflow(tx, { orgType: fund.organization.type, year });
  const amount = positiveYuan(inflow.amount);
  await tx.$executeRaw`INSERT INTO "FundYear" ("fundId", year) VALUES (${fundId}, ${year}) ON CONFLICT ("fundId", year) DO NOTHING`;
  const locked = existing ?? (await lockOpenedYear(tx, fundId, year));
  // A concurrent request may have opened the year between our first look (no
  // row yet, nothing to lock) and the INSERT above, which then waited for it and
  // did nothing. The row lock now shows its committed entries: the year is open,
  // so answer "not opened by this call" instead of posting a second
  // appropriation (unique idempotency key / seq → a 500).
  if (!existing && locked.entryCount > 0) return { locked, opened: false };
  if (!existing) record({ action: "fund.year.open", entityType: "FundYear", entityId: locked.id, after: { fundId, year, status: locked.status } });
  await postEntry(
    tx,
    record,
    locked,
    {
      kind: "APPROPRIATION",
      amount,
      entryDate: yearStart(year),
      createdById: actorId,
      idempotencyKey: appropriationKey(fundId, year),
      memo: inflow.memo,
    },
    today,
  );
  return { locked, opened: true };
}

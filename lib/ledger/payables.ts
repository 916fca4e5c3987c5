/**
 * Payables: money a source is owed, paid by the ledger (payout.ts). A source
 * feature schedules them (e.g. on an application's approval) and may cancel
 * SCHEDULED ones; only the ledger sets PAID, and nothing here touches a PAID row.
 */
import type { Tx } from "@/lib/db";
import type { RecordAudit } from "@/lib/audit/writer";
import { ConflictError } from "@/lib/errors";
import type { PayableKind } from "@/lib/generated/prisma/enums";
import { positiveYuan } from "./rules/amounts";
import { fundKind } from "./kinds";

/** The source a payable is owed for (a registered source type, lib/ledger/sources.ts). */
export type SourceRef = { sourceType: string; sourceId: number };
/** Who is paid: a person or an organisation (vitality project money is paid to unions). */
export type Payee = { userId: number } | { orgId: number };

/** One payable to schedule. Amounts in yuan; dates are UTC-midnight calendar dates. */
export type PayableSpec = {
  kind: PayableKind;
  /** 1..n; unique per source */
  instalmentNo: number;
  periodStart: Date;
  periodEnd?: Date | null;
  dueOn: Date;
  amount: { toString(): string };
  /** the monthly rate the amount comes from (an instalment), yuan/month */
  rate?: { toString(): string } | null;
};

/**
 * Create the SCHEDULED payables of `source` in fund `fundId` (inside the
 * source's transaction), each audited as payable.schedule.
 * @param input.category reporting category (the fund kind's, e.g. the article "ART16")
 * @param input.reportingOrgId reporting organisation (e.g. the district/industrial union)
 * @returns the created rows
 * @throws DomainError fund.amountInvalid (an amount ≤ 0 or with more than 2 decimals);
 *   Error when `category` is not one of the fund kind's categories (a programming error)
 */
export async function schedulePayables(
  tx: Tx,
  record: RecordAudit,
  input: { source: SourceRef; fundId: number; category: string; reportingOrgId: number | null; payee: Payee; payables: readonly PayableSpec[] },
) {
  const fund = await tx.fund.findUniqueOrThrow({ where: { id: input.fundId }, select: { kind: true } });
  if (!fundKind(fund.kind).categories.includes(input.category)) throw new Error(`payable category ${input.category} is not one of fund kind ${fund.kind}'s`);
  const payee = "userId" in input.payee ? { payeeUserId: input.payee.userId } : { payeeOrgId: input.payee.orgId };
  const created = await tx.payable.createManyAndReturn({
    data: input.payables.map((p) => ({
      ...input.source,
      ...payee,
      fundId: input.fundId,
      category: input.category,
      reportingOrgId: input.reportingOrgId,
      kind: p.kind,
      instalmentNo: p.instalmentNo,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd ?? null,
      dueOn: p.dueOn,
      amount: positiveYuan(p.amount).toFixed(2),
      rate: p.rate ? positiveYuan(p.rate).toFixed(2) : null,
    })),
  });
  for (const p of created) record({ action: "payable.schedule", entityType: "Payable", entityId: p.id, after: p });
  return created;
}

/** The payables of one source, by instalment, with their fund's name. */
export function payablesOf(client: Tx, source: SourceRef) {
  return client.payable.findMany({
    where: { sourceType: source.sourceType, sourceId: source.sourceId },
    orderBy: { instalmentNo: "asc" },
    include: { fund: { select: { name: true, organizationId: true } } },
  });
}

/**
 * Cancel one SCHEDULED payable the source decided can no longer be paid
 * (audited as payable.cancel), guarded by the version the caller read.
 * @throws ConflictError `conflictCode` when the payable changed meanwhile (paid, cancelled, newer version)
 */
export async function cancelPayable(
  tx: Tx,
  record: RecordAudit,
  payable: { id: number; version: number } & Record<string, unknown>,
  reason: string,
  conflictCode = "conflict",
): Promise<void> {
  const done = await tx.payable.updateMany({
    where: { id: payable.id, status: "SCHEDULED", version: payable.version },
    data: { status: "CANCELLED", cancelReason: reason, version: { increment: 1 } },
  });
  if (done.count === 0) throw new ConflictError(conflictCode);
  record({ action: "payable.cancel", entityType: "Payable", entityId: payable.id, before: payable, after: { ...payable, status: "CANCELLED", cancelReason: reason, version: payable.version + 1 } });
}

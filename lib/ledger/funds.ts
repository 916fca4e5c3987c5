/**
 * Which fund exists for which union body: one per organisation and kind. The
 * kind says which organisation types hold one (lib/ledger/kinds.ts; the
 * rights protection fund: 区市县工会以上工会领导机关, 《办法》第十一条).
 */
import type { Tx } from "@/lib/db";
import type { RecordAudit } from "@/lib/audit/writer";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { FundKind } from "@/lib/generated/prisma/enums";
import { pathIds } from "@/lib/org/tree";
import { fundKind } from "./kinds";

/**
 * The fund of kind `kind` of organisation `organizationId`, created (and
 * audited as fund.create) on first use. Call inside `mutate()`.
 * @throws NotFoundError unknown organisation; DomainError fund.notHolder when the
 *   organisation's type holds no fund of this kind (rights protection: below district level, 第十一条)
 */
export async function fundFor(tx: Tx, record: RecordAudit, input: { organizationId: number; kind: FundKind }) {
  const { organizationId, kind } = input;
  const existing = await tx.fund.findUnique({ where: { organizationId_kind: { organizationId, kind } } });
  if (existing) return existing;
  const org = await tx.organization.findUnique({ where: { id: organizationId } });
  if (!org) throw new NotFoundError();
  const definition = fundKind(kind);
  if (!definition.holderTypes.has(org.type)) throw new DomainError("fund.notHolder", { name: org.name });
  const fund = await tx.fund.create({ data: { organizationId, kind, ...definition.naming(org) } });
  record({ action: "fund.create", entityType: "Fund", entityId: fund.id, after: fund });
  return fund;
}

/**
 * The upper union's fund of fund `fundId`: the fund of the same kind of the
 * nearest ancestor whose type holds one (created on first use, audited).
 * @throws DomainError fund.noUpperFund (e.g. the city federation has no upper union here)
 */
export async function upperFundOf(tx: Tx, record: RecordAudit, fundId: number) {
  const fund = await tx.fund.findUniqueOrThrow({ where: { id: fundId }, include: { organization: { select: { path: true } } } });
  const holders = fundKind(fund.kind).holderTypes;
  const ancestorIds = pathIds(fund.organization.path).slice(0, -1).reverse();
  const ancestors = await tx.organization.findMany({ where: { id: { in: ancestorIds } }, select: { id: true, type: true } });
  for (const id of ancestorIds) {
    const org = ancestors.find((o) => o.id === id);
    if (org && holders.has(org.type)) return fundFor(tx, record, { organizationId: org.id, kind: fund.kind });
  }
  throw new DomainError("fund.noUpperFund", {}, 409);
}

/**
 * Which rights protection fund exists for which union body (art. 11: funds are
 * set up by union leading bodies at district/county level and above).
 */
import type { Tx } from "@/lib/db";
import type { RecordAudit } from "@/lib/audit/writer";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { OrgType } from "@/lib/generated/prisma/enums";

/** Union bodies that hold a fund (art. 11 "区市县工会以上工会领导机关"). */
export const FUND_HOLDER_TYPES: ReadonlySet<OrgType> = new Set(["CITY_FEDERATION", "DISTRICT_FEDERATION", "PILOT_ZONE_FEDERATION"]);

/**
 * The fund of organisation `organizationId`, created (and audited) on first use.
 * Call inside `mutate()`.
 * @throws NotFoundError unknown organisation; DomainError fund.notHolder when the
 *   organisation is below district level (it cannot hold a fund, art. 11)
 */
export async function fundForOrg(tx: Tx, record: RecordAudit, organizationId: number) {
  const existing = await tx.fund.findUnique({ where: { organizationId } });
  if (existing) return existing;
  const org = await tx.organization.findUnique({ where: { id: organizationId } });
  if (!org) throw new NotFoundError();
  if (!FUND_HOLDER_TYPES.has(org.type)) throw new DomainError("fund.notHolder", { name: org.name });
  const fund = await tx.fund.create({
    data: { organizationId, name: `${org.name}基层工会干部权益保障基金`, accountSubject: "基层工会干部权益保障基金" },
  });
  record({ action: "fund.create", entityType: "Fund", entityId: fund.id, after: fund });
  return fund;
}

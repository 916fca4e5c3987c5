/**
 * Fixtures of the fund tests: a fresh city → districts tree (unique codes),
 * an office user, the funds, and approved applications with payables created directly
 * with Prisma (independent of the applications feature's code).
 */
import { mutate } from "@/lib/audit/writer";
import { db } from "@/lib/db";
import type { AidArticle, PayableKind } from "@/lib/generated/prisma/enums";
import { fundFor } from "@/lib/ledger/funds";
import { APPLICATION_SOURCE } from "@/lib/applications/ledger-source";
import { actorOf, createTree, createUser, ctxOf, ensurePolicy, uniq } from "../helpers/fixtures";


/** A tree with an office, a leading-group member and a cadre, and the three funds. */
export async function fundWorld() {
  const tree = await createTree();
  const policy = await ensurePolicy();
  const office = await createUser(tree.city.id, ["LEADING_GROUP_OFFICE"]);
  const leader = await createUser(tree.city.id, ["LEADING_GROUP_MEMBER"]);
  const cadre = await createUser(tree.grassroots.id, ["CADRE"], { position: "CHAIRPERSON", fullTime: true });
  const ctx = ctxOf(actorOf(office));
  const funds = await mutate(ctx, async (tx, record) => ({
    city: await fundFor(tx, record, { organizationId: tree.city.id, kind: "RIGHTS_PROTECTION" }),
    district: await fundFor(tx, record, { organizationId: tree.district.id, kind: "RIGHTS_PROTECTION" }),
    otherDistrict: await fundFor(tx, record, { organizationId: tree.otherDistrict.id, kind: "RIGHTS_PROTECTION" }),
  }));
  return { tree, policy, office, leader, cadre, ctx, funds };
}
export type FundWorld = Awaited<ReturnType<typeof fundWorld>>;

export type PayableSpec = { amount: string; periodStart: string; dueOn?: string; kind?: PayableKind; wageRate?: string };

/**
 * An APPROVED application of `article` (approved by the leading-group member, with its
 * review record) and its SCHEDULED payables in fund `fundId`.
 */
export async function approvedApplication(world: FundWorld, article: AidArticle, fundId: number, payables: PayableSpec[], extra: { reemployedOn?: string } = {}) {
  const application = await db().application.create({
    data: {
      number: uniq("DLGH"),
      applicantId: world.cadre.id,
      organizationId: world.tree.grassroots.id,
      reportingOrgId: world.tree.district.id,
      policyVersionId: world.policy.id,
      position: "CHAIRPERSON",
      fullTime: true,
      article,
      eventType: article === "ART17" ? "CONTRACT_TERMINATED" : "RETALIATION",
      eventDate: new Date("2020-01-10T00:00:00Z"),
      eventDescription: "测试事件",
      harmDescription: "测试损害",
      status: "APPROVED",
      decisionPath: "LEADING_GROUP",
      decidedAt: new Date(),
      reemployedOn: extra.reemployedOn ? new Date(`${extra.reemployedOn}T00:00:00Z`) : null,
    },
  });
  await db().reviewRecord.create({
    data: { applicationId: application.id, stage: "LEADING_GROUP", action: "APPROVE", round: 0, opinion: "同意", actorId: world.leader.id, actorOrgId: world.tree.city.id },
  });
  const rows = [];
  for (const [i, p] of payables.entries()) {
    const kind = p.kind ?? (article === "ART17" ? "MONTHLY_SUPPORT" : "ONE_OFF");
    rows.push(
      await db().payable.create({
        data: {
          sourceType: APPLICATION_SOURCE,
          sourceId: application.id,
          fundId,
          kind,
          category: article,
          reportingOrgId: application.reportingOrgId,
          payeeUserId: application.applicantId,
          instalmentNo: i + 1,
          periodStart: new Date(`${p.periodStart}T00:00:00Z`),
          amount: p.amount,
          rate: p.wageRate ?? (kind === "MONTHLY_SUPPORT" ? p.amount : null),
          dueOn: new Date(`${p.dueOn ?? p.periodStart}T00:00:00Z`),
        },
      }),
    );
  }
  return { application, payables: rows };
}

/** A UTC-midnight date from "YYYY-MM-DD". */
export const day = (s: string) => new Date(`${s}T00:00:00.000Z`);

/** Stored balance of a fund-year, yuan string. */
export async function balanceOf(fundId: number, year: number): Promise<string> {
  const y = await db().fundYear.findUniqueOrThrow({ where: { fundId_year: { fundId, year } } });
  return y.balance.toFixed(2);
}

/** Σ entries of a fund-year, yuan string (what the stored balance must equal). */
export async function entrySum(fundId: number, year: number): Promise<string> {
  const [row] = await db().$queryRaw<{ s: string }[]>`SELECT COALESCE(SUM(amount), 0)::numeric(14,2)::text AS s FROM "LedgerEntry" WHERE "fundId" = ${fundId} AND year = ${year}`;
  return row!.s;
}

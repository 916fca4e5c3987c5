/**
 * Demo data of the rights protection fund (《办法》第十一条至第十四条), made
 * through the fund services (audited), recorded by the demo office account:
 * - a fund for the city federation and every district/county/pilot-zone
 *   federation (fundFor, 第十一条);
 * - last year opened with its appropriation (300,000 / 100,000 from the
 *   policy), a subsidy from the city to 中山区 and a top-up for 西岗区;
 * - last year settled (第十四条), which opens this year with the rollover
 *   and this year's appropriation (第十一条).
 * Independent of the applications step's order: funds already created by it are
 * reused; a fund whose settlement is blocked (e.g. a payable of last year
 * still unpaid) keeps last year open and gets this year opened directly.
 */
import { actorFromUser } from "@/lib/authz/actor";
import { randomUUID } from "node:crypto";
import { mutate, type RequestContext } from "@/lib/audit/writer";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { fundFor } from "@/lib/ledger/funds";
import { FUND_HOLDER_TYPES, RIGHTS_PROTECTION } from "@/lib/fund/kind";
import { APPLICATION_SOURCE } from "@/lib/applications/ledger-source";
import { payPayable } from "@/lib/ledger/payout";
import { DEFAULT_PAYMENT_METHOD } from "@/lib/ledger/methods";
import { createFundRequest, decideFundRequest } from "@/lib/ledger/requests";
import { settleYear } from "@/lib/ledger/settlement";
import { todayInChina, yearOf } from "@/lib/dates";
import { openFundYear } from "@/lib/ledger/years";
import type { SeedStep } from "./steps";

/** Run `work`, treating a refusal by the rules (DomainError) as "skip" with a log line. */
async function tolerate(what: string, work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.log(`  fund seed: ${what} skipped (${error.code})`);
    return false;
  }
}

async function seedFund(systemCtx: RequestContext) {
  const office = await db().user.findFirst({
    where: { roles: { has: "LEADING_GROUP_OFFICE" }, organization: { type: "CITY_FEDERATION" }, disabled: false },
    include: { organization: true },
    orderBy: { id: "asc" },
  });
  if (!office) {
    console.log("  fund seed: no leading-group office account — funds not seeded");
    return;
  }
  const ctx: RequestContext = {
    actor: actorFromUser(office),
    requestId: systemCtx.requestId || randomUUID(),
  };

  const holders = await db().organization.findMany({ where: { type: { in: [...FUND_HOLDER_TYPES] }, active: true }, orderBy: [{ depth: "asc" }, { id: "asc" }] });
  const missing = await db().organization.findMany({ where: { id: { in: holders.map((o) => o.id) }, funds: { none: { kind: RIGHTS_PROTECTION } } }, select: { id: true } });
  if (missing.length) {
    await mutate(ctx, async (tx, record) => {
      for (const org of missing) await fundFor(tx, record, { organizationId: org.id, kind: RIGHTS_PROTECTION });
    });
  }
  const funds = await db().fund.findMany({ where: { kind: RIGHTS_PROTECTION, organizationId: { in: holders.map((o) => o.id) } }, include: { organization: true }, orderBy: { id: "asc" } });
  const year = yearOf(todayInChina());
  const last = year - 1;

  for (const fund of funds) await tolerate(`open ${last} for ${fund.organization.name}`, () => openFundYear(ctx, { fundId: fund.id, year: last }));

  const byCode = (code: string) => funds.find((f) => f.organization.code === code);
  const zhongshan = byCode("DL-ZS");
  if (zhongshan) {
    await tolerate("subsidy for 中山区", async () => {
      const { id } = await createFundRequest(ctx, { fundId: zhongshan.id, year: last, kind: "SUBSIDY", amount: "20000.00", reason: "本级工会经费困难，申请市总工会补助（演示数据）" });
      await decideFundRequest(ctx, { requestId: id, approve: true, note: "经市总工会主席办公会议研究同意补助（演示数据）", postedOn: new Date(`${last}-06-30T00:00:00Z`) });
    });
  }
  const xigang = byCode("DL-XG");
  if (xigang) {
    await tolerate("top-up for 西岗区", async () => {
      const { id } = await createFundRequest(ctx, { fundId: xigang.id, year: last, kind: "TOP_UP", amount: "10000.00", reason: "下半年援助支出增加，申请追加拨款（演示数据）" });
      await decideFundRequest(ctx, { requestId: id, approve: true, note: "经西岗区总工会主席办公会议研究同意追加（演示数据）", postedOn: new Date(`${last}-09-15T00:00:00Z`) });
    });
  }

  // City first: a subsidy request addressed to the city fund would block it, districts after.
  for (const fund of funds) {
    const settled = await tolerate(`settle ${last} for ${fund.organization.name}`, () => settleYear(ctx, { fundId: fund.id, year: last }));
    if (!settled) await tolerate(`open ${year} for ${fund.organization.name}`, () => openFundYear(ctx, { fundId: fund.id, year }));
  }
  console.log(`  fund seed: ${funds.length} funds, ${last} settled with rollover into ${year}`);
}

export const fundSeedStep: SeedStep = { name: "fund (rights protection fund, art. 11–14)", run: seedFund };

/**
 * A few payouts of the demo applications (after the applications step), so the dashboard and
 * the auditors' reports show money going out: the 中山区 fast-tracked subsidy
 * (its district fund) and the first due art. 17 instalment (the city fund).
 * The approved art. 16 application of `cadre` and the later instalments stay unpaid
 * for the office to try. Through payPayable (audited, idempotent).
 */
async function seedPayouts(systemCtx: RequestContext) {
  const office = await db().user.findFirst({
    where: { roles: { has: "LEADING_GROUP_OFFICE" }, organization: { type: "CITY_FEDERATION" }, disabled: false },
    include: { organization: true },
    orderBy: { id: "asc" },
  });
  if (!office) return;
  const ctx: RequestContext = { actor: actorFromUser(office), requestId: systemCtx.requestId || randomUUID() };
  const today = todayInChina();
  const demo = await db().application.findMany({ where: { isDemo: true }, select: { id: true, decisionPath: true } });
  const fastTracked = demo.filter((a) => a.decisionPath === "CHAIRPERSON_MEETING").map((a) => a.id);
  const due = await db().payable.findMany({
    where: {
      sourceType: APPLICATION_SOURCE,
      sourceId: { in: demo.map((a) => a.id) },
      status: "SCHEDULED",
      dueOn: { lte: today },
      OR: [{ sourceId: { in: fastTracked } }, { kind: "MONTHLY_SUPPORT", instalmentNo: 1 }],
    },
    orderBy: { id: "asc" },
  });
  for (const p of due) {
    await tolerate(`payout of payable ${p.id}`, () =>
      payPayable(ctx, { payableId: p.id, payableVersion: p.version, paidOn: today, method: DEFAULT_PAYMENT_METHOD, reference: `演示-${p.id}`, memo: "演示数据" }),
    );
  }
}

export const payoutSeedStep: SeedStep = { name: "fund payouts (demo, art. 15–17)", run: seedPayouts };

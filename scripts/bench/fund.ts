/**
 * Fund ledger benchmark (`npm run bench -- fund`), on a fresh migrated database:
 * 1,000,000 ledger entries across 15 funds × 10 years, inserted in bulk
 * (INSERT … SELECT generate_series) with consistent seq, balanceAfter,
 * rollovers and FundYear balances; then p50/p95 of the auditor's year report
 * (lib/fund/year-report yearReport) and the time of settling every fund's last
 * year (lib/ledger/settlement settleAllFunds). Targets: report p95 ≤ 50 ms,
 * settlement of all funds ≤ 1 s. Prints figures; asserts nothing.
 */
import { actorFromUser } from "@/lib/authz/actor";
import { performance } from "node:perf_hooks";
import { db, disconnectDb } from "@/lib/db";
import { systemContext } from "@/lib/audit/writer";
import { insertOrganization } from "@/lib/org/service";
import { ledgerEntries, listFunds } from "@/lib/fund/queries";
import { yearReport } from "@/lib/fund/year-report";
import { settleAllFunds } from "@/lib/ledger/settlement";
import { verifyLedger } from "@/lib/ledger/verify";
import { todayInChina, yearOf } from "@/lib/dates";
import { DEFAULT_PAYMENT_METHOD } from "@/lib/ledger/methods";
import { RIGHTS_PROTECTION, rightsProtectionFund } from "@/lib/fund/kind";
import { APPLICATION_SOURCE } from "@/lib/applications/ledger-source";
import "@/lib/plugins";

const FUNDS = 15; // the city federation + 14 district federations
const YEARS = 10;
const TOTAL = 1_000_000;
const PER_YEAR = Math.floor(TOTAL / (FUNDS * YEARS)); // 6,666 per fund-year …
const EXTRA_FUNDS = (TOTAL - PER_YEAR * FUNDS * YEARS) / YEARS; // … and one more in 10 of the 15 funds each year: exactly 1,000,000
const APPLICATIONS = 2_000;
const ITERATIONS = 200;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timeIt(label: string, iterations: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await fn(i); // warm-up (plans, pool)
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  console.log(`${label}: p50 ${percentile(samples, 50).toFixed(1)} ms · p95 ${percentile(samples, 95).toFixed(1)} ms · max ${samples.at(-1)!.toFixed(1)} ms (${iterations} runs)`);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function setup() {
  const ctx = systemContext("bench");
  const orgs = await db().$transaction(async (tx) => {
    const city = await insertOrganization(tx, { code: "B-CITY", name: "基准市总工会", type: "CITY_FEDERATION", parentId: null });
    const districts = [];
    for (let i = 1; i < FUNDS; i++) districts.push(await insertOrganization(tx, { code: `B-D${i}`, name: `基准第${i}区总工会`, type: "DISTRICT_FEDERATION", parentId: city.id }));
    const grassroots = await insertOrganization(tx, { code: "B-G1", name: "基准企业工会", type: "GRASSROOTS_UNION", parentId: districts[0]!.id });
    return { city, districts, grassroots };
  });
  const office = await db().user.create({
    data: { username: "bench.office", displayName: "基准办公室", passwordHash: "-", organizationId: orgs.city.id, roles: ["LEADING_GROUP_OFFICE"] },
    include: { organization: true },
  });
  const cadre = await db().user.create({ data: { username: "bench.cadre", displayName: "基准申请人", passwordHash: "-", organizationId: orgs.grassroots.id, roles: ["CADRE"] } });
  const policy = await db().policyVersion.create({
    data: {
      code: "BENCH",
      title: "基准政策",
      effectiveFrom: new Date("2008-09-18T00:00:00Z"),
      unfairTreatmentSubsidyMin: "1000",
      unfairTreatmentSubsidyMax: "3000",
      retaliationSubsidyMax: "3000",
      minimumWageSupportMaxMonths: 6,
      cityFundAnnual: "300000.00",
      districtFundAnnual: "100000.00",
    },
  });
  const holders = [orgs.city, ...orgs.districts];
  for (const org of holders) await db().fund.create({ data: { organizationId: org.id, kind: RIGHTS_PROTECTION, ...rightsProtectionFund.naming(org) } });
  await db().$executeRawUnsafe(`
    INSERT INTO "Application" (number, "applicantId", "organizationId", "reportingOrgId", "policyVersionId", position, "fullTime",
      article, "eventType", "eventDate", "eventDescription", "harmDescription", status, "updatedAt")
    SELECT 'BENCH-' || lpad(g::text, 5, '0'), ${cadre.id}, ${orgs.grassroots.id}, ${orgs.districts[0]!.id}, ${policy.id}, 'CHAIRPERSON', true,
      (ARRAY['ART15','ART16','ART17'])[1 + g % 3]::"AidArticle", 'BENCH', DATE '2016-01-01', '基准', '基准', 'APPROVED', now()
    FROM generate_series(1, ${APPLICATIONS}) g`);
  return { ctx: { ...ctx, actor: actorFromUser(office) }, orgs, office };
}

/**
 * One year of every fund, in bulk. Entry k of a fund-year (k = 1..n):
 * k=1 ROLLOVER of last year's closing (later years), then APPROPRIATION
 * (300,000 city / 100,000 district), then every 10th entry a TOP_UP of
 * 20,000 and the others DISBURSEMENTs of 1,000–2,000 yuan (art. 15/16/17
 * cycling) — each block of 10 nets ≥ +2,000, so the balance never goes below zero.
 */
async function insertYear(year: number, first: boolean, last: boolean, officeId: number, cityFundId: number) {
  const count = PER_YEAR;
  const shift = first ? 0 : 1;
  await db().$executeRawUnsafe(`
    INSERT INTO "FundYear" ("fundId", year, status) SELECT id, ${year}, '${last ? "OPEN" : "SETTLED"}' FROM "Fund"`);
  await db().$executeRawUnsafe(`
    WITH districts AS (SELECT array_agg(o.id ORDER BY o.id) AS ids FROM "Organization" o WHERE o.type = 'DISTRICT_FEDERATION'),
    apps AS (SELECT array_agg(a.id ORDER BY a.id) AS ids FROM "Application" a),
    gen AS (
      SELECT f.id AS "fundId", f."organizationId", g AS seq,
        CASE
          WHEN ${shift} = 1 AND g = 1 THEN 'ROLLOVER'
          WHEN g = 1 + ${shift} THEN 'APPROPRIATION'
          WHEN g % 10 = 0 THEN 'TOP_UP'
          ELSE 'DISBURSEMENT'
        END AS kind,
        CASE
          WHEN ${shift} = 1 AND g = 1 THEN (SELECT y.balance FROM "FundYear" y WHERE y."fundId" = f.id AND y.year = ${year - 1})
          WHEN g = 1 + ${shift} THEN CASE WHEN f.id = ${cityFundId} THEN 300000.00 ELSE 100000.00 END
          WHEN g % 10 = 0 THEN 20000.00
          ELSE -(1000 + ((g * 37 + f.id * 11 + ${year}) % 1001))::numeric(14,2)
        END AS amount,
        (DATE '${year}-01-01' + ((g::bigint * 364) / (${count} + 1))::int) AS "entryDate"
      FROM "Fund" f CROSS JOIN LATERAL generate_series(1, ${count} + CASE WHEN f.id - (SELECT MIN(id) FROM "Fund") < ${EXTRA_FUNDS} THEN 1 ELSE 0 END) g
    )
    INSERT INTO "LedgerEntry" ("fundId", year, seq, kind, amount, "balanceAfter", "entryDate", "sourceType", "sourceId", category, "reportingOrgId",
      method, memo, "createdById", "approvedById", "idempotencyKey")
    SELECT g."fundId", ${year}, g.seq, g.kind::"LedgerKind", g.amount,
      SUM(g.amount) OVER (PARTITION BY g."fundId" ORDER BY g.seq),
      g."entryDate",
      CASE WHEN g.kind = 'DISBURSEMENT' THEN '${APPLICATION_SOURCE}' END,
      CASE WHEN g.kind = 'DISBURSEMENT' THEN apps.ids[1 + (g.seq + g."fundId" * 7) % ${APPLICATIONS}] END,
      CASE WHEN g.kind = 'DISBURSEMENT' THEN (ARRAY['ART15','ART16','ART17'])[1 + (g.seq + g."fundId" * 7) % 3] END,
      CASE WHEN g.kind = 'DISBURSEMENT' THEN
        CASE WHEN g."fundId" = ${cityFundId} THEN districts.ids[1 + g.seq % array_length(districts.ids, 1)] ELSE g."organizationId" END
      END,
      CASE WHEN g.kind = 'DISBURSEMENT' THEN '${DEFAULT_PAYMENT_METHOD}' END,
      CASE g.kind WHEN 'ROLLOVER' THEN '上年滚存' WHEN 'APPROPRIATION' THEN '预算拨款' WHEN 'TOP_UP' THEN '追加拨款' ELSE '援助支出' END,
      ${officeId},
      CASE WHEN g.kind IN ('DISBURSEMENT', 'TOP_UP') THEN ${officeId} END,
      CASE WHEN g.kind = 'APPROPRIATION' THEN 'appropriation:' || g."fundId" || ':' || ${year} END
    FROM gen g CROSS JOIN districts CROSS JOIN apps`);
  // The report totals, as postEntry maintains them (no reversals in this data).
  await db().$executeRawUnsafe(`
    INSERT INTO "LedgerTotal" ("fundId", year, month, kind, reversal, category, "reportingOrgId", amount, count)
    SELECT "fundId", year, EXTRACT(MONTH FROM "entryDate")::int, kind, false, COALESCE(category, ''), COALESCE("reportingOrgId", 0), SUM(amount), COUNT(*)
    FROM "LedgerEntry" WHERE year = ${year} GROUP BY 1, 2, 3, 4, 5, 6, 7`);
  await db().$executeRawUnsafe(`
    UPDATE "FundYear" y SET balance = s.total, "entryCount" = s.n,
      "openingBalance" = s.rollover,
      "closingBalance" = CASE WHEN y.status = 'SETTLED' THEN s.total END,
      "settledAt" = CASE WHEN y.status = 'SETTLED' THEN TIMESTAMPTZ '${year + 1}-01-10 10:00:00+08' END,
      "settledById" = CASE WHEN y.status = 'SETTLED' THEN ${officeId} END
    FROM (SELECT "fundId", SUM(amount) AS total, COUNT(*)::int AS n, COALESCE(SUM(amount) FILTER (WHERE kind = 'ROLLOVER'), 0) AS rollover
          FROM "LedgerEntry" WHERE year = ${year} GROUP BY "fundId") s
    WHERE y."fundId" = s."fundId" AND y.year = ${year}`);
}

async function main() {
  const lastYear = yearOf(todayInChina()) - 1; // ended, so it can be settled
  const firstYear = lastYear - YEARS + 1;
  const started = performance.now();
  const { ctx, orgs, office } = await setup();
  const cityFund = await db().fund.findUniqueOrThrow({ where: { organizationId_kind: { organizationId: orgs.city.id, kind: RIGHTS_PROTECTION } } });
  for (let y = firstYear; y <= lastYear; y++) await insertYear(y, y === firstYear, y === lastYear, office.id, cityFund.id);
  await db().$executeRawUnsafe(`VACUUM ANALYZE "LedgerEntry"`);
  await db().$executeRawUnsafe(`VACUUM ANALYZE "FundYear"`);
  await db().$executeRawUnsafe(`VACUUM ANALYZE "LedgerTotal"`);
  const entries = await db().ledgerEntry.count();
  console.log(`seeded ${entries.toLocaleString("en")} ledger entries across ${FUNDS} funds × ${YEARS} years (${firstYear}–${lastYear}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const verifyStart = performance.now();
  const check = await verifyLedger(db());
  console.log(`ledger:verify on the bench data: ${check.ok ? "consistent" : "INCONSISTENT"} (${check.years.length} fund-years) in ${((performance.now() - verifyStart) / 1000).toFixed(1)} s`);

  const funds = await listFunds(ctx.actor, lastYear);
  const years = Array.from({ length: YEARS }, (_, i) => firstYear + i);
  const fundReport = await timeIt("auditor's year report, one fund (balance sheet, by article, by district, monthly burn, runway)", ITERATIONS, (i) =>
    yearReport([funds[i % funds.length]!], years[i % years.length]!),
  );
  await timeIt("  first ledger page of a fund-year (100 entries with application, district, approver)", ITERATIONS, (i) =>
    ledgerEntries(funds[i % funds.length]!.fundId, years[i % years.length]!, { fromSeq: 1, toSeq: 101 }),
  );
  await timeIt("  year summary of all 15 funds (annual report, 第十四条)", 50, (i) => yearReport(funds, years[i % years.length]!));

  const settleStart = performance.now();
  const settled = await settleAllFunds(ctx, { year: lastYear, kind: RIGHTS_PROTECTION });
  const settleMs = performance.now() - settleStart;
  console.log(`annual settlement of every fund (${lastYear} → ${lastYear + 1}, rollover + appropriation): ${settleMs.toFixed(0)} ms for ${settled.settled.length} funds (${settled.refused.length} refused)`);
  const after = await verifyLedger(db());
  console.log(`ledger:verify after settlement: ${after.ok ? "consistent" : "INCONSISTENT"}`);
  console.log(`targets: report p95 ${fundReport.p95.toFixed(1)} ms (≤ 50) ${fundReport.p95 <= 50 ? "met" : "MISSED"} · settlement ${settleMs.toFixed(0)} ms (≤ 1000) ${settleMs <= 1000 ? "met" : "MISSED"}`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());

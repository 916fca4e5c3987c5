/**
 * Applications benchmark (`npm run bench -- applications`), on a fresh migrated database:
 * the Dalian demo tree and policy data, 100,000 applications (bulk SQL:
 * INSERT … SELECT generate_series, spread over every grassroots union, state,
 * stage and article, a share of them overdue) with ~250,000 review records,
 * plus a few applications walked through the whole chain by the services. Then the
 * p50/p95 server time of the office's review queue (first page, filtered,
 * sorted — lib/applications/queries reviewQueue) and of the application page loader
 * (loadApplicationPage). Target p95 ≤ 50 ms. Prints figures; asserts nothing.
 */
import { actorFromUser } from "@/lib/authz/actor";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Actor } from "@/lib/authz/types";
import { systemContext } from "@/lib/audit/writer";
import { createDraft } from "@/lib/applications/drafts";
import { runApplicationCommand, type ApplicationCommandInput } from "@/lib/applications/commands";
import { addDays, todayInChina } from "@/lib/dates";
import { loadApplicationPage, reviewQueue, type QueueFilters } from "@/lib/applications/queries";
import { db, disconnectDb } from "@/lib/db";
import { yuan } from "@/lib/money";
import { NullSender, setNotificationSender } from "@/lib/notifications/sender";
import { importOrgFile } from "@/lib/org/import";
import { seedPolicy } from "../../prisma/seed/policy";
import "@/lib/plugins";

const APPLICATIONS = 100_000;
const ITERATIONS = 300;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timeIt(label: string, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await fn(i); // warm-up (plans, pool)
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  console.log(`${label}: p50 ${percentile(samples, 50).toFixed(1)} ms · p95 ${percentile(samples, 95).toFixed(1)} ms · max ${samples.at(-1)!.toFixed(1)} ms (${ITERATIONS} runs)`);
}

async function actor(username: string): Promise<Actor> {
  return actorFromUser(await db().user.findUniqueOrThrow({ where: { username }, include: { organization: true } }));
}

/** 100,000 applications and their review records in bulk, with the shape the services give them. */
async function bulkApplications() {
  const started = performance.now();
  // 1,000 extra applicants spread over the grassroots unions.
  await db().$executeRawUnsafe(`
    INSERT INTO "User" (username, "displayName", "passwordHash", "organizationId", roles, position, "fullTime", "updatedAt")
    SELECT 'bench.cadre.' || n, '基准申请人' || n, '-', g.id, ARRAY['CADRE']::"Role"[], 'CHAIRPERSON', true, now()
    FROM generate_series(1, 1000) n
    JOIN LATERAL (SELECT id FROM "Organization" WHERE type IN ('GRASSROOTS_UNION','JOINT_GRASSROOTS_UNION','REGIONAL_FEDERATION') ORDER BY id OFFSET (n % (SELECT count(*) FROM "Organization" WHERE type IN ('GRASSROOTS_UNION','JOINT_GRASSROOTS_UNION','REGIONAL_FEDERATION'))) LIMIT 1) g ON true`);
  // Reporting union = the parent of each grassroots union (a district/pilot-zone federation or an industrial union here).
  await db().$executeRawUnsafe(`
    WITH applicants AS (
      SELECT row_number() OVER (ORDER BY u.id) - 1 AS k, u.id AS user_id, u."organizationId" AS org_id, o."parentId" AS reporting_id
      FROM "User" u JOIN "Organization" o ON o.id = u."organizationId"
      WHERE u.username LIKE 'bench.cadre.%'
    ), n AS (SELECT s, ((s::bigint * 7919) % 100)::int AS r, ((s::bigint * 104729) % 1000)::int AS r2 FROM generate_series(1, ${APPLICATIONS}) s)
    INSERT INTO "Application" (number, "applicantId", "organizationId", "reportingOrgId", "policyVersionId", position, "fullTime",
      article, "eventType", "eventDate", "eventDescription", "harmDescription", "requestedAmount", "requestedMonths", "unemployedFrom",
      "bankName", "bankAccountName", "bankAccountNumber", status, stage, "returnRound", version, "submittedAt", "stageEnteredAt", "stageDueAt",
      "isDemo", "updatedAt")
    SELECT 'BENCH-' || lpad(n.s::text, 7, '0'), a.user_id, a.org_id, a.reporting_id, (SELECT id FROM "PolicyVersion" ORDER BY id LIMIT 1), 'CHAIRPERSON', true,
      art.article, art.event, current_date - (n.r2 % 700), '基准数据', '基准数据',
      CASE WHEN art.article = 'ART17' THEN NULL ELSE 1000 + (n.r2 % 2001) END,
      CASE WHEN art.article = 'ART17' THEN 1 + (n.s % 6) END,
      CASE WHEN art.article = 'ART17' THEN current_date - (n.r2 % 700) END,
      '基准银行', '基准', '6222000000000000',
      st.status::"ApplicationStatus", st.stage::"ApplicationStage", CASE WHEN st.status = 'RETURNED' THEN 1 ELSE 0 END, 3,
      CASE WHEN st.status = 'DRAFT' THEN NULL ELSE now() - ((n.r2 % 700) || ' days')::interval END,
      now() - ((n.s % 30) || ' days')::interval,
      CASE WHEN st.status = 'IN_REVIEW' THEN now() + (((n.s % 40) - 10) || ' days')::interval END,
      true, now()
    FROM n
    JOIN applicants a ON a.k = n.s % (SELECT count(*) FROM applicants)
    CROSS JOIN LATERAL (SELECT CASE n.s % 3 WHEN 0 THEN 'ART15' WHEN 1 THEN 'ART16' ELSE 'ART17' END::"AidArticle" AS article,
                               CASE n.s % 3 WHEN 0 THEN 'UNFAIR_TREATMENT_LOSS' WHEN 1 THEN 'REMOVAL' ELSE 'CONTRACT_TERMINATED' END AS event) art
    CROSS JOIN LATERAL (SELECT CASE WHEN n.r < 5 THEN 'DRAFT' WHEN n.r < 50 THEN 'IN_REVIEW' WHEN n.r < 55 THEN 'RETURNED'
                                    WHEN n.r < 85 THEN 'APPROVED' WHEN n.r < 95 THEN 'REJECTED' ELSE 'WITHDRAWN' END AS status,
                               CASE WHEN n.r < 5 THEN NULL ELSE (ARRAY['GRASSROOTS','DISTRICT','OFFICE','LEADING_GROUP'])[1 + (n.s / 3) % 4] END AS stage) st`);
  // 2–3 review records per submitted application.
  await db().$executeRawUnsafe(`
    INSERT INTO "ReviewRecord" ("applicationId", stage, action, round, opinion, "actorId", "actorOrgId", at)
    SELECT a.id, 'GRASSROOTS', k.action::"ReviewAction", 0, '基准意见', a."applicantId", a."organizationId", a."submittedAt" + (k.i || ' days')::interval
    FROM "Application" a CROSS JOIN (VALUES (0, 'SUBMIT'), (1, 'FORWARD')) k(i, action)
    WHERE a.number LIKE 'BENCH-%' AND a.status <> 'DRAFT'`);
  await db().$executeRawUnsafe(`
    INSERT INTO "ReviewRecord" ("applicationId", stage, action, round, opinion, "actorId", "actorOrgId", at)
    SELECT a.id, 'DISTRICT', 'FORWARD', 0, '基准核实意见', a."applicantId", a."reportingOrgId", a."submittedAt" + interval '5 days'
    FROM "Application" a WHERE a.number LIKE 'BENCH-%' AND a.stage IN ('OFFICE', 'LEADING_GROUP')`);
  await db().$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"Application"', 'id'), (SELECT max(id) FROM "Application"))`);
  // Steady state: autovacuum keeps the visibility map current, so queue counts are index-only scans.
  await db().$executeRawUnsafe(`VACUUM ANALYZE`);
  const [counts] = await db().$queryRawUnsafe<{ apps: bigint; reviews: bigint; office: bigint }[]>(
    `SELECT (SELECT count(*) FROM "Application") AS apps, (SELECT count(*) FROM "ReviewRecord") AS reviews,
            (SELECT count(*) FROM "Application" WHERE status = 'IN_REVIEW' AND stage = 'OFFICE') AS office`,
  );
  console.log(`seeded ${counts!.apps} applications, ${counts!.reviews} review records (${counts!.office} waiting at the office) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** A few applications walked through the whole chain by the services (audit, payables, notifications). */
async function realApplications(): Promise<number[]> {
  const who = Object.fromEntries(await Promise.all(["cadre", "cadre2", "grassroots", "grassroots2", "zs.reviewer", "xg.reviewer", "office", "leader"].map(async (u) => [u, await actor(u)] as const)));
  const ids: number[] = [];
  const step = async (a: Actor, id: number, command: ApplicationCommandInput["command"], extra: Partial<ApplicationCommandInput> = {}) => {
    const { version } = await db().application.findUniqueOrThrow({ where: { id }, select: { version: true } });
    await runApplicationCommand({ actor: a, requestId: "bench" }, { applicationId: id, version, command, opinion: "同意。", ...extra });
  };
  for (const [cadre, grassroots, district, article] of [
    ["cadre", "grassroots", "zs.reviewer", "ART16"],
    ["cadre2", "grassroots2", "xg.reviewer", "ART17"],
  ] as const) {
    const from = addDays(todayInChina(), -100);
    const { id } = await createDraft({ actor: who[cadre]!, requestId: "bench" }, {
      article,
      eventType: article === "ART17" ? "CONTRACT_TERMINATED" : "REMOVAL",
      eventDate: from,
      eventDescription: "基准真实案件",
      harmDescription: "基准",
      requestedAmount: article === "ART17" ? undefined : yuan("3000"),
      requestedMonths: article === "ART17" ? 6 : undefined,
      unemployedFrom: article === "ART17" ? from : undefined,
      phone: undefined,
      bankName: "基准银行",
      bankAccountName: "基准",
      bankAccountNumber: "6222000000000001",
    });
    await step(who[cadre]!, id, { type: "SUBMIT" }, { opinion: undefined });
    await step(who[grassroots]!, id, { type: "FORWARD", stage: "GRASSROOTS" });
    await step(who[district]!, id, { type: "FORWARD", stage: "DISTRICT" }, { verificationFindings: "属实", verifiedOn: todayInChina() });
    await step(who.office!, id, { type: "FORWARD", stage: "OFFICE" }, article === "ART17" ? { months: 6 } : { amount: yuan("3000") });
    await step(who.leader!, id, { type: "APPROVE", stage: "LEADING_GROUP", path: "LEADING_GROUP" }, article === "ART17" ? { months: 6 } : { amount: yuan("2500") });
    ids.push(id);
  }
  return ids;
}

async function main() {
  setNotificationSender(new NullSender());
  const ctx = systemContext("bench");
  await importOrgFile(ctx, JSON.parse(fs.readFileSync(path.join(process.cwd(), "prisma", "seed-data", "dalian.json"), "utf8")));
  await seedPolicy(ctx);
  const real = await realApplications();
  await bulkApplications();

  const office = await actor("office");
  const district = await actor("zs.reviewer");
  const filtered: QueueFilters = { view: "mine", article: "ART16", sort: "due", page: 1 };
  const first = await reviewQueue(office, filtered);
  console.log(`office queue (ART16, due first): ${first.total} applications, ${first.overdueTotal} overdue, page 1 has ${first.rows.length} rows`);
  await timeIt("office review queue — first page, article ART16, overdue first then by due date", () => reviewQueue(office, filtered));
  await timeIt("office review queue — first page, article ART17, overdue first then newest submitted", () => reviewQueue(office, { ...filtered, article: "ART17", sort: "submitted" }));
  await timeIt("office review queue — search by applicant name, by amount", () => reviewQueue(office, { ...filtered, q: "基准申请人42", sort: "amount" }));
  await timeIt("district review queue (中山区) — first page, all articles", () => reviewQueue(district, { view: "mine", sort: "due", page: 1 }));
  await timeIt("office, all visible applications — page 50, approved, by number", () => reviewQueue(office, { view: "all", status: "APPROVED", sort: "number", page: 50 }));
  const bulkIds = await db().application.findMany({ where: { number: { startsWith: "BENCH-" }, status: "IN_REVIEW" }, select: { id: true }, take: 100 });
  await timeIt("application page loader — approved applications walked through the chain", (i) => loadApplicationPage(real[i % real.length]!));
  await timeIt("application page loader — 100 different bulk applications", (i) => loadApplicationPage(bulkIds[i % bulkIds.length]!.id));
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());

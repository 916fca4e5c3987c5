/**
 * The ledger migration (20261202000000_ledger_generic_sources) moves existing
 * data without loss. On a database of its own, the migrations that precede it
 * are applied, and funds, years, approved applications, payables, payouts (one
 * of them reversed and paid again), a subsidy, a settled year with its
 * rollover, the report totals and audit rows are inserted in the OLD schema's
 * shape (plain SQL: applicationId / article / districtOrgId / wageRate). Then
 * the migration runs, and:
 * - every fund is a rights protection fund; fund-years (balances, openings,
 *   closings, counts) are unchanged;
 * - every entry keeps its amount, running balance and sequence, its
 *   application becomes its source ("application", id), its article its
 *   category and its district its reporting organisation;
 * - the report totals are the same groups with the same sums (the auditors'
 *   reports aggregate them);
 * - every payable keeps its money and state, names its source, category,
 *   reporting organisation (the application's) and payee (the applicant);
 * - the ledger stays append-only (the trigger was never disabled);
 * - `npm run ledger:verify` and `npm run audit:verify` pass before and after on
 *   the same numbers of rows (ledger:verify before: the same invariants,
 *   checked in SQL on the old columns).
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { writeAuditEntries } from "@/lib/audit/writer";

const ROOT = path.resolve(__dirname, "..", "..");
const MIGRATIONS = path.join(ROOT, "prisma", "migrations");
/** The ledger's migrations (its timestamp range, 20261202000000–20261202099999). */
const isLedgerMigration = (name: string) => name >= "20261202000000" && name < "20261202100000";
const FIRST_LEDGER = "20261202000000";

const all = fs
  .readdirSync(MIGRATIONS)
  .filter((d) => fs.existsSync(path.join(MIGRATIONS, d, "migration.sql")))
  .sort();
const before = all.filter((d) => d < FIRST_LEDGER);
const ledger = all.filter(isLedgerMigration);
const after = all.filter((d) => d >= "20261202100000");

const database = `ledger_migration_${process.pid}_${randomUUID().slice(0, 8)}`;
const url = (() => {
  const u = new URL((process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL)!);
  u.pathname = `/${database}`;
  return u.toString();
})();
let client: pg.Client;

async function apply(dirs: readonly string[]) {
  // Each migration as one simple-protocol query (as the CLI runs it, scripts/lib/prisma-cli.ts).
  for (const dir of dirs) await client.query(fs.readFileSync(path.join(MIGRATIONS, dir, "migration.sql"), "utf8"));
}

async function q<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await client.query(sql, params)).rows as T[];
}
async function one<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await q<T>(sql, params);
  if (!row) throw new Error(`no row: ${sql}`);
  return row;
}
const id = async (sql: string, params: unknown[]) => (await one<{ id: number }>(sql, params)).id;

/** Run a maintenance command (npm run ledger:verify / audit:verify) against the migration's database. */
function command(script: string) {
  const run = spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" }, encoding: "utf8", timeout: 120_000 });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

/** Ids of the seeded rows. */
const ids: Record<string, number> = {};

/** Funds, applications, payables and a ledger in the old shape, consistent as the old services left them. */
async function seedOldShape() {
  const org = async (key: string, type: string, parent: string | null, depth: number) => {
    const parentRow = parent ? await one<{ path: string }>(`SELECT path FROM "Organization" WHERE id = $1`, [ids[parent]]) : { path: "/" };
    ids[key] = await id(`INSERT INTO "Organization" (code, name, type, "parentId", path, depth, "updatedAt") VALUES ($1, $2, $3::"OrgType", $4, '/', $5, now()) RETURNING id`, [
      `M-${key}`,
      `迁移测试${key}`,
      type,
      parent ? ids[parent] : null,
      depth,
    ]);
    await q(`UPDATE "Organization" SET path = $1 WHERE id = $2`, [`${parentRow.path}${ids[key]}/`, ids[key]]);
  };
  await org("city", "CITY_FEDERATION", null, 0);
  await org("a", "DISTRICT_FEDERATION", "city", 1);
  await org("b", "DISTRICT_FEDERATION", "city", 1);
  await org("g", "GRASSROOTS_UNION", "a", 2);
  const user = async (key: string, orgKey: string, roles: string) =>
    (ids[key] = await id(`INSERT INTO "User" (username, "displayName", "passwordHash", "organizationId", roles, position, "fullTime", "updatedAt") VALUES ($1, $2, '-', $3, $4::"Role"[], 'CHAIRPERSON', true, now()) RETURNING id`, [
      `m-${key}`,
      `迁移${key}`,
      ids[orgKey],
      roles,
    ]));
  await user("office", "city", "{LEADING_GROUP_OFFICE}");
  await user("leader", "city", "{LEADING_GROUP_MEMBER}");
  await user("cadre", "g", "{CADRE}");
  ids.policy = await id(
    `INSERT INTO "PolicyVersion" (code, title, "effectiveFrom", "art15Min", "art15Max", "art16Max", "art17MaxMonths", "cityFundAnnual", "districtFundAnnual") VALUES ('M-2008', '迁移测试政策', DATE '2008-09-18', 1000, 3000, 3000, 6, 300000, 100000) RETURNING id`,
    [],
  );
  for (const key of ["city", "a", "b"]) ids[`fund_${key}`] = await id(`INSERT INTO "Fund" ("organizationId", name, "accountSubject") VALUES ($1, $2, '基层工会干部权益保障基金') RETURNING id`, [ids[key], `迁移测试${key}基金`]);

  const application = async (key: string, article: string, reporting: string) => {
    ids[key] = await id(
      `INSERT INTO "Application" (number, "applicantId", "organizationId", "reportingOrgId", "policyVersionId", position, "fullTime", article, "eventType", "eventDate",
         "eventDescription", "harmDescription", status, "decisionPath", "decidedAt", "unemployedFrom", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, 'CHAIRPERSON', true, $6::"AidArticle", 'MIGRATION', DATE '2025-01-01', '迁移测试', '迁移测试', 'APPROVED', 'LEADING_GROUP', now(), $7::date, now()) RETURNING id`,
      [`M-${key}-${database.slice(-8)}`, ids.cadre, ids.g, ids[reporting], ids.policy, article, article === "ART17" ? "2025-01-01" : null],
    );
    await q(`INSERT INTO "ReviewRecord" ("applicationId", stage, action, round, opinion, "actorId", "actorOrgId") VALUES ($1, 'LEADING_GROUP', 'APPROVE', 0, '同意', $2, $3)`, [ids[key], ids.leader, ids.city]);
  };
  await application("app16", "ART16", "a");
  await application("app17", "ART17", "a");
  await application("app15", "ART15", "b");

  const payable = async (key: string, app: string, fund: string, p: { kind: string; article: string; no: number; start: string; end?: string; due: string; amount: string; wage?: string; status: string; version: number; reason?: string }) =>
    (ids[key] = await id(
      `INSERT INTO "Payable" ("applicationId", "fundId", kind, article, "instalmentNo", "periodStart", "periodEnd", amount, "wageRate", "dueOn", status, "cancelReason", "paidAt", version)
       VALUES ($1, $2, $3::"PayableKind", $4::"AidArticle", $5, $6::date, $7::date, $8::numeric, $9::numeric, $10::date, $11::"PayableStatus", $12, CASE WHEN $11 = 'PAID' THEN now() END, $13) RETURNING id`,
      [ids[app], ids[fund], p.kind, p.article, p.no, p.start, p.end ?? null, p.amount, p.wage ?? null, p.due, p.status, p.reason ?? null, p.version],
    ));
  await payable("p16", "app16", "fund_a", { kind: "ONE_OFF", article: "ART16", no: 1, start: "2025-03-01", due: "2025-03-01", amount: "3000.00", status: "PAID", version: 1 });
  const month = { kind: "MONTHLY_SUPPORT", article: "ART17", amount: "1910.00", wage: "1910.00" };
  await payable("p17a", "app17", "fund_a", { ...month, no: 1, start: "2025-01-01", end: "2025-01-31", due: "2025-02-01", status: "PAID", version: 3 });
  await payable("p17b", "app17", "fund_a", { ...month, no: 2, start: "2025-02-01", end: "2025-02-28", due: "2025-03-01", status: "SCHEDULED", version: 0 });
  await payable("p17c", "app17", "fund_a", { ...month, no: 3, start: "2025-03-01", end: "2025-03-31", due: "2025-04-01", status: "CANCELLED", version: 1, reason: "依据《办法》第十七条，申请人已于 2025-03-10 重新就业。" });
  await payable("p15", "app15", "fund_city", { kind: "ONE_OFF", article: "ART15", no: 1, start: "2025-05-01", due: "2025-05-01", amount: "1000.00", status: "PAID", version: 1 });

  type E = { kind: string; amount: string; date: string; app?: string; article?: string; district?: string; payable?: string; counterpart?: string; reverses?: string; key?: string; method?: string; approver?: boolean };
  const entries = async (fund: string, year: number, list: E[]) => {
    let balance = 0;
    for (const [i, e] of list.entries()) {
      balance = Math.round((balance + Number(e.amount)) * 100) / 100;
      ids[`${fund}_${year}_${i + 1}`] = await id(
        `INSERT INTO "LedgerEntry" ("fundId", year, seq, kind, amount, "balanceAfter", "entryDate", "payableId", "applicationId", article, "districtOrgId", "counterpartFundId",
           "reversesEntryId", method, memo, "createdById", "approvedById", "idempotencyKey")
         VALUES ($1, $2, $3, $4::"LedgerKind", $5::numeric, $6::numeric, $7::date, $8, $9, $10::"AidArticle", $11, $12, $13, $14, '迁移测试', $15, $16, $17) RETURNING id`,
        [
          ids[fund], year, i + 1, e.kind, e.amount, balance.toFixed(2), e.date,
          e.payable ? ids[e.payable] : null, e.app ? ids[e.app] : null, e.article ?? null, e.district ? ids[e.district] : null,
          e.counterpart ? ids[e.counterpart] : null, e.reverses ? ids[e.reverses] : null, e.method ?? null,
          ids.office, e.approver ? ids.leader : null, e.key ?? null,
        ],
      );
    }
    return balance.toFixed(2);
  };
  const payout = (app: string, article: string, district: string, pay: string, amount: string, date: string, key: string): E => ({
    kind: "DISBURSEMENT", amount, date, app, article, district, payable: pay, key, method: "BANK_TRANSFER", approver: true,
  });
  const city2025 = await entries("fund_city", 2025, [
    { kind: "APPROPRIATION", amount: "300000.00", date: "2025-01-01", key: `appropriation:${ids.fund_city}:2025` },
    { kind: "SUBSIDY_GRANTED", amount: "-20000.00", date: "2025-06-30", counterpart: "fund_a", key: "request:M1:granted" },
    payout("app15", "ART15", "b", "p15", "-1000.00", "2025-05-02", `payable:${ids.p15}:v0`),
  ]);
  const a2025 = await entries("fund_a", 2025, [
    { kind: "APPROPRIATION", amount: "100000.00", date: "2025-01-01", key: `appropriation:${ids.fund_a}:2025` },
    { kind: "SUBSIDY_RECEIVED", amount: "20000.00", date: "2025-06-30", counterpart: "fund_city", key: "request:M1:received" },
    payout("app16", "ART16", "a", "p16", "-3000.00", "2025-03-02", `payable:${ids.p16}:v0`),
    payout("app17", "ART17", "a", "p17a", "-1910.00", "2025-02-03", `payable:${ids.p17a}:v0`),
    { kind: "REVERSAL", amount: "1910.00", date: "2025-02-10", app: "app17", article: "ART17", district: "a", payable: "p17a", reverses: "fund_a_2025_4" },
    payout("app17", "ART17", "a", "p17a", "-1910.00", "2025-02-11", `payable:${ids.p17a}:v2`),
  ]);
  const a2026 = await entries("fund_a", 2026, [
    { kind: "APPROPRIATION", amount: "100000.00", date: "2026-01-01", key: `appropriation:${ids.fund_a}:2026` },
    { kind: "ROLLOVER", amount: a2025, date: "2026-01-01" },
  ]);
  const b2025 = await entries("fund_b", 2025, [{ kind: "APPROPRIATION", amount: "100000.00", date: "2025-01-01", key: `appropriation:${ids.fund_b}:2025` }]);
  const year = (fund: string, y: number, balance: string, count: number, status: string, opening = "0.00") =>
    q(
      `INSERT INTO "FundYear" ("fundId", year, status, "openingBalance", balance, "entryCount", "closingBalance", "settledAt", "settledById")
       VALUES ($1, $2, $3::"FundYearStatus", $4::numeric, $5::numeric, $6, CASE WHEN $3 = 'SETTLED' THEN $5::numeric END, CASE WHEN $3 = 'SETTLED' THEN now() END, CASE WHEN $3 = 'SETTLED' THEN $7::int END)`,
      [ids[fund], y, status, opening, balance, count, ids.office],
    );
  await year("fund_city", 2025, city2025, 3, "OPEN");
  await year("fund_a", 2025, a2025, 6, "SETTLED");
  await year("fund_a", 2026, a2026, 2, "OPEN", a2025);
  await year("fund_b", 2025, b2025, 1, "OPEN");
  await q(`INSERT INTO "FundRequest" ("fundId", "grantingFundId", year, kind, amount, reason, status, "requestedById", "decidedById", "decidedAt", "decisionNote")
           VALUES ($1, $2, 2025, 'SUBSIDY', 20000, '迁移测试补助', 'APPROVED', $3, $3, now(), '同意')`, [ids.fund_a, ids.fund_city, ids.office]);
  // The report totals as the old postEntry maintained them (a reversal under the kind it reverses).
  await q(`
    INSERT INTO "LedgerTotal" ("fundId", year, month, kind, reversal, article, "districtOrgId", amount, count)
    SELECT e."fundId", e.year, EXTRACT(MONTH FROM e."entryDate")::int, COALESCE(o.kind, e.kind), e.kind = 'REVERSAL',
           COALESCE(e.article::text, ''), COALESCE(e."districtOrgId", 0), SUM(e.amount), COUNT(*)::int
    FROM "LedgerEntry" e LEFT JOIN "LedgerEntry" o ON o.id = e."reversesEntryId"
    GROUP BY 1, 2, 3, 4, 5, 6, 7`);

  // Audit rows in the old shape (the writer is the same; only the snapshots name the old columns).
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const payables = await q(`SELECT * FROM "Payable" ORDER BY id`);
    await prisma.$transaction((tx) =>
      writeAuditEntries(
        tx,
        { actor: null, requestId: "ledger-migration-test" },
        payables.map((p) => ({ action: "payable.schedule", entityType: "Payable", entityId: p.id as number, after: p })),
      ),
    );
  } finally {
    await prisma.$disconnect();
  }
}

/** The state the migration must carry over, read with the OLD column names. */
async function oldState() {
  return {
    funds: await q(`SELECT id, "organizationId", name, "accountSubject" FROM "Fund" ORDER BY id`),
    years: await q(`SELECT "fundId", year, status::text, "openingBalance"::text, balance::text, "entryCount", "closingBalance"::text FROM "FundYear" ORDER BY "fundId", year`),
    entries: await q(`
      SELECT id::text, "fundId", year, seq, kind::text, amount::text, "balanceAfter"::text, "entryDate"::text, "payableId",
             CASE WHEN "applicationId" IS NULL THEN NULL ELSE 'application' END AS "sourceType", "applicationId" AS "sourceId",
             article::text AS category, "districtOrgId" AS "reportingOrgId", "counterpartFundId", "reversesEntryId"::text, method, memo, "createdById", "approvedById", "idempotencyKey"
      FROM "LedgerEntry" ORDER BY id`),
    totals: await q(`SELECT "fundId", year, month, kind::text, reversal, article AS category, "districtOrgId" AS "reportingOrgId", amount::text, count FROM "LedgerTotal" ORDER BY 1, 2, 3, 4, 5, 6, 7`),
    payables: await q(`
      SELECT p.id, 'application' AS "sourceType", p."applicationId" AS "sourceId", p."fundId", p.kind::text, p.article::text AS category,
             a."reportingOrgId", a."applicantId" AS "payeeUserId", NULL::int AS "payeeOrgId", p."instalmentNo", p."periodStart"::text, p."periodEnd"::text,
             p.amount::text, p."wageRate"::text AS rate, p."dueOn"::text, p.status::text, p."cancelReason", p."paidAt", p.version
      FROM "Payable" p JOIN "Application" a ON a.id = p."applicationId" ORDER BY p.id`),
  };
}

/** The same state read with the NEW column names. */
async function newState() {
  return {
    funds: await q(`SELECT id, "organizationId", name, "accountSubject" FROM "Fund" ORDER BY id`),
    years: await q(`SELECT "fundId", year, status::text, "openingBalance"::text, balance::text, "entryCount", "closingBalance"::text FROM "FundYear" ORDER BY "fundId", year`),
    entries: await q(`
      SELECT id::text, "fundId", year, seq, kind::text, amount::text, "balanceAfter"::text, "entryDate"::text, "payableId",
             "sourceType", "sourceId", category, "reportingOrgId", "counterpartFundId", "reversesEntryId"::text, method, memo, "createdById", "approvedById", "idempotencyKey"
      FROM "LedgerEntry" ORDER BY id`),
    totals: await q(`SELECT "fundId", year, month, kind::text, reversal, category, "reportingOrgId", amount::text, count FROM "LedgerTotal" ORDER BY 1, 2, 3, 4, 5, 6, 7`),
    payables: await q(`
      SELECT id, "sourceType", "sourceId", "fundId", kind::text, category, "reportingOrgId", "payeeUserId", "payeeOrgId", "instalmentNo", "periodStart"::text, "periodEnd"::text,
             amount::text, rate::text, "dueOn"::text, status::text, "cancelReason", "paidAt", version
      FROM "Payable" ORDER BY id`),
  };
}

/** The invariants ledger:verify checks, in SQL on the old columns (the current command reads the new ones). */
async function oldLedgerProblems() {
  return q(`
    WITH running AS (
      SELECT e."fundId", e.year, e.seq, e."balanceAfter", SUM(e.amount) OVER (PARTITION BY e."fundId", e.year ORDER BY e.seq) AS running, COUNT(*) OVER (PARTITION BY e."fundId", e.year) AS n
      FROM "LedgerEntry" e
    ),
    expected AS (
      SELECT e."fundId", e.year, EXTRACT(MONTH FROM e."entryDate")::int AS month, COALESCE(o.kind, e.kind) AS kind, e.kind = 'REVERSAL' AS reversal,
             COALESCE(e.article::text, '') AS article, COALESCE(e."districtOrgId", 0) AS district, SUM(e.amount) AS amount, COUNT(*)::int AS count
      FROM "LedgerEntry" e LEFT JOIN "LedgerEntry" o ON o.id = e."reversesEntryId" GROUP BY 1, 2, 3, 4, 5, 6, 7
    )
    SELECT 'balance' AS problem, y."fundId", y.year FROM "FundYear" y
      WHERE y.balance <> (SELECT COALESCE(SUM(amount), 0) FROM "LedgerEntry" e WHERE e."fundId" = y."fundId" AND e.year = y.year)
         OR y."entryCount" <> (SELECT COUNT(*) FROM "LedgerEntry" e WHERE e."fundId" = y."fundId" AND e.year = y.year)
    UNION ALL SELECT 'running', "fundId", year FROM running WHERE "balanceAfter" <> running OR "balanceAfter" < 0 OR seq > n
    UNION ALL SELECT 'totals', COALESCE(x."fundId", t."fundId"), COALESCE(x.year, t.year) FROM expected x
      FULL OUTER JOIN "LedgerTotal" t ON t."fundId" = x."fundId" AND t.year = x.year AND t.month = x.month AND t.kind = x.kind AND t.reversal = x.reversal
       AND t.article = x.article AND t."districtOrgId" = x.district
      WHERE x.amount IS DISTINCT FROM t.amount OR x.count IS DISTINCT FROM t.count
    UNION ALL SELECT 'rollover', y."fundId", y.year FROM "FundYear" y JOIN "FundYear" n ON n."fundId" = y."fundId" AND n.year = y.year + 1
      WHERE y.status = 'SETTLED' AND y."closingBalance" IS DISTINCT FROM n."openingBalance"`);
}

let old: Awaited<ReturnType<typeof oldState>>;
let auditBefore: ReturnType<typeof command>;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  client = new pg.Client({ connectionString: url });
  await client.connect();
  await apply(before);
  await seedOldShape();
  old = await oldState();
  auditBefore = command("audit-verify");
});

afterAll(async () => {
  await client?.end();
  const admin = new pg.Client({ connectionString: process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
});

describe("the ledger migration moves existing data without loss", () => {
  it("starts from a consistent ledger in the old shape", async () => {
    expect(before.length).toBeGreaterThan(0);
    expect(ledger[0]).toMatch(/^20261202000000_/);
    expect(old.entries).toHaveLength(12);
    expect(old.payables).toHaveLength(5);
    expect(old.totals.length).toBeGreaterThan(8);
    expect(await oldLedgerProblems()).toEqual([]);
    expect(auditBefore.out).toContain("audit chain intact: 5 rows verified");
    expect(auditBefore.code).toBe(0);
  });

  it("keeps funds, years, entries, report totals and payables, with sources, dimensions and payees", async () => {
    await apply(ledger);
    const now = await newState();
    expect(now.funds).toEqual(old.funds);
    expect((await q(`SELECT DISTINCT kind::text FROM "Fund"`)).map((r) => r.kind)).toEqual(["RIGHTS_PROTECTION"]);
    expect(now.years).toEqual(old.years);
    expect(now.entries).toEqual(old.entries);
    expect(now.totals).toEqual(old.totals);
    expect(now.payables).toEqual(old.payables);
    // spot checks of the mapping, in the new columns
    // four payouts and a reversal name their application; appropriations, subsidies and the rollover have no source
    expect(now.entries.filter((e) => e.sourceType === "application")).toHaveLength(5);
    expect(now.entries.filter((e) => e.sourceType === null)).toHaveLength(7);
    expect(now.payables.find((p) => p.id === ids.p17a)).toMatchObject({ sourceType: "application", sourceId: ids.app17, category: "ART17", reportingOrgId: ids.a, payeeUserId: ids.cadre, rate: "1910.00", status: "PAID", version: 3 });
    expect(now.payables.find((p) => p.id === ids.p15)).toMatchObject({ category: "ART15", reportingOrgId: ids.b, rate: null });
  });

  it("keeps the ledger append-only and its constraints", async () => {
    await expect(q(`UPDATE "LedgerEntry" SET memo = 'x' WHERE id = $1`, [ids.fund_a_2025_1])).rejects.toThrow(/append-only/);
    await expect(q(`INSERT INTO "Fund" ("organizationId", kind, name, "accountSubject") VALUES ($1, 'RIGHTS_PROTECTION', '重复', '重复')`, [ids.a])).rejects.toThrow(/unique/i);
    await expect(q(`UPDATE "Payable" SET "payeeUserId" = NULL WHERE id = $1`, [ids.p17b])).rejects.toThrow(/Payable_one_payee/);
  });

  it("passes ledger:verify and audit:verify on the same rows, also after the later migrations", async () => {
    await apply(after);
    const verify = command("ledger-verify");
    expect(verify.out).toContain("ledger consistent: 4 fund-years, 12 entries verified");
    expect(verify.code).toBe(0);
    const audit = command("audit-verify");
    expect(audit.out).toContain("audit chain intact: 5 rows verified");
    expect(audit.code).toBe(0);
  });
});

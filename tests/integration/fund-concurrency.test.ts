/**
 * Integrity under concurrency: the balance check and the payout happen in one
 * transaction with the FundYear row locked (SELECT … FOR UPDATE), so 200
 * concurrent payouts against a fund-year that affords exactly 50 pay exactly
 * 50 and never overspend (第十一条: the balance never goes below zero).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openFundYear } from "@/lib/ledger/years";
import { ensureYearOpened } from "@/lib/ledger/posting";
import { mutate } from "@/lib/audit/writer";
import { payPayable } from "@/lib/ledger/payout";
import { createFundRequest } from "@/lib/ledger/requests";
import { verifyLedger } from "@/lib/ledger/verify";
import { APPLICATION_SOURCE } from "@/lib/applications/ledger-source";
import { verifyAuditChain } from "@/lib/audit/verify";
import { balanceOf, day, entrySum, fundWorld, type FundWorld } from "./fund-fixtures";

// 200 transactions serialised on one FundYear row queue for the pool's connections; on a busy
// 2-core machine the last ones wait longer than the 10 s a user's request may wait (TX_MAX_WAIT_MS).
// This file tests the ledger's integrity under that contention, not the latency: let them wait.
process.env.TX_MAX_WAIT_MS = "120000";
resetEnvCache();

const NOW = new Date("2026-11-21T04:00:00Z");
const ATTEMPTS = 200;
const POOL = 30;

let w: FundWorld;
let payableIds: number[] = [];

beforeAll(async () => {
  // A pool large enough for real concurrency (lib/db.ts keeps one client per process in globalThis.__prisma).
  (globalThis as { __prisma?: PrismaClient }).__prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: POOL }),
  });
  w = await fundWorld();
  await openFundYear(w.ctx, { fundId: w.funds.district.id, year: 2025 }, NOW); // 100,000.00 (第十一条)
  const application = await db().application.create({
    data: {
      number: `CONC-${w.funds.district.id}`,
      applicantId: w.cadre.id,
      organizationId: w.tree.grassroots.id,
      reportingOrgId: w.tree.district.id,
      policyVersionId: w.policy.id,
      position: "CHAIRPERSON",
      fullTime: true,
      article: "ART16",
      eventType: "RETALIATION",
      eventDate: day("2025-01-02"),
      eventDescription: "并发测试",
      harmDescription: "并发测试",
      status: "APPROVED",
    },
  });
  await db().payable.createMany({
    data: Array.from({ length: ATTEMPTS }, (_, i) => ({
      sourceType: APPLICATION_SOURCE,
      sourceId: application.id,
      fundId: w.funds.district.id,
      kind: "ONE_OFF" as const,
      category: "ART16",
      reportingOrgId: application.reportingOrgId,
      payeeUserId: application.applicantId,
      instalmentNo: i + 1,
      periodStart: day("2025-03-01"),
      amount: "2000.00", // 100,000 ÷ 2,000 = exactly 50 affordable
      dueOn: day("2025-03-01"),
    })),
  });
  payableIds = (await db().payable.findMany({ where: { sourceType: APPLICATION_SOURCE, sourceId: application.id }, select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id);
});


afterAll(async () => {
  // After all the concurrent transactions: the audit chain is intact (each
  // extended under its advisory lock), every paid payable has exactly one
  // audited payment, and no transaction of this file is left open.
  const chain = await verifyAuditChain(db());
  expect(chain.ok).toBe(true);
  const paidIds = (await db().payable.findMany({ where: { id: { in: payableIds }, status: "PAID" }, select: { id: true } })).map((p) => String(p.id));
  expect(paidIds).toHaveLength(50);
  expect(await db().auditLog.count({ where: { action: "fund.pay", entityType: "Payable", entityId: { in: paidIds } } })).toBe(50);
  const [open] = await db().$queryRaw<{ n: number }[]>`
    SELECT COUNT(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`;
  expect(open?.n).toBe(0);
  await db().$disconnect();
});

describe("200 concurrent payouts against a fund-year that affords 50", () => {
  it("pays exactly 50, refuses 150 as insufficient, never overspends", async () => {
    let peakWaiting = 0;
    let running = true;
    const monitor = (async () => {
      while (running) {
        const [row] = await db().$queryRaw<{ waiting: number }[]>`
          SELECT COUNT(*)::int AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`;
        peakWaiting = Math.max(peakWaiting, row?.waiting ?? 0);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();

    const outcomes = await Promise.allSettled(
      payableIds.map((payableId) => payPayable(w.ctx, { payableId, payableVersion: 0, paidOn: day("2025-03-05"), method: "BANK_TRANSFER" }, NOW)),
    );
    running = false;
    await monitor;

    const paid = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    const codes = refused.map((o) => (o.reason instanceof DomainError ? o.reason.code : String(o.reason)));
    expect(paid).toHaveLength(50);
    expect(codes.filter((c) => c !== "fund.insufficient")).toEqual([]);
    expect(refused).toHaveLength(150);
    // The attempts really ran concurrently: transactions queued on the FundYear row lock.
    expect(peakWaiting).toBeGreaterThanOrEqual(2);

    expect(await db().payable.count({ where: { id: { in: payableIds }, status: "PAID" } })).toBe(50);
    expect(await balanceOf(w.funds.district.id, 2025)).toBe("0.00");
    expect(await entrySum(w.funds.district.id, 2025)).toBe("0.00");
    const entries = await db().ledgerEntry.findMany({ where: { fundId: w.funds.district.id, year: 2025 }, orderBy: { seq: "asc" } });
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    expect(entries.every((e) => e.balanceAfter.gte(0))).toBe(true);
    const check = await verifyLedger(db());
    expect(check.years.filter((y) => y.fundId === w.funds.district.id && y.problems.length > 0)).toEqual([]);
  });
});

describe("concurrent requests to open the same year (第十一条 appropriation posted once)", () => {
  it("opens each year once: the other request gets the clear 'already open' answer, never a database error", async () => {
    const years = [2018, 2019, 2020, 2021, 2022, 2023];
    for (const fundId of [w.funds.city.id, w.funds.otherDistrict.id]) {
      const outcomes = await Promise.all(
        years.flatMap((year) => [1, 2].map(() => openFundYear(w.ctx, { fundId, year }, NOW).then(() => "opened", (e: unknown) => (e instanceof DomainError ? e.code : `unexpected: ${String(e)}`)))),
      );
      expect(outcomes.filter((o) => o !== "opened" && o !== "fund.yearAlreadyOpen")).toEqual([]);
      expect(outcomes.filter((o) => o === "opened")).toHaveLength(years.length);
      for (const year of years) {
        expect(await db().ledgerEntry.count({ where: { fundId, year, kind: "APPROPRIATION" } })).toBe(1);
      }
    }
    expect(await balanceOf(w.funds.city.id, 2020)).toBe("300000.00");
    expect(await balanceOf(w.funds.otherDistrict.id, 2020)).toBe("100000.00");
  });

  it("ensureYearOpened answers opened:false to the transaction that waited for the other one", async () => {
    const fundId = w.funds.city.id;
    const year = 2017;
    const results = await Promise.all([1, 2].map(() => mutate(w.ctx, async (tx, record, unchanged) => {
      const r = await ensureYearOpened(tx, record, fundId, year, NOW, w.office.id);
      // the transaction that found the year open writes nothing (opening audits itself)
      if (!r.opened) unchanged();
      return r.opened;
    })));
    expect(results.sort()).toEqual([false, true]);
    expect(await db().ledgerEntry.count({ where: { fundId, year } })).toBe(1);
  });
});

describe("a request recorded while the year is being settled (第十四条)", () => {
  it("waits for the FundYear lock and then refuses the settled year, instead of leaving a pending request in it", async () => {
    const fundId = w.funds.otherDistrict.id;
    const year = 2016;
    await openFundYear(w.ctx, { fundId, year }, NOW);
    let settled = false;
    let request: Promise<string> | undefined;
    await db().$transaction(
      async (tx) => {
        // A settlement in progress: it holds the row lock and has not committed yet.
        await tx.$queryRaw`SELECT id FROM "FundYear" WHERE "fundId" = ${fundId} AND year = ${year} FOR UPDATE`;
        await tx.$executeRaw`UPDATE "FundYear" SET status = 'SETTLED', "closingBalance" = balance WHERE "fundId" = ${fundId} AND year = ${year}`;
        request = createFundRequest(w.ctx, { fundId, year, kind: "SUBSIDY", amount: "100", reason: "结算期间提出" }).then(
          () => "created",
          (e: unknown) => (e instanceof DomainError ? e.code : `unexpected: ${String(e)}`),
        );
        let done = false;
        void request.then(() => (done = true));
        await new Promise((r) => setTimeout(r, 400));
        expect(done).toBe(false); // it waits on the FundYear row
        settled = true;
      },
      { timeout: 10_000 },
    );
    expect(settled).toBe(true);
    expect(await request).toBe("fund.yearSettled");
    expect(await db().fundRequest.count({ where: { fundId, year } })).toBe(0);
    await db().$executeRaw`UPDATE "FundYear" SET status = 'OPEN', "closingBalance" = NULL WHERE "fundId" = ${fundId} AND year = ${year}`;
  });
});

/**
 * Property: whatever sequence of operations the office performs — open a year
 * (appropriation), top up, pay, reverse, subsidise, settle, reopen — in any
 * order and with any amounts, on funds of both kinds (the rights protection
 * fund paying applications, and the test-only second kind paying its test
 * source, ./ledger-test-kind.ts), against real PostgreSQL, the ledger stays
 * consistent: every stored balance equals the sum of its year's entries and is
 * never below zero, seq and balanceAfter chains are intact, and every settled
 * year's closing balance is the next year's rollover (README "Invariants").
 * Operations the rules refuse (DomainError) change nothing; any other error fails.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { openFundYear } from "@/lib/ledger/years";
import { payPayable } from "@/lib/ledger/payout";
import { createFundRequest, decideFundRequest } from "@/lib/ledger/requests";
import { reopenYear, settleYear } from "@/lib/ledger/settlement";
import { reverseEntry } from "@/lib/ledger/reversal";
import { verifyLedger } from "@/lib/ledger/verify";
import { mutate } from "@/lib/audit/writer";
import { fundFor } from "@/lib/ledger/funds";
import { schedulePayables } from "@/lib/ledger/payables";
import { approvedApplication, day, fundWorld, type FundWorld } from "./fund-fixtures";
import { registerTestKind, TEST_KIND, TEST_SOURCE } from "./ledger-test-kind";

const NOW = new Date("2026-11-21T04:00:00Z");
const YEARS = [2020, 2021, 2022] as const;

/** 0–2: the rights protection funds (city, district, other district); 3–4: the second kind's (city, district). */
const fund = fc.integer({ min: 0, max: 4 });
const SECOND_KIND = new Set([3, 4]);
/** Test-source ids unique to this run (the database is shared and kept). */
let nextGrant = Math.floor(Math.random() * 1_000_000_000);
const year = fc.integer({ min: 0, max: YEARS.length - 1 });
/** yuan with 2 decimals built from integer fen (never a float): mostly application-sized, sometimes up to 150,000.00 */
const amount = fc
  .oneof({ arbitrary: fc.integer({ min: 1, max: 500_000 }), weight: 4 }, { arbitrary: fc.integer({ min: 1, max: 15_000_000 }), weight: 1 })
  .map((fen) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`);

type Op =
  | { op: "open"; fund: number; year: number }
  | { op: "topUp"; fund: number; year: number; amount: string }
  | { op: "pay"; fund: number; year: number; amount: string }
  | { op: "reverse"; fund: number; pick: number }
  | { op: "subsidy"; fund: number; year: number; amount: string }
  | { op: "settle"; pick: number }
  | { op: "reopen"; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant("open" as const), fund, year }),
  fc.record({ op: fc.constant("topUp" as const), fund, year, amount }),
  fc.record({ op: fc.constant("pay" as const), fund, year, amount }),
  fc.record({ op: fc.constant("pay" as const), fund, year, amount }),
  fc.record({ op: fc.constant("reverse" as const), fund, pick: fc.nat() }),
  fc.record({ op: fc.constant("subsidy" as const), fund: fc.constantFrom(1, 2, 4), year, amount }),
  fc.record({ op: fc.constant("settle" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("reopen" as const), pick: fc.nat() }),
);

/** One of the world's fund-years with `status`, chosen by `pick` (null when there is none). */
async function pickYear(fundIds: number[], status: "OPEN" | "SETTLED", pick: number) {
  const years = await db().fundYear.findMany({ where: { fundId: { in: fundIds }, status }, orderBy: [{ fundId: "asc" }, { year: "asc" }] });
  return years.length ? years[pick % years.length]! : null;
}

/** Apply one operation; @returns the index (in fundIds) of the fund it acted on, or null when there was nothing to act on. */
async function apply(w: FundWorld, fundIds: number[], o: Op): Promise<number | null> {
  if (o.op === "settle" || o.op === "reopen") {
    const target = await pickYear(fundIds, o.op === "settle" ? "OPEN" : "SETTLED", o.pick);
    if (!target) return null;
    if (o.op === "settle") await settleYear(w.ctx, { fundId: target.fundId, year: target.year }, NOW);
    else await reopenYear(w.ctx, { fundId: target.fundId, year: target.year, reason: "调整" }, NOW);
    return fundIds.indexOf(target.fundId);
  }
  await applyToFund(w, fundIds, o);
  return o.fund;
}

async function applyToFund(w: FundWorld, fundIds: number[], o: Exclude<Op, { op: "settle" | "reopen" }>): Promise<void> {
  const fundId = fundIds[o.fund]!;
  switch (o.op) {
    case "open":
      await openFundYear(w.ctx, { fundId, year: YEARS[o.year]! }, NOW);
      return;
    case "topUp": {
      const y = YEARS[o.year]!;
      const { id } = await createFundRequest(w.ctx, { fundId, year: y, kind: "TOP_UP", amount: o.amount, reason: "追加" });
      await decideFundRequest(w.ctx, { requestId: id, approve: true, note: "同意", postedOn: day(`${y}-05-01`) }, NOW);
      return;
    }
    case "subsidy": {
      const y = YEARS[o.year]!;
      const { id } = await createFundRequest(w.ctx, { fundId, year: y, kind: "SUBSIDY", amount: o.amount, reason: "补助" });
      try {
        await decideFundRequest(w.ctx, { requestId: id, approve: true, note: "同意", postedOn: day(`${y}-07-01`) }, NOW);
      } catch (error) {
        // refused (e.g. the upper fund cannot afford it): reject so the request does not stay pending
        await decideFundRequest(w.ctx, { requestId: id, approve: false, note: "不予补助" }, NOW);
        throw error;
      }
      return;
    }
    case "pay": {
      const y = YEARS[o.year]!;
      const payables = SECOND_KIND.has(o.fund)
        ? await mutate(w.ctx, (tx, record) =>
            schedulePayables(tx, record, {
              source: { sourceType: TEST_SOURCE, sourceId: nextGrant++ },
              fundId,
              category: "START_UP",
              reportingOrgId: w.tree.district.id,
              payee: { orgId: w.tree.grassroots.id },
              payables: [{ kind: "ONE_OFF", instalmentNo: 1, periodStart: day(`${y}-06-01`), dueOn: day(`${y}-06-01`), amount: o.amount }],
            }),
          )
        : (await approvedApplication(w, "ART15", fundId, [{ amount: o.amount, periodStart: `${y}-06-01` }])).payables;
      try {
        await payPayable(w.ctx, { payableId: payables[0]!.id, payableVersion: 0, paidOn: day(`${y}-06-15`), method: "BANK_TRANSFER" }, NOW);
      } finally {
        // an unpaid payable would block settlement forever in this model; cancel what was not paid
        await db().payable.updateMany({ where: { id: payables[0]!.id, status: "SCHEDULED" }, data: { status: "CANCELLED", cancelReason: "测试" } });
      }
      return;
    }
    case "reverse": {
      const entries = await db().ledgerEntry.findMany({ where: { fundId, kind: { notIn: ["REVERSAL", "ROLLOVER"] } }, orderBy: { id: "asc" }, select: { id: true } });
      if (entries.length === 0) return;
      const target = entries[o.pick % entries.length]!;
      await reverseEntry(w.ctx, { entryId: target.id, reason: "冲正" }, NOW);
      return;
    }
  }
}

registerTestKind();

describe("ledger invariant under random operation sequences, on two kinds of fund (fast-check, real PostgreSQL)", () => {
  // 25 generated sequences in 5 parts of 5 (each part its own seed), so no test needs more than a
  // fraction of its timeout on a busy machine; the last test checks what all parts exercised.
  const PARTS = 5;
  const applied = new Map<Op["op"], number>();
  /** operations applied to funds of the second kind */
  const appliedSecond = new Set<Op["op"]>();
  let refused = 0;
  const seed = Number(process.env.FUND_PROPERTY_SEED ?? 1);

  for (let part = 0; part < PARTS; part++) {
    it(`keeps stored balances = Σ entries ≥ 0, intact chains and rollovers (part ${part + 1}/${PARTS})`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 16 }), async (ops) => {
          const w = await fundWorld();
          const second = await mutate(w.ctx, async (tx, record) => [
            await fundFor(tx, record, { organizationId: w.tree.city.id, kind: TEST_KIND }),
            await fundFor(tx, record, { organizationId: w.tree.district.id, kind: TEST_KIND }),
          ]);
          const fundIds = [w.funds.city.id, w.funds.district.id, w.funds.otherDistrict.id, ...second.map((f) => f.id)];
          const opening: Op[] = [0, 1, 2, 3, 4].map((f) => ({ op: "open", fund: f, year: 0 }));
          for (const o of [...opening, ...ops]) {
            try {
              const target = await apply(w, fundIds, o);
              applied.set(o.op, (applied.get(o.op) ?? 0) + 1);
              if (target !== null && SECOND_KIND.has(target)) appliedSecond.add(o.op);
            } catch (error) {
              if (!(error instanceof DomainError)) throw error;
              refused++;
            }
          }
          const years = await db().fundYear.findMany({ where: { fundId: { in: fundIds } } });
          for (const y of years) {
            const [row] = await db().$queryRaw<{ s: string }[]>`SELECT COALESCE(SUM(amount), 0)::text AS s FROM "LedgerEntry" WHERE "fundId" = ${y.fundId} AND year = ${y.year}`;
            expect(y.balance.eq(row!.s)).toBe(true);
            expect(y.balance.gte(0)).toBe(true);
          }
          const verification = await verifyLedger(db());
          expect(verification.years.filter((y) => fundIds.includes(y.fundId) && y.problems.length > 0)).toEqual([]);
        }),
        // Fixed seeds (base 1: its 25 sequences reach every operation on both kinds, checked below);
        // reproducible in CI; explore other sequences with FUND_PROPERTY_SEED=<n>.
        { numRuns: 5, seed: seed + part },
      );
    });
  }

  it("exercised every operation and the refusals across the parts, on both kinds", () => {
    console.log("ledger property: applied", Object.fromEntries(applied), "on the second kind", [...appliedSecond].sort(), "refused", refused);
    expect([...applied.keys()].sort()).toEqual(["open", "pay", "reopen", "reverse", "settle", "subsidy", "topUp"]);
    expect([...appliedSecond].sort()).toEqual(["open", "pay", "reopen", "reverse", "settle", "subsidy", "topUp"]);
    expect(refused).toBeGreaterThan(0);
  });
});

/**
 * The ledger serves every kind of fund unchanged: a second kind and a second
 * source, both defined in the tests only (./ledger-test-kind.ts), go through
 * the same engine as the rights protection fund — one fund per organisation
 * and kind, the kind's own annual inflow and holder types, payouts to an
 * organisation with the source's payability hook, idempotent replay, reversal
 * (back to SCHEDULED, or CANCELLED with the source's reason), a subsidy from
 * the upper fund of the same kind, settlement with rollover, ledger:verify and
 * the kind's own reporting categories. The rights protection pages never list it.
 */
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { mutate } from "@/lib/audit/writer";
import { db } from "@/lib/db";
import { yuan } from "@/lib/money";
import { fundFor } from "@/lib/ledger/funds";
import { cancelPayable, schedulePayables } from "@/lib/ledger/payables";
import { payPayable } from "@/lib/ledger/payout";
import { createFundRequest, decideFundRequest } from "@/lib/ledger/requests";
import { reverseEntry } from "@/lib/ledger/reversal";
import { settleYear, settlementStatus } from "@/lib/ledger/settlement";
import { balanceSheet, type KindTotal } from "@/lib/ledger/rules/sheet";
import { verifyLedger } from "@/lib/ledger/verify";
import { openFundYear } from "@/lib/ledger/years";
import { listFunds } from "@/lib/fund/queries";
import { refusal } from "../helpers/errors";
import { balanceOf, day, fundWorld, type FundWorld } from "./fund-fixtures";
import { grantApprovers, registerTestKind, TEST_CATEGORIES, TEST_KIND, TEST_SOURCE, withdrawnGrants } from "./ledger-test-kind";

const NOW = new Date("2026-11-21T04:00:00Z");
/** Grant ids unique to this run (the integration database is shared by the files and kept between runs). */
const G1 = randomInt(1, 1_000_000_000);
const G2 = G1 + 1;


let w: FundWorld;
let cityFund: { id: number };
let districtFund: { id: number };
/** grant id → its payables (START_UP, REWARD) */
const grants = new Map<number, { id: number; version: number }[]>();

/** Schedule a grant's payables (paid to the grassroots union, reported under the district). */
async function grant(grantId: number, specs: { category: (typeof TEST_CATEGORIES)[number]; amount: string; dueOn: string }[]) {
  grantApprovers.set(grantId, w.leader.id);
  const created = await mutate(w.ctx, async (tx, record) => {
    const rows = [];
    for (const [i, s] of specs.entries()) {
      rows.push(
        ...(await schedulePayables(tx, record, {
          source: { sourceType: TEST_SOURCE, sourceId: grantId },
          fundId: districtFund.id,
          category: s.category,
          reportingOrgId: w.tree.district.id,
          payee: { orgId: w.tree.grassroots.id },
          payables: [{ kind: "ONE_OFF", instalmentNo: i + 1, periodStart: day(s.dueOn), dueOn: day(s.dueOn), amount: s.amount }],
        })),
      );
    }
    return rows;
  });
  grants.set(grantId, created);
  return created;
}

beforeAll(async () => {
  registerTestKind();
  w = await fundWorld();
  const funds = await mutate(w.ctx, async (tx, record) => ({
    city: await fundFor(tx, record, { organizationId: w.tree.city.id, kind: TEST_KIND }),
    district: await fundFor(tx, record, { organizationId: w.tree.district.id, kind: TEST_KIND }),
  }));
  cityFund = funds.city;
  districtFund = funds.district;
});

describe("a second kind of fund", () => {
  it("is a fund of its own beside the rights protection fund of the same organisation, held only by the kind's holder types", async () => {
    expect(districtFund.id).not.toBe(w.funds.district.id);
    expect(await db().fund.count({ where: { organizationId: w.tree.district.id } })).toBe(2);
    // one fund per organisation and kind (unique index)
    await expect(db().fund.create({ data: { organizationId: w.tree.district.id, kind: TEST_KIND, name: "重复", accountSubject: "重复" } })).rejects.toThrow(/Unique constraint/);
    expect(await db().fund.findUniqueOrThrow({ where: { id: districtFund.id } })).toMatchObject({ kind: TEST_KIND, name: `${w.tree.district.name}测试专项经费` });
    expect((await refusal(mutate(w.ctx, (tx, record) => fundFor(tx, record, { organizationId: w.tree.grassroots.id, kind: TEST_KIND })))).code).toBe("fund.notHolder");
  });

  it("opens its years with the kind's own annual inflow", async () => {
    await openFundYear(w.ctx, { fundId: districtFund.id, year: 2025 }, NOW);
    await openFundYear(w.ctx, { fundId: cityFund.id, year: 2025 }, NOW);
    expect(await balanceOf(districtFund.id, 2025)).toBe("20000.00");
    expect(await balanceOf(cityFund.id, 2025)).toBe("50000.00");
    const [entry] = await db().ledgerEntry.findMany({ where: { fundId: districtFund.id, year: 2025 } });
    expect(entry).toMatchObject({ kind: "APPROPRIATION", memo: "2025年度测试专项经费", idempotencyKey: `appropriation:${districtFund.id}:2025` });
    // the kind's first year is 2020
    expect((await refusal(openFundYear(w.ctx, { fundId: districtFund.id, year: 2019 }, NOW))).code).toBe("fund.yearOutOfRange");
  });

  it("schedules payables of a test-only source, paid to an organisation, in the kind's categories only", async () => {
    const [startUp, reward] = await grant(G1, [
      { category: "START_UP", amount: "8000.00", dueOn: "2025-03-01" },
      { category: "REWARD", amount: "5000.00", dueOn: "2025-06-01" },
    ]);
    expect(startUp).toMatchObject({ sourceType: TEST_SOURCE, sourceId: G1, category: "START_UP", payeeOrgId: w.tree.grassroots.id, payeeUserId: null, status: "SCHEDULED" });
    expect(reward).toMatchObject({ category: "REWARD" });
    await expect(
      mutate(w.ctx, (tx, record) =>
        schedulePayables(tx, record, {
          source: { sourceType: TEST_SOURCE, sourceId: G1 + 99 },
          fundId: districtFund.id,
          category: "ART16",
          reportingOrgId: null,
          payee: { orgId: w.tree.grassroots.id },
          payables: [{ kind: "ONE_OFF", instalmentNo: 1, periodStart: day("2025-03-01"), dueOn: day("2025-03-01"), amount: "1.00" }],
        }),
      ),
    ).rejects.toThrow(/category ART16/);
  });

  it("pays once per idempotency key, with the source, its dimensions, approver and memo on the entry", async () => {
    const [startUp] = grants.get(G1)!;
    const paid = await payPayable(w.ctx, { payableId: startUp!.id, payableVersion: 0, paidOn: day("2025-03-05"), method: "BANK_TRANSFER" }, NOW);
    expect(paid).toMatchObject({ amount: "-8000.00", balanceAfter: "12000.00", replayed: false });
    const replay = await payPayable(w.ctx, { payableId: startUp!.id, payableVersion: 0, paidOn: day("2025-03-05"), method: "BANK_TRANSFER" }, NOW);
    expect(replay).toMatchObject({ entryId: paid.entryId, replayed: true });
    expect(await balanceOf(districtFund.id, 2025)).toBe("12000.00");
    const entry = await db().ledgerEntry.findUniqueOrThrow({ where: { id: BigInt(paid.entryId) } });
    expect(entry).toMatchObject({ kind: "DISBURSEMENT", sourceType: TEST_SOURCE, sourceId: G1, category: "START_UP", reportingOrgId: w.tree.district.id, approvedById: w.leader.id, memo: "测试拨付 START_UP 第1笔" });
  });

  it("refuses what its source says can never be paid, with the source's own code", async () => {
    withdrawnGrants.add(G1);
    const [, reward] = grants.get(G1)!;
    expect(await refusal(payPayable(w.ctx, { payableId: reward!.id, payableVersion: 0, paidOn: day("2025-06-02"), method: "CASH" }, NOW))).toEqual({ code: "test.grantWithdrawn", values: { grant: G1 } });
    expect(await balanceOf(districtFund.id, 2025)).toBe("12000.00");
  });

  it("reverses a payout: CANCELLED with the source's reason when it can never be paid, SCHEDULED (and payable again) when it can", async () => {
    const [startUp] = grants.get(G1)!;
    const entry = await db().ledgerEntry.findFirstOrThrow({ where: { payableId: startUp!.id, kind: "DISBURSEMENT" } });
    await reverseEntry(w.ctx, { entryId: entry.id, reason: "项目撤销" }, NOW);
    const cancelled = await db().payable.findUniqueOrThrow({ where: { id: startUp!.id } });
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancelReason: `第 ${entry.seq} 号支付已冲正；测试项目 ${G1} 已撤销。`, version: 2 });

    const [other] = await grant(G2, [{ category: "START_UP", amount: "3000.00", dueOn: "2025-04-01" }]);
    const first = await payPayable(w.ctx, { payableId: other!.id, payableVersion: 0, paidOn: day("2025-04-02"), method: "BANK_TRANSFER" }, NOW);
    await reverseEntry(w.ctx, { entryId: BigInt(first.entryId), reason: "账号错误" }, NOW);
    const back = await db().payable.findUniqueOrThrow({ where: { id: other!.id } });
    expect(back).toMatchObject({ status: "SCHEDULED", cancelReason: null, version: 2 });
    const again = await payPayable(w.ctx, { payableId: other!.id, payableVersion: 2, paidOn: day("2025-04-10"), method: "BANK_TRANSFER" }, NOW);
    expect(again.idempotencyKey).toBe(`payable:${other!.id}:v2`);
    // 20,000 − 8,000 + 8,000 − 3,000 + 3,000 − 3,000
    expect(await balanceOf(districtFund.id, 2025)).toBe("17000.00");
  });

  it("asks the upper fund of the same kind for a subsidy", async () => {
    const { id } = await createFundRequest(w.ctx, { fundId: districtFund.id, year: 2025, kind: "SUBSIDY", amount: "4000.00", reason: "测试补助" });
    expect((await db().fundRequest.findUniqueOrThrow({ where: { id } })).grantingFundId).toBe(cityFund.id);
    await decideFundRequest(w.ctx, { requestId: id, approve: true, note: "同意", postedOn: day("2025-07-01") }, NOW);
    expect(await balanceOf(districtFund.id, 2025)).toBe("21000.00");
    expect(await balanceOf(cityFund.id, 2025)).toBe("46000.00");
  });

  it("settles the year once its unpaid payables are dealt with, rolling the balance over (with next year's inflow)", async () => {
    expect((await settlementStatus(districtFund.id, 2025, NOW)).map((b) => b.code)).toEqual(["fund.unpaidPayables"]);
    const [, reward] = grants.get(G1)!;
    await mutate(w.ctx, async (tx, record) => cancelPayable(tx, record, await tx.payable.findUniqueOrThrow({ where: { id: reward!.id } }), "项目撤销"));
    const settled = await settleYear(w.ctx, { fundId: districtFund.id, year: 2025 }, NOW);
    expect(settled).toMatchObject({ closingBalance: "21000.00", rollover: "21000.00", nextYearOpened: true });
    expect(await balanceOf(districtFund.id, 2026)).toBe("41000.00");
    expect((await db().fundYear.findUniqueOrThrow({ where: { fundId_year: { fundId: districtFund.id, year: 2026 } } })).openingBalance.toFixed(2)).toBe("21000.00");
  });

  it("keeps every invariant (ledger:verify) and reports payouts by the kind's own categories", async () => {
    const verification = await verifyLedger(db());
    expect(verification.years.filter((y) => [districtFund.id, cityFund.id].includes(y.fundId))).toHaveLength(3);
    expect(verification.years.filter((y) => [districtFund.id, cityFund.id].includes(y.fundId) && y.problems.length > 0)).toEqual([]);
    const totals = await db().$queryRaw<(KindTotal & { amount: string })[]>`
      SELECT kind::text AS kind, NULLIF(category, '') AS category, reversal, SUM(amount)::text AS amount, SUM(count)::int AS count
      FROM "LedgerTotal" WHERE "fundId" = ${districtFund.id} AND year = 2025 GROUP BY kind, category, reversal`;
    const sheet = balanceSheet(totals, TEST_CATEGORIES);
    expect(sheet.payouts.START_UP.toFixed(2)).toBe("3000.00");
    expect(sheet.payouts.REWARD.toFixed(2)).toBe("0.00");
    expect(sheet.appropriation.toFixed(2)).toBe("20000.00");
    expect(sheet.subsidiesReceived.toFixed(2)).toBe("4000.00");
    expect(sheet.closing.toFixed(2)).toBe(yuan("21000").toFixed(2));
    expect(sheet.reversalCount).toBe(2);
  });

  it("never appears on the rights protection fund's pages", async () => {
    const listed = (await listFunds(w.ctx.actor!, 2025)).map((f) => f.fundId);
    expect(listed).toEqual(expect.arrayContaining([w.funds.city.id, w.funds.district.id]));
    expect(listed).not.toContain(districtFund.id);
    expect(listed).not.toContain(cityFund.id);
  });
});

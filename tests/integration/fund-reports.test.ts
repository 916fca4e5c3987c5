/**
 * Lists of the fund pages are paged with their full counts, never silently
 * cut off: the payment queue (due / not yet due) and the requests list.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createFundRequest } from "@/lib/ledger/requests";
import { appropriationPolicy, fundRequests, scheduledPayables } from "@/lib/fund/queries";
import { openFundYear } from "@/lib/ledger/years";
import { approvedApplication, day, fundWorld, type FundWorld } from "./fund-fixtures";
import { actorOf, createUser } from "../helpers/fixtures";

const NOW = new Date("2026-11-21T04:00:00Z");
const TODAY = day("2026-11-21");

let w: FundWorld;
beforeAll(async () => {
  w = await fundWorld();
  // 5 due one-off payables and 2 not yet due, all in this world's district fund.
  const due = Array.from({ length: 5 }, (_, i) => ({ amount: "1000.00", periodStart: `2026-0${i + 1}-01` }));
  for (const p of due) await approvedApplication(w, "ART16", w.funds.district.id, [p]);
  await approvedApplication(w, "ART17", w.funds.district.id, [
    { amount: "1910.00", periodStart: "2026-11-01", dueOn: "2026-12-01" },
    { amount: "1910.00", periodStart: "2026-12-01", dueOn: "2027-01-01" },
  ]);
});

describe("payment queue pages", () => {
  it("counts every due payable and pages through them in due order", async () => {
    // the district office's scope (fund.view under the district)
    const scope = actorOf(await createUser(w.tree.district.id, ["LEADING_GROUP_OFFICE"]));
    const p1 = await scheduledPayables(scope, { due: true, today: TODAY, page: "1", perPage: 2 });
    const p3 = await scheduledPayables(scope, { due: true, today: TODAY, page: "3", perPage: 2 });
    expect([p1.total, p1.rows.length, p3.rows.length, p3.page]).toEqual([5, 2, 1, 3]);
    const all = [p1, await scheduledPayables(scope, { due: true, today: TODAY, page: "2", perPage: 2 }), p3].flatMap((p) => p.rows.map((r) => r.dueOn));
    expect(all).toEqual(["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01"]);
    // malformed or out-of-range pages fall back to the nearest valid one (never an error)
    expect((await scheduledPayables(scope, { due: true, today: TODAY, page: "99", perPage: 2 })).page).toBe(3);
    expect((await scheduledPayables(scope, { due: true, today: TODAY, page: "abc", perPage: 2 })).page).toBe(1);
    const upcoming = await scheduledPayables(scope, { due: false, today: TODAY });
    expect([upcoming.total, upcoming.rows.map((r) => r.dueOn)]).toEqual([2, ["2026-12-01", "2027-01-01"]]);
  });
});

describe("requests pages", () => {
  it("counts every request and pages through them", async () => {
    await openFundYear(w.ctx, { fundId: w.funds.district.id, year: 2026 }, NOW);
    for (const amount of ["1", "2", "3"]) {
      await createFundRequest(w.ctx, { fundId: w.funds.district.id, year: 2026, kind: "TOP_UP", amount, reason: "分页测试" });
    }
    const districtOffice = actorOf(await createUser(w.tree.district.id, ["LEADING_GROUP_OFFICE"]));
    const p1 = await fundRequests(districtOffice, { page: "1", perPage: 2 });
    const p2 = await fundRequests(districtOffice, { page: "2", perPage: 2 });
    expect([p1.total, p1.rows.length, p2.rows.length]).toEqual([3, 2, 1]);
    expect(new Set([...p1.rows, ...p2.rows].map((r) => r.id)).size).toBe(3);
  });
});

describe("the 第十一条 appropriations shown on the dashboard", () => {
  it("are read from the policy in force on 1 January of the year", async () => {
    expect(await appropriationPolicy(2026)).toEqual({ policy: w.policy.code, city: w.policy.cityFundAnnual.toFixed(2), district: w.policy.districtFundAnnual.toFixed(2) });
    expect(await appropriationPolicy(1900)).toBeNull();
  });
});

/**
 * The fund ledger against real PostgreSQL: opening a year (appropriation from
 * the policy, 第十一条/第十三条), paying approved applications (第十五至十七条),
 * insufficient balance (第十一条), reversals, top-ups and subsidies, annual
 * settlement with rollover and reopen (第十四条), back-dating refused.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { yuan } from "@/lib/money";
import { ForbiddenError } from "@/lib/errors";
import { entryFundResource } from "@/lib/ledger/access";
import { can } from "@/lib/authz";
import { openFundYear } from "@/lib/ledger/years";
import { payPayable } from "@/lib/ledger/payout";
import { createFundRequest, decideFundRequest } from "@/lib/ledger/requests";
import { reopenYear, settleAllFunds, settleYear, settlementStatus } from "@/lib/ledger/settlement";
import { reverseEntry } from "@/lib/ledger/reversal";
import { verifyLedger } from "@/lib/ledger/verify";
import { ledgerEntries, listFunds } from "@/lib/fund/queries";
import { yearReport } from "@/lib/fund/year-report";
import { actorOf, createUser, ctxOf } from "../helpers/fixtures";
import { refusal } from "../helpers/errors";
import { approvedApplication, balanceOf, day, entrySum, fundWorld, type FundWorld } from "./fund-fixtures";

const NOW = new Date("2026-11-21T04:00:00Z");


let w: FundWorld;
beforeAll(async () => {
  w = await fundWorld();
});

describe("opening a year (第十一条、第十三条)", () => {
  it("posts the policy's appropriation: 300,000 for the city, 100,000 for a district", async () => {
    await openFundYear(w.ctx, { fundId: w.funds.city.id, year: 2024 }, NOW);
    await openFundYear(w.ctx, { fundId: w.funds.district.id, year: 2024 }, NOW);
    expect(await balanceOf(w.funds.city.id, 2024)).toBe("300000.00");
    expect(await balanceOf(w.funds.district.id, 2024)).toBe("100000.00");
    const [entry] = await ledgerEntries(w.funds.city.id, 2024);
    expect(entry).toMatchObject({ seq: 1, kind: "APPROPRIATION", amount: "300000.00", balanceAfter: "300000.00", entryDate: "2024-01-01" });
  });

  it("refuses opening the same year twice and a future year", async () => {
    expect((await refusal(openFundYear(w.ctx, { fundId: w.funds.city.id, year: 2024 }, NOW))).code).toBe("fund.yearAlreadyOpen");
    expect((await refusal(openFundYear(w.ctx, { fundId: w.funds.city.id, year: 2027 }, NOW))).code).toBe("fund.yearOutOfRange");
    expect(await balanceOf(w.funds.city.id, 2024)).toBe("300000.00");
  });
});

describe("paying approved applications", () => {
  it("pays an art. 16 one-off subsidy and an art. 17 instalment with application, district and approver", async () => {
    const art16 = await approvedApplication(w, "ART16", w.funds.district.id, [{ amount: "3000.00", periodStart: "2024-03-01" }]);
    const art17 = await approvedApplication(w, "ART17", w.funds.district.id, [
      { amount: "1910.00", periodStart: "2024-04-01", dueOn: "2024-04-10" },
      { amount: "1910.00", periodStart: "2024-05-01", dueOn: "2024-05-10" },
    ]);
    const one = await payPayable(w.ctx, { payableId: art16.payables[0]!.id, payableVersion: 0, paidOn: day("2024-03-05"), method: "BANK_TRANSFER", reference: "V-001" }, NOW);
    expect(one).toMatchObject({ amount: "-3000.00", balanceAfter: "97000.00", replayed: false });
    const two = await payPayable(w.ctx, { payableId: art17.payables[0]!.id, payableVersion: 0, paidOn: day("2024-04-10"), method: "BANK_TRANSFER" }, NOW);
    expect(two.balanceAfter).toBe("95090.00");

    const entries = await ledgerEntries(w.funds.district.id, 2024);
    expect(entries.map((e) => [e.kind, e.article, e.applicationNumber, e.district, e.approvedBy])).toEqual([
      ["APPROPRIATION", null, null, null, null],
      ["DISBURSEMENT", "ART16", art16.application.number, w.tree.district.name, w.leader.displayName],
      ["DISBURSEMENT", "ART17", art17.application.number, w.tree.district.name, w.leader.displayName],
    ]);
    const paid = await db().payable.findUniqueOrThrow({ where: { id: art16.payables[0]!.id } });
    expect(paid).toMatchObject({ status: "PAID", version: 1 });
    expect(paid.paidAt).not.toBeNull();
    // The next monthly instalment (第十七条) is paid in its own month.
    const three = await payPayable(w.ctx, { payableId: art17.payables[1]!.id, payableVersion: 0, paidOn: day("2024-05-10"), method: "BANK_TRANSFER" }, NOW);
    expect(three.balanceAfter).toBe("93180.00");
  });

  it("is idempotent: the same request replayed pays once", async () => {
    const c = await approvedApplication(w, "ART15", w.funds.district.id, [{ amount: "2000.00", periodStart: "2024-06-01" }]);
    const input = { payableId: c.payables[0]!.id, payableVersion: 0, paidOn: day("2024-06-02"), method: "BANK_TRANSFER" as const };
    const before = await balanceOf(w.funds.district.id, 2024);
    const results = await Promise.all([payPayable(w.ctx, input, NOW), payPayable(w.ctx, input, NOW), payPayable(w.ctx, input, NOW)]);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => r.entryId)).size).toBe(1);
    expect(await db().ledgerEntry.count({ where: { payableId: c.payables[0]!.id } })).toBe(1);
    expect(await balanceOf(w.funds.district.id, 2024)).toBe(yuan(before).minus("2000").toFixed(2));
    // A later replay (retried POST) is answered from the ledger too.
    expect((await payPayable(w.ctx, input, NOW)).replayed).toBe(true);
  });

  it("refuses an instalment before it is due, after re-employment, and a cancelled payable", async () => {
    // September and October instalments, each due the day after its month (as lib/applications schedules them);
    // re-employed on 15 October: October was not spent wholly unemployed (第十七条 至重新领薪或工作为止).
    const c = await approvedApplication(
      w,
      "ART17",
      w.funds.district.id,
      [
        { amount: "1910.00", periodStart: "2024-09-01", dueOn: "2024-10-01" },
        { amount: "1910.00", periodStart: "2024-10-01", dueOn: "2024-11-01" },
      ],
      { reemployedOn: "2024-10-15" },
    );
    expect((await refusal(payPayable(w.ctx, { payableId: c.payables[0]!.id, payableVersion: 0, paidOn: day("2024-09-20"), method: "CASH" }, NOW))).code).toBe("fund.notDue");
    expect((await refusal(payPayable(w.ctx, { payableId: c.payables[1]!.id, payableVersion: 0, paidOn: day("2024-11-05"), method: "CASH" }, NOW))).code).toBe("fund.reemployed");
    await db().payable.update({ where: { id: c.payables[1]!.id }, data: { status: "CANCELLED", cancelReason: "再就业" } });
    expect((await refusal(payPayable(w.ctx, { payableId: c.payables[1]!.id, payableVersion: 0, paidOn: day("2024-11-05"), method: "CASH" }, NOW))).code).toBe("fund.payableCancelled");
    // Only PAYMENT_METHODS keys are stored (a label such as the old demo data's "银行转账" is refused).
    expect((await refusal(payPayable(w.ctx, { payableId: c.payables[0]!.id, payableVersion: 0, paidOn: day("2024-10-02"), method: "银行转账" as never }, NOW))).code).toBe("fund.methodInvalid");
    await payPayable(w.ctx, { payableId: c.payables[0]!.id, payableVersion: 0, paidOn: day("2024-10-02"), method: "CASH" }, NOW);
    expect((await db().ledgerEntry.findFirstOrThrow({ where: { payableId: c.payables[0]!.id } })).method).toBe("CASH");
  });

  it("refuses a payment the year cannot afford and names the shortfall (第十一条), changing nothing", async () => {
    const c = await approvedApplication(w, "ART16", w.funds.otherDistrict.id, [{ amount: "3000.00", periodStart: "2024-02-01" }]);
    await openFundYear(w.ctx, { fundId: w.funds.otherDistrict.id, year: 2024 }, NOW);
    // Spend the year down to 1,000 with a subsidy granted upwards is impossible; use a reversal of most of the appropriation instead.
    const [appropriation] = await ledgerEntries(w.funds.otherDistrict.id, 2024);
    await reverseEntry(w.ctx, { entryId: BigInt(appropriation!.id), reason: "测试：预算未到位" }, NOW);
    expect(await balanceOf(w.funds.otherDistrict.id, 2024)).toBe("0.00");
    const refused = await refusal(payPayable(w.ctx, { payableId: c.payables[0]!.id, payableVersion: 0, paidOn: day("2024-02-03"), method: "CASH" }, NOW));
    expect(refused).toEqual({ code: "fund.insufficient", values: { amount: "3,000.00", balance: "0.00", shortfall: "3,000.00" } });
    expect(await db().payable.findUniqueOrThrow({ where: { id: c.payables[0]!.id } })).toMatchObject({ status: "SCHEDULED", version: 0 });
    expect(await db().ledgerEntry.count({ where: { payableId: c.payables[0]!.id } })).toBe(0);

    // Top-up (追加) decided by the fund's own leading body, then the payment goes through.
    const { id } = await createFundRequest(w.ctx, { fundId: w.funds.otherDistrict.id, year: 2024, kind: "TOP_UP", amount: "3000", reason: "支付第十六条补助" });
    await decideFundRequest(w.ctx, { requestId: id, approve: true, note: "经主席办公会议研究同意追加", postedOn: day("2024-02-04") }, NOW);
    expect(await balanceOf(w.funds.otherDistrict.id, 2024)).toBe("3000.00");
    const paid = await payPayable(w.ctx, { payableId: c.payables[0]!.id, payableVersion: 0, paidOn: day("2024-02-05"), method: "CASH" }, NOW);
    expect(paid.balanceAfter).toBe("0.00");
  });
});

describe("subsidy from the upper union (第十一条)", () => {
  it("posts the grant out of the city fund and the receipt into the district fund in one transaction", async () => {
    const cityBefore = await balanceOf(w.funds.city.id, 2024);
    const { id } = await createFundRequest(w.ctx, { fundId: w.funds.otherDistrict.id, year: 2024, kind: "SUBSIDY", amount: "20000.50", reason: "本级经费困难" });
    const request = await db().fundRequest.findUniqueOrThrow({ where: { id } });
    expect(request.grantingFundId).toBe(w.funds.city.id);
    await decideFundRequest(w.ctx, { requestId: id, approve: true, note: "市总同意补助", postedOn: day("2024-07-01") }, NOW);
    expect(await balanceOf(w.funds.city.id, 2024)).toBe(yuan(cityBefore).minus("20000.50").toFixed(2));
    expect(await balanceOf(w.funds.otherDistrict.id, 2024)).toBe("20000.50");
    const [granted] = (await ledgerEntries(w.funds.city.id, 2024)).filter((e) => e.kind === "SUBSIDY_GRANTED");
    expect(granted).toMatchObject({ amount: "-20000.50", counterpart: w.tree.otherDistrict.name });
    expect((await refusal(decideFundRequest(w.ctx, { requestId: id, approve: false, note: "重复" }, NOW))).code).toBe("fund.requestDecided");
  });

  it("refuses a subsidy request for the city fund (no upper union fund)", async () => {
    expect((await refusal(createFundRequest(w.ctx, { fundId: w.funds.city.id, year: 2024, kind: "SUBSIDY", amount: "1", reason: "x" }))).code).toBe("fund.noUpperFund");
  });

  it("reverses both sides of a subsidy together", async () => {
    const { id } = await createFundRequest(w.ctx, { fundId: w.funds.district.id, year: 2024, kind: "SUBSIDY", amount: "500", reason: "测试冲正" });
    const { entryIds } = await decideFundRequest(w.ctx, { requestId: id, approve: true, note: "同意", postedOn: day("2024-07-02") }, NOW);
    const city = await balanceOf(w.funds.city.id, 2024);
    const district = await balanceOf(w.funds.district.id, 2024);
    const { entryIds: reversals } = await reverseEntry(w.ctx, { entryId: BigInt(entryIds[1]!), reason: "录入错误" }, NOW);
    expect(reversals).toHaveLength(2);
    expect(await balanceOf(w.funds.city.id, 2024)).toBe(yuan(city).plus("500").toFixed(2));
    expect(await balanceOf(w.funds.district.id, 2024)).toBe(yuan(district).minus("500").toFixed(2));
  });
});

describe("reversing a subsidy authorizes both funds (第十一条)", () => {
  it("refuses a district office reversing its receipt, which would post back into the city fund it may not manage", async () => {
    const districtOffice = await createUser(w.tree.district.id, ["LEADING_GROUP_OFFICE"]);
    const districtCtx = ctxOf(actorOf(districtOffice));
    const { id } = await createFundRequest(districtCtx, { fundId: w.funds.district.id, year: 2024, kind: "SUBSIDY", amount: "300", reason: "本级经费困难" });
    const { entryIds } = await decideFundRequest(w.ctx, { requestId: id, approve: true, note: "市总同意补助", postedOn: day("2024-07-03") }, NOW);
    const received = entryIds[1]!;
    const city = await balanceOf(w.funds.city.id, 2024);
    const district = await balanceOf(w.funds.district.id, 2024);
    // The action's own check (fund.manage on the entry's fund) passes for the district office…
    expect(can(actorOf(districtOffice), "fund.manage", await entryFundResource(BigInt(received)))).toBe(true);
    // …but the reversal also posts into the city fund: refused, nothing posted.
    await expect(reverseEntry(districtCtx, { entryId: BigInt(received), reason: "录入错误" }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await balanceOf(w.funds.city.id, 2024)).toBe(city);
    expect(await balanceOf(w.funds.district.id, 2024)).toBe(district);
    expect(await db().ledgerEntry.count({ where: { reversesEntryId: BigInt(received) } })).toBe(0);
    // The city office manages both funds and may reverse it (both sides).
    expect((await reverseEntry(w.ctx, { entryId: BigInt(received), reason: "录入错误" }, NOW)).entryIds).toHaveLength(2);
  });
});

describe("reversal", () => {
  it("puts a reversed payout's payable back to SCHEDULED and refuses reversing twice or reversing a reversal", async () => {
    const c = await approvedApplication(w, "ART15", w.funds.district.id, [{ amount: "1500.00", periodStart: "2024-08-01" }]);
    const paid = await payPayable(w.ctx, { payableId: c.payables[0]!.id, payableVersion: 0, paidOn: day("2024-08-03"), method: "CASH" }, NOW);
    const { entryIds } = await reverseEntry(w.ctx, { entryId: BigInt(paid.entryId), reason: "收款账号错误" }, NOW);
    expect(await db().payable.findUniqueOrThrow({ where: { id: c.payables[0]!.id } })).toMatchObject({ status: "SCHEDULED", version: 2, paidAt: null });
    const reversal = (await ledgerEntries(w.funds.district.id, 2024)).find((e) => e.id === entryIds[0]);
    expect(reversal).toMatchObject({ kind: "REVERSAL", amount: "1500.00", article: "ART15", entryDate: "2024-12-31" });
    expect((await refusal(reverseEntry(w.ctx, { entryId: BigInt(paid.entryId), reason: "again" }, NOW))).code).toBe("fund.alreadyReversed");
    expect((await refusal(reverseEntry(w.ctx, { entryId: BigInt(entryIds[0]!), reason: "again" }, NOW))).code).toBe("fund.reverseReversal");
    // A stale replay of the reversed payment (old form, version 0) is not reported as paid.
    const stale = await refusal(payPayable(w.ctx, { payableId: c.payables[0]!.id, payableVersion: 0, paidOn: day("2024-08-03"), method: "CASH" }, NOW));
    const original = await db().ledgerEntry.findUniqueOrThrow({ where: { id: BigInt(paid.entryId) } });
    const reversalRow = await db().ledgerEntry.findUniqueOrThrow({ where: { id: BigInt(entryIds[0]!) } });
    expect(stale).toEqual({ code: "fund.paymentReversed", values: { seq: original.seq, reversalSeq: reversalRow.seq, date: "2024-12-31" } });
    expect(await db().ledgerEntry.count({ where: { payableId: c.payables[0]!.id } })).toBe(2);
    // Paid again under the new version: a fresh idempotency key.
    const again = await payPayable(w.ctx, { payableId: c.payables[0]!.id, payableVersion: 2, paidOn: day("2024-08-10"), method: "BANK_TRANSFER" }, NOW);
    expect(again.replayed).toBe(false);
  });
});

describe("reversing a payout that can no longer be paid (第十七条, 第十四条)", () => {
  it("cancels the payable instead of scheduling it again, so it never blocks the annual settlement", async () => {
    // November 2024 instalment, paid on 2 December; re-employment on 20 November is recorded afterwards (overpaid).
    const c = await approvedApplication(w, "ART17", w.funds.district.id, [{ amount: "1910.00", periodStart: "2024-11-01", dueOn: "2024-12-01" }]);
    const paid = await payPayable(w.ctx, { payableId: c.payables[0]!.id, payableVersion: 0, paidOn: day("2024-12-02"), method: "BANK_TRANSFER" }, NOW);
    await db().application.update({ where: { id: c.application.id }, data: { reemployedOn: day("2024-11-20") } });
    await reverseEntry(w.ctx, { entryId: BigInt(paid.entryId), reason: "已重新就业，款项退回" }, NOW);
    const payable = await db().payable.findUniqueOrThrow({ where: { id: c.payables[0]!.id } });
    expect(payable).toMatchObject({ status: "CANCELLED", version: 2, paidAt: null });
    expect(payable.cancelReason).toContain("第十七条");
    expect(payable.cancelReason).toContain("2024-11-20");
    expect((await settlementStatus(w.funds.district.id, 2024, NOW)).map((b) => b.code)).not.toContain("fund.unpaidPayables");
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "fund.pay.reverse", entityId: String(payable.id) } });
    expect(audit.after).toMatchObject({ status: "CANCELLED", reason: "已重新就业，款项退回" });
  });
});

describe("annual settlement and rollover (第十四条、第十一条)", () => {
  it("lists the blockers, refuses while a payable due in the year is unpaid or a request is pending", async () => {
    const c = await approvedApplication(w, "ART17", w.funds.district.id, [{ amount: "1910.00", periodStart: "2024-12-01", dueOn: "2024-12-10" }]);
    const { id } = await createFundRequest(w.ctx, { fundId: w.funds.district.id, year: 2024, kind: "TOP_UP", amount: "100", reason: "待批" });
    const blockers = await settlementStatus(w.funds.district.id, 2024, NOW);
    expect(blockers.map((b) => b.code)).toEqual(["fund.unpaidPayables", "fund.pendingRequests"]);
    expect((await refusal(settleYear(w.ctx, { fundId: w.funds.district.id, year: 2024 }, NOW))).code).toBe("fund.unpaidPayables");
    // The upper fund's settlement waits for pending subsidy requests addressed to it.
    const sub = await createFundRequest(w.ctx, { fundId: w.funds.district.id, year: 2024, kind: "SUBSIDY", amount: "100", reason: "待批" });
    expect((await settlementStatus(w.funds.city.id, 2024, NOW)).map((b) => b.code)).toEqual(["fund.pendingRequests"]);
    await decideFundRequest(w.ctx, { requestId: sub.id, approve: false, note: "不予补助" }, NOW);
    await decideFundRequest(w.ctx, { requestId: id, approve: false, note: "不予追加" }, NOW);
    await payPayable(w.ctx, { payableId: c.payables[0]!.id, payableVersion: 0, paidOn: day("2024-12-10"), method: "BANK_TRANSFER" }, NOW);
    expect(await settlementStatus(w.funds.district.id, 2024, NOW)).toEqual([]);
  });

  it("refuses settling a year that has not ended", async () => {
    expect((await refusal(settleYear(w.ctx, { fundId: w.funds.district.id, year: 2024 }, new Date("2024-12-31T10:00:00Z")))).code).toBe("fund.yearNotEnded");
  });

  it("settles, carries the closing balance into next year's rollover with its appropriation, and refuses back-dated entries", async () => {
    const closing = await balanceOf(w.funds.district.id, 2024);
    const result = await settleYear(w.ctx, { fundId: w.funds.district.id, year: 2024 }, NOW);
    expect(result).toMatchObject({ closingBalance: closing, rollover: closing, nextYearOpened: true });
    const y2024 = await db().fundYear.findUniqueOrThrow({ where: { fundId_year: { fundId: w.funds.district.id, year: 2024 } } });
    expect(y2024.status).toBe("SETTLED");
    expect(y2024.closingBalance?.toFixed(2)).toBe(closing);
    const y2025 = await db().fundYear.findUniqueOrThrow({ where: { fundId_year: { fundId: w.funds.district.id, year: 2025 } } });
    expect(y2025.openingBalance.toFixed(2)).toBe(closing);
    expect(y2025.balance.toFixed(2)).toBe(yuan(closing).plus("100000").toFixed(2));
    const e2025 = await ledgerEntries(w.funds.district.id, 2025);
    expect(e2025.map((e) => [e.kind, e.amount])).toEqual([
      ["APPROPRIATION", "100000.00"],
      ["ROLLOVER", closing],
    ]);

    // Back-dated entries into the settled year are refused.
    const late = await approvedApplication(w, "ART16", w.funds.district.id, [{ amount: "800.00", periodStart: "2024-11-01", dueOn: "2024-12-15" }]);
    expect((await refusal(payPayable(w.ctx, { payableId: late.payables[0]!.id, payableVersion: 0, paidOn: day("2024-12-20"), method: "CASH" }, NOW))).code).toBe("fund.yearSettled");
    expect((await refusal(settleYear(w.ctx, { fundId: w.funds.district.id, year: 2024 }, NOW))).code).toBe("fund.alreadySettled");
    // Paid in the new year instead, using the rollover (第十一条 当年使用不足时可以动用滚存结余).
    await payPayable(w.ctx, { payableId: late.payables[0]!.id, payableVersion: 0, paidOn: day("2025-01-05"), method: "CASH" }, NOW);
  });

  it("reopens explicitly (reversing the rollover) and settles again", async () => {
    const closing = (await db().fundYear.findUniqueOrThrow({ where: { fundId_year: { fundId: w.funds.district.id, year: 2024 } } })).closingBalance!.toFixed(2);
    const before2025 = await balanceOf(w.funds.district.id, 2025);
    const reopened = await reopenYear(w.ctx, { fundId: w.funds.district.id, year: 2024, reason: "审计调整" }, NOW);
    expect(reopened.reversedRollover).toBe(closing);
    expect(await balanceOf(w.funds.district.id, 2025)).toBe(yuan(before2025).minus(yuan(closing)).toFixed(2));
    const y2025 = await db().fundYear.findUniqueOrThrow({ where: { fundId_year: { fundId: w.funds.district.id, year: 2025 } } });
    expect(y2025.openingBalance.toFixed(2)).toBe("0.00");
    expect((await db().fundYear.findUniqueOrThrow({ where: { fundId_year: { fundId: w.funds.district.id, year: 2024 } } })).status).toBe("OPEN");
    const y2024 = await db().fundYear.findUniqueOrThrow({ where: { fundId_year: { fundId: w.funds.district.id, year: 2024 } } });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "fund.year.reopen", entityId: String(y2024.id) } });
    expect(audit.after).toMatchObject({ status: "OPEN", reason: "审计调整" });

    const again = await settleYear(w.ctx, { fundId: w.funds.district.id, year: 2024 }, NOW);
    expect(again).toMatchObject({ rollover: closing, nextYearOpened: false });
    expect(await balanceOf(w.funds.district.id, 2025)).toBe(before2025);
  });

  it("refuses reopening when next year has spent the rollover", async () => {
    const fund = w.funds.otherDistrict.id;
    // otherDistrict 2024 holds the 20,000.50 subsidy; open 2023 (100,000) and settle it → 2024 gets a 100,000 rollover.
    await openFundYear(w.ctx, { fundId: fund, year: 2023 }, NOW);
    await settleYear(w.ctx, { fundId: fund, year: 2023 }, NOW);
    expect(await balanceOf(fund, 2024)).toBe("120000.50");
    const received = (await ledgerEntries(fund, 2024)).find((e) => e.kind === "SUBSIDY_RECEIVED")!;
    await reverseEntry(w.ctx, { entryId: BigInt(received.id), reason: "补助退回" }, NOW);
    const c = await approvedApplication(w, "ART16", fund, [{ amount: "3000.00", periodStart: "2024-03-01" }]);
    await payPayable(w.ctx, { payableId: c.payables[0]!.id, payableVersion: 0, paidOn: day("2024-03-02"), method: "CASH" }, NOW);
    expect(await balanceOf(fund, 2024)).toBe("97000.00");
    const refused = await refusal(reopenYear(w.ctx, { fundId: fund, year: 2023, reason: "x" }, NOW));
    expect(refused).toEqual({ code: "fund.reopenWouldOverdraw", values: { year: 2024, rollover: "100,000.00", balance: "97,000.00" } });
    expect((await db().fundYear.findUniqueOrThrow({ where: { fundId_year: { fundId: fund, year: 2023 } } })).status).toBe("SETTLED");
  });

  it("settles every open fund of a scope, reporting the refused ones", async () => {
    const result = await settleAllFunds(w.ctx, { year: 2024, kind: "RIGHTS_PROTECTION" }, NOW);
    const refused = Object.fromEntries(result.refused.map((r) => [r.fundId, r.code]));
    expect(result.settled.map((s) => s.fundId).sort()).toEqual([w.funds.city.id, w.funds.otherDistrict.id].sort());
    expect(refused).toEqual({});
  });
});

describe("reports and verification", () => {
  it("builds the year report whose balance sheet closes to the stored balance", async () => {
    const funds = await listFunds(w.ctx.actor!, 2024);
    const report = await yearReport(funds, 2024, NOW);
    for (const f of report.funds) {
      if (f.balance === null) continue;
      expect(f.sheet.closing).toBe(f.balance);
      expect(f.sheet.closing).toBe(await entrySum(f.fundId, 2024));
    }
    const district = report.funds.find((f) => f.fundId === w.funds.district.id)!;
    expect(district.sheet.opening).toBe("0.00");
    expect(district.sheet.appropriation).toBe("100000.00");
    expect(yuan(district.sheet.payouts.ART16).gte("3000")).toBe(true);
    expect(report.byArticle.map((a) => a.article)).toEqual(["ART15", "ART16", "ART17"]);
    expect(report.byDistrict.every((d) => yuan(d.amount).gt(0))).toBe(true);
  });

  it("verifies every fund-year of these funds", async () => {
    const ids = [w.funds.city.id, w.funds.district.id, w.funds.otherDistrict.id];
    const result = await verifyLedger(db());
    const mine = result.years.filter((y) => ids.includes(y.fundId));
    expect(mine.map((y) => y.year).sort()).toEqual([2023, 2024, 2024, 2024, 2025, 2025, 2025]);
    expect(mine.filter((y) => y.problems.length > 0)).toEqual([]);
  });
});

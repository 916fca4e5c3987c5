/**
 * The applications feature's payability rule (lib/applications/payability.ts),
 * as the ledger applies it to an application's payables (第四条第3项 the office
 * pays what was decided; 第十五至十七条; 第十七条 至重新领薪或工作为止).
 */
import { describe, expect, it } from "vitest";
import { codeOf } from "../helpers/errors";
import { ConflictError } from "@/lib/errors";
import { assertPayable, payableAfterReversal } from "@/lib/ledger/rules/payability";
import { applicationNeverPayable, applicationPayability, type PayableApplication } from "@/lib/applications/payability";
import { monthPayable, supportMonth } from "@/lib/applications/schedule";
import { isoDate } from "@/lib/dates";

const d = (s: string) => new Date(`${s}T00:00:00.000Z`);


type ApplicationPayable = PayableApplication & { status: "SCHEDULED" | "PAID" | "CANCELLED"; paidOn: Date };
/** assertPayable as payPayable calls it for an application payable. */
const pay = (c: ApplicationPayable) => assertPayable({ status: c.status, dueOn: c.dueOn, paidOn: c.paidOn, never: applicationNeverPayable(c) });

describe("payouts of applications (第十五至十七条)", () => {
  const one: ApplicationPayable = { status: "SCHEDULED", kind: "ONE_OFF", dueOn: d("2026-03-01"), applicationStatus: "APPROVED", reemployedOn: null, paidOn: d("2026-03-05") };
  // an April instalment, due the day after the month (as lib/applications schedules it)
  const monthly: ApplicationPayable = { ...one, kind: "MONTHLY_SUPPORT", dueOn: d("2026-05-01"), paidOn: d("2026-05-02") };
  it("pays a scheduled payable of an approved application", () => {
    expect(codeOf(() => pay(one))).toBe("(no error)");
    expect(codeOf(() => pay({ ...monthly, paidOn: d("2026-05-01") }))).toBe("(no error)");
  });
  it("refuses paid, cancelled and unapproved payables", () => {
    expect(() => pay({ ...one, status: "PAID" })).toThrow(ConflictError);
    expect(codeOf(() => pay({ ...one, status: "CANCELLED" }))).toBe("fund.payableCancelled");
    expect(codeOf(() => pay({ ...one, applicationStatus: "IN_REVIEW" }))).toBe("fund.applicationNotApproved");
  });
  it("pays nothing before it is due, and art. 17 support month by month until re-employment (至重新领薪或工作为止)", () => {
    expect(codeOf(() => pay({ ...monthly, paidOn: d("2026-04-30") }))).toBe("fund.notDue");
    expect(codeOf(() => pay({ ...one, paidOn: d("2026-02-28") }))).toBe("fund.notDue");
    expect(codeOf(() => pay({ ...monthly, reemployedOn: d("2026-04-01") }))).toBe("fund.reemployed");
    // Re-employed mid-April: April was not spent wholly unemployed, so it is not paid (第十七条).
    expect(codeOf(() => pay({ ...monthly, reemployedOn: d("2026-04-15") }))).toBe("fund.reemployed");
    expect(codeOf(() => pay({ ...monthly, reemployedOn: d("2026-04-30") }))).toBe("fund.reemployed");
    // Re-employed on 1 May or later: April was wholly unemployed and is paid.
    expect(codeOf(() => pay({ ...monthly, reemployedOn: d("2026-05-01") }))).toBe("(no error)");
    expect(codeOf(() => pay({ ...monthly, reemployedOn: d("2026-06-10") }))).toBe("(no error)");
    // One-off subsidies (第十五条、第十六条) are not affected by re-employment.
    expect(codeOf(() => pay({ ...one, reemployedOn: d("2026-03-02") }))).toBe("(no error)");
  });
  it("names the re-employment date in the refusal", () => {
    expect(applicationNeverPayable({ ...monthly, reemployedOn: d("2026-04-15") })).toMatchObject({ code: "fund.reemployed", values: { date: "2026-04-15" } });
  });
  it("applies exactly the applications feature's art. 17 schedule rule (lib/applications/schedule.ts monthPayable): one source of truth", () => {
    const start = d("2026-01-20");
    const days = Array.from({ length: 200 }, (_, i) => new Date(start.getTime() + i * 86_400_000));
    for (let k = 1; k <= 6; k++) {
      const month = supportMonth(start, k);
      for (const reemployedOn of days) {
        const fund = codeOf(() => pay({ ...monthly, dueOn: month.dueOn, paidOn: month.dueOn, reemployedOn }));
        expect([k, isoDate(reemployedOn), fund === "(no error)"]).toEqual([k, isoDate(reemployedOn), monthPayable(month.dueOn, reemployedOn)]);
      }
    }
  });
});

describe("an application payable after its payment is reversed (第十二条 冲正, 第十四条)", () => {
  const base: PayableApplication = { kind: "MONTHLY_SUPPORT", dueOn: d("2026-05-01"), applicationStatus: "APPROVED", reemployedOn: null };
  const after = (input: PayableApplication) => payableAfterReversal(applicationNeverPayable(input), 12);
  it("goes back to SCHEDULED (its prior state) when it can still be paid", () => {
    expect(after(base)).toEqual({ status: "SCHEDULED", cancelReason: null });
    expect(after({ ...base, reemployedOn: d("2026-05-01") })).toEqual({ status: "SCHEDULED", cancelReason: null });
    expect(after({ ...base, kind: "ONE_OFF", reemployedOn: d("2026-01-01") })).toEqual({ status: "SCHEDULED", cancelReason: null });
  });
  it("is CANCELLED when it could never be paid again (it would block every settlement), with the reason in Chinese", () => {
    expect(applicationPayability({ ...base, reemployedOn: d("2026-04-20") })).toBe("reemployed");
    expect(after({ ...base, reemployedOn: d("2026-04-20") })).toEqual({
      status: "CANCELLED",
      cancelReason: "第 12 号支付已冲正；依据《办法》第十七条“至重新领薪或工作为止”，申请人已于 2026-04-20 重新就业或恢复领薪，该月不再资助。",
    });
    expect(applicationPayability({ ...base, kind: "ONE_OFF", applicationStatus: "WITHDRAWN" })).toBe("applicationNotApproved");
    expect(after({ ...base, kind: "ONE_OFF", applicationStatus: "WITHDRAWN" })).toEqual({ status: "CANCELLED", cancelReason: "第 12 号支付已冲正；申请已不处于已批准状态，该笔款项不再支付。" });
  });
});

/**
 * Pure rules of the rights protection fund (lib/fund/rules.ts) with the seed's
 * numbers: 第十一条 city 300,000 / district 100,000 a year, balance never below
 * zero, rollover of the year-end balance, 第十四条 settlement preconditions,
 * 第十七条 monthly instalments, reversals, balance sheet, runway.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConflictError, DomainError } from "@/lib/errors";
import { Decimal, yuan } from "@/lib/money";
import { annualAppropriation, applyEntry, assertOpenableYear, assertPayable, assertPostable, assertReopenable, balanceSheet, payableAfterReversal, checkYear, monthSeries, payableIdempotencyKey, positiveYuan, reversalOf, rolloverAmount, runwayMonths, settlementBlockers, shortfall, signedAmount, type YearCheckInput } from "@/lib/fund/rules";
import { isoDate, todayInChina, yearEnd, yearOf, yearStart } from "@/lib/dates";
import { monthPayable, supportMonth } from "@/lib/applications/schedule";

const POLICY = { cityFundAnnual: "300000.00", districtFundAnnual: "100000.00" };
const d = (s: string) => new Date(`${s}T00:00:00.000Z`);

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return "(no error)";
}

describe("annual appropriation (第十一条、第十三条)", () => {
  it("reads 300,000 for the city federation and 100,000 for district, county and pilot-zone federations from the policy", () => {
    expect(annualAppropriation("CITY_FEDERATION", POLICY).toFixed(2)).toBe("300000.00");
    expect(annualAppropriation("DISTRICT_FEDERATION", POLICY).toFixed(2)).toBe("100000.00");
    expect(annualAppropriation("PILOT_ZONE_FEDERATION", POLICY).toFixed(2)).toBe("100000.00");
  });
  it("follows a changed policy (art. 19: data, not constants)", () => {
    expect(annualAppropriation("CITY_FEDERATION", { cityFundAnnual: "350000.50", districtFundAnnual: "1" }).toFixed(2)).toBe("350000.50");
  });
  it("refuses organisations that hold no fund", () => {
    expect(codeOf(() => annualAppropriation("GRASSROOTS_UNION", POLICY))).toBe("fund.noAppropriation");
    expect(codeOf(() => annualAppropriation("INDUSTRIAL_UNION", POLICY))).toBe("fund.noAppropriation");
  });
});

describe("amounts and balance (never below zero, 第十一条)", () => {
  it("signs inflows positive and outflows negative", () => {
    expect(signedAmount("APPROPRIATION", "300000").toFixed(2)).toBe("300000.00");
    expect(signedAmount("TOP_UP", "0.01").toFixed(2)).toBe("0.01");
    expect(signedAmount("SUBSIDY_RECEIVED", "5000").toFixed(2)).toBe("5000.00");
    expect(signedAmount("DISBURSEMENT", "3000").toFixed(2)).toBe("-3000.00");
    expect(signedAmount("SUBSIDY_GRANTED", "5000").toFixed(2)).toBe("-5000.00");
    expect(() => signedAmount("REVERSAL", "1")).toThrow(/reversalOf/);
  });
  it("refuses zero, negative, sub-fen and non-numeric amounts", () => {
    for (const bad of ["0", "-1", "1.001", "abc", "1e15", "1000000000000"]) expect(codeOf(() => positiveYuan(bad))).toBe("fund.amountInvalid");
    expect(positiveYuan("999999999999.99").toFixed(2)).toBe("999999999999.99");
    expect(positiveYuan("3000").toFixed(2)).toBe("3000.00");
  });
  it("pays 3,000 out of 100,000 and refuses what the year cannot afford, naming the shortfall", () => {
    expect(applyEntry("100000.00", "-3000.00").toFixed(2)).toBe("97000.00");
    expect(applyEntry("3000.00", "-3000.00").toFixed(2)).toBe("0.00");
    try {
      applyEntry("1000.00", "-3000.00");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("fund.insufficient");
      expect((error as DomainError).values).toEqual({ amount: "3,000.00", balance: "1,000.00", shortfall: "2,000.00" });
    }
    expect(shortfall("1000", "3000").toFixed(2)).toBe("2000.00");
    expect(shortfall("5000", "3000").toFixed(2)).toBe("0.00");
  });
  it("is exact in decimal: 0.1 + 0.2 yuan is 0.30, not a float", () => {
    expect(applyEntry("0.10", "0.20").toFixed(2)).toBe("0.30");
    expect(applyEntry("0.30", "-0.30").isZero()).toBe(true);
  });
  it("never produces a negative balance (property)", () => {
    const fen = fc.integer({ min: -10_000_000, max: 10_000_000 }).filter((n) => n !== 0);
    fc.assert(
      fc.property(fc.array(fen, { maxLength: 60 }), (steps) => {
        let balance = yuan(0);
        for (const f of steps) {
          const amount = new Decimal(f).div(100);
          try {
            balance = applyEntry(balance, amount);
          } catch (error) {
            expect((error as DomainError).code).toBe("fund.insufficient");
            expect(balance.plus(amount).lt(0)).toBe(true);
          }
          expect(balance.gte(0)).toBe(true);
        }
      }),
    );
  });
});

describe("dates and years", () => {
  it("uses China's calendar date for today", () => {
    expect(todayInChina(new Date("2026-12-31T16:30:00Z")).toISOString().slice(0, 10)).toBe("2027-01-01");
    expect(todayInChina(new Date("2026-12-31T15:59:00Z")).toISOString().slice(0, 10)).toBe("2026-12-31");
  });
  it("knows year boundaries", () => {
    expect(yearOf(d("2025-12-31"))).toBe(2025);
    expect(yearStart(2026).toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(yearEnd(2026).toISOString()).toBe("2026-12-31T00:00:00.000Z");
  });
  it("refuses entries into a settled year (back-dating, 第十四条) and future-dated entries", () => {
    expect(codeOf(() => assertPostable("SETTLED", d("2025-06-01"), d("2026-11-21")))).toBe("fund.yearSettled");
    expect(codeOf(() => assertPostable("OPEN", d("2026-11-22"), d("2026-11-21")))).toBe("fund.futureDate");
    expect(codeOf(() => assertPostable("OPEN", d("2026-11-21"), d("2026-11-21")))).toBe("(no error)");
  });
  it("opens years from 2008 (《办法》) up to the current year only", () => {
    expect(codeOf(() => assertOpenableYear(2026, d("2026-11-21")))).toBe("(no error)");
    expect(codeOf(() => assertOpenableYear(2008, d("2026-11-21")))).toBe("(no error)");
    expect(codeOf(() => assertOpenableYear(2027, d("2026-11-21")))).toBe("fund.yearOutOfRange");
    expect(codeOf(() => assertOpenableYear(2007, d("2026-11-21")))).toBe("fund.yearOutOfRange");
  });
});

describe("annual settlement (第十四条) and rollover (第十一条)", () => {
  const base = { year: 2025, status: "OPEN" as const, today: d("2026-01-05"), previousYearStatus: "SETTLED" as const, unpaidDuePayables: 0, pendingRequests: 0 };
  it("allows settling an ended year with nothing outstanding", () => {
    expect(settlementBlockers(base)).toEqual([]);
    expect(settlementBlockers({ ...base, previousYearStatus: null })).toEqual([]);
  });
  it("lists every blocker: year not ended, previous year open, unpaid payables, pending requests", () => {
    expect(settlementBlockers({ ...base, today: d("2025-12-31"), previousYearStatus: "OPEN", unpaidDuePayables: 2, pendingRequests: 1 })).toEqual([
      { code: "fund.yearNotEnded", values: { year: 2025 } },
      { code: "fund.previousYearOpen", values: { year: 2024 } },
      { code: "fund.unpaidPayables", values: { year: 2025, count: 2 } },
      { code: "fund.pendingRequests", values: { year: 2025, count: 1 } },
    ]);
  });
  it("refuses settling twice", () => {
    expect(settlementBlockers({ ...base, status: "SETTLED" }).map((b) => b.code)).toEqual(["fund.alreadySettled"]);
  });
  it("carries the closing balance into next year, nothing when it is zero", () => {
    expect(rolloverAmount("123456.78")?.toFixed(2)).toBe("123456.78");
    expect(rolloverAmount("0.00")).toBeNull();
    expect(() => rolloverAmount("-1")).toThrow(/inconsistent/);
  });
  it("reopens only while next year is open and still holds the rollover", () => {
    const ok = { year: 2025, status: "SETTLED" as const, nextYearStatus: "OPEN" as const, nextYearBalance: "180000.00", rollover: "80000.00" };
    expect(codeOf(() => assertReopenable(ok))).toBe("(no error)");
    expect(codeOf(() => assertReopenable({ ...ok, status: "OPEN" }))).toBe("fund.notSettled");
    expect(codeOf(() => assertReopenable({ ...ok, nextYearStatus: "SETTLED" }))).toBe("fund.nextYearSettled");
    expect(codeOf(() => assertReopenable({ ...ok, nextYearBalance: "79999.99" }))).toBe("fund.reopenWouldOverdraw");
    expect(codeOf(() => assertReopenable({ ...ok, rollover: null }))).toBe("(no error)");
  });
});

describe("reversals", () => {
  it("negates the entry", () => {
    expect(reversalOf({ kind: "DISBURSEMENT", amount: "-3000.00", reversed: false }).toFixed(2)).toBe("3000.00");
    expect(reversalOf({ kind: "APPROPRIATION", amount: "100000.00", reversed: false }).toFixed(2)).toBe("-100000.00");
  });
  it("refuses reversing a reversal, reversing twice, and reversing a rollover (reopen instead)", () => {
    expect(codeOf(() => reversalOf({ kind: "REVERSAL", amount: "3000", reversed: false }))).toBe("fund.reverseReversal");
    expect(codeOf(() => reversalOf({ kind: "DISBURSEMENT", amount: "-3000", reversed: true }))).toBe("fund.alreadyReversed");
    expect(codeOf(() => reversalOf({ kind: "ROLLOVER", amount: "5000", reversed: false }))).toBe("fund.reverseRollover");
  });
});

describe("payouts (第十五至十七条)", () => {
  const one = { status: "SCHEDULED" as const, kind: "ONE_OFF" as const, periodStart: d("2026-03-01"), dueOn: d("2026-03-01"), applicationStatus: "APPROVED" as const, reemployedOn: null, paidOn: d("2026-03-05") };
  // an April instalment, due the day after the month (as lib/applications schedules it)
  const monthly = { ...one, kind: "MONTHLY_SUPPORT" as const, periodStart: d("2026-04-01"), dueOn: d("2026-05-01"), paidOn: d("2026-05-02") };
  it("pays a scheduled payable of an approved application", () => {
    expect(codeOf(() => assertPayable(one))).toBe("(no error)");
    expect(codeOf(() => assertPayable({ ...monthly, paidOn: d("2026-05-01") }))).toBe("(no error)");
  });
  it("refuses paid, cancelled and unapproved payables", () => {
    expect(() => assertPayable({ ...one, status: "PAID" })).toThrow(ConflictError);
    expect(codeOf(() => assertPayable({ ...one, status: "CANCELLED" }))).toBe("fund.payableCancelled");
    expect(codeOf(() => assertPayable({ ...one, applicationStatus: "IN_REVIEW" }))).toBe("fund.applicationNotApproved");
  });
  it("pays nothing before it is due, and art. 17 support month by month until re-employment (至重新领薪或工作为止)", () => {
    expect(codeOf(() => assertPayable({ ...monthly, paidOn: d("2026-04-30") }))).toBe("fund.notDue");
    expect(codeOf(() => assertPayable({ ...one, paidOn: d("2026-02-28") }))).toBe("fund.notDue");
    expect(codeOf(() => assertPayable({ ...monthly, reemployedOn: d("2026-04-01") }))).toBe("fund.reemployed");
    // Re-employed mid-April: April was not spent wholly unemployed, so it is not paid (第十七条).
    expect(codeOf(() => assertPayable({ ...monthly, reemployedOn: d("2026-04-15") }))).toBe("fund.reemployed");
    expect(codeOf(() => assertPayable({ ...monthly, reemployedOn: d("2026-04-30") }))).toBe("fund.reemployed");
    // Re-employed on 1 May or later: April was wholly unemployed and is paid.
    expect(codeOf(() => assertPayable({ ...monthly, reemployedOn: d("2026-05-01") }))).toBe("(no error)");
    expect(codeOf(() => assertPayable({ ...monthly, reemployedOn: d("2026-06-10") }))).toBe("(no error)");
    // One-off subsidies (第十五条、第十六条) are not affected by re-employment.
    expect(codeOf(() => assertPayable({ ...one, reemployedOn: d("2026-03-02") }))).toBe("(no error)");
  });
  it("applies exactly the applications feature's art. 17 schedule rule (lib/applications/schedule.ts monthPayable): one source of truth", () => {
    const start = d("2026-01-20");
    const days = Array.from({ length: 200 }, (_, i) => new Date(start.getTime() + i * 86_400_000));
    for (let k = 1; k <= 6; k++) {
      const month = supportMonth(start, k);
      for (const reemployedOn of days) {
        const fund = codeOf(() => assertPayable({ ...monthly, dueOn: month.dueOn, paidOn: month.dueOn, reemployedOn }));
        expect([k, isoDate(reemployedOn), fund === "(no error)"]).toEqual([k, isoDate(reemployedOn), monthPayable(month.dueOn, reemployedOn)]);
      }
    }
  });
  it("keys idempotency by payable and version", () => {
    expect(payableIdempotencyKey(42, 0)).toBe("payable:42:v0");
    expect(payableIdempotencyKey(42, 2)).not.toBe(payableIdempotencyKey(42, 0));
  });
});

describe("payable after its payment is reversed (第十二条 冲正, 第十四条)", () => {
  const base = { kind: "MONTHLY_SUPPORT" as const, dueOn: d("2026-05-01"), applicationStatus: "APPROVED" as const, reemployedOn: null };
  it("goes back to SCHEDULED (its prior state) when it can still be paid", () => {
    expect(payableAfterReversal(base)).toEqual({ status: "SCHEDULED" });
    expect(payableAfterReversal({ ...base, reemployedOn: d("2026-05-01") })).toEqual({ status: "SCHEDULED" });
    expect(payableAfterReversal({ ...base, kind: "ONE_OFF", reemployedOn: d("2026-01-01") })).toEqual({ status: "SCHEDULED" });
  });
  it("is CANCELLED when it could never be paid again (it would block every settlement)", () => {
    expect(payableAfterReversal({ ...base, reemployedOn: d("2026-04-20") })).toEqual({ status: "CANCELLED", reason: "reemployed" });
    expect(payableAfterReversal({ ...base, kind: "ONE_OFF", applicationStatus: "WITHDRAWN" })).toEqual({ status: "CANCELLED", reason: "applicationNotApproved" });
  });
});

describe("balance sheet", () => {
  it("nets reversals into the line they correct and closes to the sum of entries", () => {
    const sheet = balanceSheet([
      { kind: "ROLLOVER", article: null, amount: "20000.00", count: 1, reversal: false },
      { kind: "APPROPRIATION", article: null, amount: "100000.00", count: 1, reversal: false },
      { kind: "TOP_UP", article: null, amount: "5000.00", count: 1, reversal: false },
      { kind: "SUBSIDY_RECEIVED", article: null, amount: "10000.00", count: 1, reversal: false },
      { kind: "DISBURSEMENT", article: "ART16", amount: "-6000.00", count: 2, reversal: false },
      { kind: "DISBURSEMENT", article: "ART16", amount: "3000.00", count: 1, reversal: true },
      { kind: "DISBURSEMENT", article: "ART17", amount: "-3820.00", count: 2, reversal: false },
      { kind: "DISBURSEMENT", article: "ART15", amount: "-1000.00", count: 1, reversal: false },
    ]);
    expect(sheet.opening.toFixed(2)).toBe("20000.00");
    expect(sheet.inflow.toFixed(2)).toBe("115000.00");
    expect(sheet.payouts.ART16.toFixed(2)).toBe("3000.00");
    expect(sheet.payouts.ART17.toFixed(2)).toBe("3820.00");
    expect(sheet.payoutsTotal.toFixed(2)).toBe("7820.00");
    expect(sheet.reversals.toFixed(2)).toBe("3000.00");
    expect(sheet.reversalCount).toBe(1);
    expect(sheet.closing.toFixed(2)).toBe("127180.00");
    expect(sheet.opening.plus(sheet.inflow).minus(sheet.outflow).toFixed(2)).toBe(sheet.closing.toFixed(2));
    expect(sheet.entryCount).toBe(10);
  });
  it("shows a subsidy granted to a lower union as an outflow", () => {
    const sheet = balanceSheet([
      { kind: "APPROPRIATION", article: null, amount: "300000.00", count: 1, reversal: false },
      { kind: "SUBSIDY_GRANTED", article: null, amount: "-20000.00", count: 1, reversal: false },
    ]);
    expect(sheet.subsidiesGranted.toFixed(2)).toBe("20000.00");
    expect(sheet.outflow.toFixed(2)).toBe("20000.00");
    expect(sheet.closing.toFixed(2)).toBe("280000.00");
  });
});

describe("burn and runway", () => {
  it("fills the 12 months with the running total", () => {
    const months = monthSeries([
      { month: 3, payouts: "3000.00" },
      { month: 7, payouts: "1910.00" },
    ]);
    expect(months).toHaveLength(12);
    expect(months[1]!.payouts.toFixed(2)).toBe("0.00");
    expect(months[6]!.cumulative.toFixed(2)).toBe("4910.00");
    expect(months[11]!.cumulative.toFixed(2)).toBe("4910.00");
  });
  it("divides the balance by the average monthly payout, rounded down to 0.1 month", () => {
    // 100,000 ÷ average(3,000, 0, 6,000) = 100,000 ÷ 3,000 = 33.33… → 33.3
    expect(runwayMonths("100000.00", ["3000", "0", "6000"])?.toFixed(1)).toBe("33.3");
    expect(runwayMonths("0.00", ["3000"])?.toFixed(1)).toBe("0.0");
  });
  it("has no runway figure (∞/—) when nothing is being paid out", () => {
    expect(runwayMonths("300000.00", ["0", "0"])).toBeNull();
    expect(runwayMonths("300000.00", [])).toBeNull();
  });
});

describe("ledger verification of one fund-year", () => {
  const good: YearCheckInput = {
    fundId: 1,
    year: 2025,
    status: "SETTLED",
    balance: "97000.00",
    openingBalance: "0.00",
    closingBalance: "97000.00",
    entryCount: 2,
    sum: "97000.00",
    count: 2,
    minSeq: 1,
    maxSeq: 2,
    badBalanceAfter: 0,
    rolloverNet: "0.00",
    nextYearRollover: "97000.00",
    totalsMismatches: 0,
  };
  it("accepts a consistent year", () => {
    expect(checkYear(good)).toEqual([]);
  });
  it("names each broken invariant", () => {
    expect(checkYear({ ...good, sum: "96999.99" })).toEqual(["balance 97000.00 ≠ Σ entries 96999.99"]);
    expect(checkYear({ ...good, maxSeq: 3 })).toEqual(["seq not contiguous (min 1, max 3, 2 entries)"]);
    expect(checkYear({ ...good, badBalanceAfter: 1 })).toEqual(["1 entries with a wrong balanceAfter"]);
    expect(checkYear({ ...good, nextYearRollover: "96000.00" })).toEqual(["closing 97000.00 ≠ rollover 96000.00 of 2026"]);
    expect(checkYear({ ...good, nextYearRollover: null })).toEqual(["settled but year 2026 does not exist"]);
    expect(checkYear({ ...good, openingBalance: "5.00" })).toEqual(["openingBalance 5.00 ≠ net rollover 0.00"]);
    expect(checkYear({ ...good, entryCount: 3 })).toEqual(["entryCount 3 ≠ 2 entries"]);
    expect(checkYear({ ...good, totalsMismatches: 2 })).toEqual(["2 report totals differ from the entries"]);
  });
});

/**
 * Pure rules of the ledger (lib/ledger/rules/*.ts), for every kind of fund,
 * with the rights protection fund's numbers from the seed: balance never below
 * zero (第十一条), rollover of the year-end balance, 第十四条 settlement
 * preconditions, reversals, balance sheet, runway, verification. The payability
 * rules are in ledger-payability.test.ts, the appropriation in fund-kind.test.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeOf } from "../helpers/errors";
import { DomainError } from "@/lib/errors";
import { Decimal, yuan } from "@/lib/money";
import { applyEntry, positiveYuan, shortfall, signedAmount } from "@/lib/ledger/rules/amounts";
import { assertOpenableYear, assertPostable } from "@/lib/ledger/rules/years";
import { assertReopenable, rolloverAmount, settlementBlockers } from "@/lib/ledger/rules/settlement";
import { reversalOf } from "@/lib/ledger/rules/reversal";
import { balanceSheet, sheetRows, sheetView, SHEET_LINES } from "@/lib/ledger/rules/sheet";
import { monthSeries, runwayMonths } from "@/lib/ledger/rules/burn";
import { checkYear, type YearCheckInput } from "@/lib/ledger/rules/verify";
import { todayInChina, yearEnd, yearOf, yearStart } from "@/lib/dates";

const d = (s: string) => new Date(`${s}T00:00:00.000Z`);


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
  it("opens years from the kind's first year (rights protection: 2008, 《办法》) up to the current year only", () => {
    expect(codeOf(() => assertOpenableYear(2026, d("2026-11-21"), 2008))).toBe("(no error)");
    expect(codeOf(() => assertOpenableYear(2008, d("2026-11-21"), 2008))).toBe("(no error)");
    expect(codeOf(() => assertOpenableYear(2027, d("2026-11-21"), 2008))).toBe("fund.yearOutOfRange");
    expect(codeOf(() => assertOpenableYear(2007, d("2026-11-21"), 2008))).toBe("fund.yearOutOfRange");
    // another kind starts later (e.g. the vitality project fund)
    expect(codeOf(() => assertOpenableYear(2020, d("2026-11-21"), 2024))).toBe("fund.yearOutOfRange");
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

/** The rights protection fund's reporting categories (第十五条、第十六条、第十七条). */
const ARTICLES = ["ART15", "ART16", "ART17"] as const;

describe("balance sheet", () => {
  it("nets reversals into the line they correct and closes to the sum of entries", () => {
    const sheet = balanceSheet([
      { kind: "ROLLOVER", category: null, amount: "20000.00", count: 1, reversal: false },
      { kind: "APPROPRIATION", category: null, amount: "100000.00", count: 1, reversal: false },
      { kind: "TOP_UP", category: null, amount: "5000.00", count: 1, reversal: false },
      { kind: "SUBSIDY_RECEIVED", category: null, amount: "10000.00", count: 1, reversal: false },
      { kind: "DISBURSEMENT", category: "ART16", amount: "-6000.00", count: 2, reversal: false },
      { kind: "DISBURSEMENT", category: "ART16", amount: "3000.00", count: 1, reversal: true },
      { kind: "DISBURSEMENT", category: "ART17", amount: "-3820.00", count: 2, reversal: false },
      { kind: "DISBURSEMENT", category: "ART15", amount: "-1000.00", count: 1, reversal: false },
    ], ARTICLES);
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
      { kind: "APPROPRIATION", category: null, amount: "300000.00", count: 1, reversal: false },
      { kind: "SUBSIDY_GRANTED", category: null, amount: "-20000.00", count: 1, reversal: false },
    ], ARTICLES);
    expect(sheet.subsidiesGranted.toFixed(2)).toBe("20000.00");
    expect(sheet.outflow.toFixed(2)).toBe("20000.00");
    expect(sheet.closing.toFixed(2)).toBe("280000.00");
  });

  it("splits payouts by any kind's categories and refuses a payout outside them", () => {
    const sheet = balanceSheet(
      [
        { kind: "APPROPRIATION", category: null, amount: "50000.00", count: 1, reversal: false },
        { kind: "DISBURSEMENT", category: "START_UP", amount: "-8000.00", count: 1, reversal: false },
        { kind: "DISBURSEMENT", category: "REWARD", amount: "-2000.00", count: 1, reversal: false },
      ],
      ["START_UP", "REWARD"],
    );
    expect(sheet.payouts).toEqual({ START_UP: yuan("8000"), REWARD: yuan("2000") });
    expect(sheet.payoutsTotal.toFixed(2)).toBe("10000.00");
    expect(() => balanceSheet([{ kind: "DISBURSEMENT", category: "ART15", amount: "-1.00", count: 1, reversal: false }], ["START_UP"])).toThrow(/category/);
    expect(() => balanceSheet([{ kind: "REVERSAL", category: null, amount: "1.00", count: 1, reversal: true }], ARTICLES)).toThrow(/reverse/);
  });
  it("shows one table of lines: every line in order, payouts per category, the summary without subtotals", () => {
    const view = sheetView(balanceSheet([{ kind: "APPROPRIATION", category: null, amount: "100000.00", count: 1, reversal: false }, { kind: "DISBURSEMENT", category: "ART16", amount: "-3000.00", count: 1, reversal: false }], ARTICLES));
    expect(view.closing).toBe("97000.00");
    expect(view.payouts).toEqual({ ART15: "0.00", ART16: "3000.00", ART17: "0.00" });
    const rows = sheetRows(view, ARTICLES);
    expect(rows.map((r) => (r.category ? `${r.key}:${r.category}` : r.key))).toEqual([
      "opening", "appropriation", "topUps", "subsidiesReceived", "inflow", "subsidiesGranted",
      "payouts:ART15", "payouts:ART16", "payouts:ART17", "payoutsTotal", "outflow", "closing",
    ]);
    expect(rows.find((r) => r.category === "ART16")).toMatchObject({ amount: "3000.00", testId: "sheet-payout-ART16", strong: false });
    expect(rows.filter((r) => r.strong).map((r) => r.key)).toEqual(["inflow", "outflow", "closing"]);
    expect(sheetRows(view, ARTICLES, { summary: true }).map((r) => r.key)).not.toContain("inflow");
    expect(sheetRows(view, ARTICLES, { summary: true }).map((r) => r.key)).not.toContain("outflow");
    expect(SHEET_LINES.map((l) => l.key)).toHaveLength(10);
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

/**
 * Art. 15–17 money limits with the numbers of the seeded policy version
 * (prisma/seed/policy.ts, 大工发〔2008〕73号): art. 15 1000—3000 元, art. 16 ≤ 3000 元,
 * art. 17 ≤ 6 months.
 */
import { describe, expect, it } from "vitest";
import { aidRule, checkAidQuantity, type AidLimits } from "@/lib/applications/amounts";
import { DomainError } from "@/lib/errors";
import { Decimal } from "@/lib/money";

const DGF_2008_73: AidLimits = { unfairTreatmentSubsidyMin: "1000.00", unfairTreatmentSubsidyMax: "3000.00", retaliationSubsidyMax: "3000.00", minimumWageSupportMaxMonths: 6 };
const amount = (v: string) => ({ amount: new Decimal(v) });

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

describe("art. 15: one-off subsidy 1,000–3,000 yuan", () => {
  it("refuses 999 and 3,001, accepts 1,000 and 3,000", () => {
    expect(codeOf(() => checkAidQuantity("ART15", amount("999"), DGF_2008_73))).toBe("application.amountOutOfRange15");
    expect(codeOf(() => checkAidQuantity("ART15", amount("999.99"), DGF_2008_73))).toBe("application.amountOutOfRange15");
    expect(checkAidQuantity("ART15", amount("1000"), DGF_2008_73).amount?.toFixed(2)).toBe("1000.00");
    expect(checkAidQuantity("ART15", amount("3000"), DGF_2008_73).amount?.toFixed(2)).toBe("3000.00");
    expect(codeOf(() => checkAidQuantity("ART15", amount("3000.01"), DGF_2008_73))).toBe("application.amountOutOfRange15");
    expect(codeOf(() => checkAidQuantity("ART15", amount("3001"), DGF_2008_73))).toBe("application.amountOutOfRange15");
  });
  it("names the range in the message values", () => {
    try {
      checkAidQuantity("ART15", amount("999"), DGF_2008_73);
    } catch (e) {
      expect((e as DomainError).values).toEqual({ min: "1,000.00", max: "3,000.00" });
    }
    expect.assertions(1);
  });
  it("needs an amount", () => {
    expect(codeOf(() => checkAidQuantity("ART15", {}, DGF_2008_73))).toBe("application.amountRequired");
  });
});

describe("art. 16: one-off subsidy of at most 3,000 yuan", () => {
  it("accepts 0.01, 999, 1,000 and 3,000; refuses 0, 3,000.01 and 3,001", () => {
    for (const ok of ["0.01", "999", "1000", "3000"]) expect(checkAidQuantity("ART16", amount(ok), DGF_2008_73).amount?.toString()).toBe(new Decimal(ok).toString());
    expect(codeOf(() => checkAidQuantity("ART16", amount("0"), DGF_2008_73))).toBe("application.amountNotPositive");
    expect(codeOf(() => checkAidQuantity("ART16", amount("3000.01"), DGF_2008_73))).toBe("application.amountOverMax16");
    expect(codeOf(() => checkAidQuantity("ART16", amount("3001"), DGF_2008_73))).toBe("application.amountOverMax16");
  });
  it("rounds to fen", () => {
    expect(checkAidQuantity("ART16", amount("1234.567"), DGF_2008_73).amount?.toFixed(2)).toBe("1234.57");
  });
});

describe("art. 17: at most 6 months", () => {
  it("accepts 1 and 6 months, refuses 0 and 7", () => {
    expect(checkAidQuantity("ART17", { months: 1 }, DGF_2008_73)).toEqual({ amount: null, months: 1 });
    expect(checkAidQuantity("ART17", { months: 6 }, DGF_2008_73)).toEqual({ amount: null, months: 6 });
    expect(codeOf(() => checkAidQuantity("ART17", { months: 7 }, DGF_2008_73))).toBe("application.monthsOutOfRange");
    expect(codeOf(() => checkAidQuantity("ART17", { months: 0 }, DGF_2008_73))).toBe("application.monthsOutOfRange");
    expect(codeOf(() => checkAidQuantity("ART17", {}, DGF_2008_73))).toBe("application.monthsRequired");
  });
});

describe("art. 19: the limits are data of a policy version", () => {
  it("applies another version's limits when the leading group changes them", () => {
    const revised: AidLimits = { unfairTreatmentSubsidyMin: "1500.00", unfairTreatmentSubsidyMax: "5000.00", retaliationSubsidyMax: "5000.00", minimumWageSupportMaxMonths: 12 };
    expect(codeOf(() => checkAidQuantity("ART15", amount("1000"), revised))).toBe("application.amountOutOfRange15");
    expect(checkAidQuantity("ART16", amount("4000"), revised).amount?.toFixed(2)).toBe("4000.00");
    expect(checkAidQuantity("ART17", { months: 7 }, revised).months).toBe(7);
    expect(aidRule("ART17", revised)).toEqual({ article: "ART17", kind: "monthlySupport", maxMonths: 12 });
  });
});

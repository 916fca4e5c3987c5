/** Art. 6–10 measures: the art. 7 calculator, kind-specific details and the overdue rule. */
import { describe, expect, it } from "vitest";
import { day } from "@/lib/dates";
import { art7Compensation, measureDetailsOf, measureOverdue, newMeasureSchema } from "@/lib/applications/measures";
import { isSameEvent } from "@/lib/applications/duplicates";

describe("art. 7: compensation of twice the annual income", () => {
  it("doubles the annual income in yuan, to the fen", () => {
    expect(art7Compensation("86400").toFixed(2)).toBe("172800.00");
    expect(art7Compensation("0.01").toFixed(2)).toBe("0.02");
    expect(art7Compensation("12345.675").toFixed(2)).toBe("24691.36");
  });
  it("stores the computed compensation with the details", () => {
    const input = newMeasureSchema.parse({ applicationId: "1", kind: "ART7_LABOUR_AUTHORITY", startedOn: "2026-11-01", authority: "大连市人力资源和社会保障局", remedy: "COMPENSATION", annualIncome: "86400" });
    expect(measureDetailsOf(input)).toEqual({ authority: "大连市人力资源和社会保障局", remedy: "COMPENSATION", annualIncome: "86400.00", compensation: "172800.00" });
  });
  it("needs the annual income for a compensation request", () => {
    const r = newMeasureSchema.safeParse({ applicationId: "1", kind: "ART7_LABOUR_AUTHORITY", startedOn: "2026-11-01", authority: "人社局", remedy: "COMPENSATION" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["annualIncome"]);
  });
});

describe("art. 6: opinion letter with a rectification deadline", () => {
  it("requires the deadline and the letter's fields, and keeps only the kind's own fields", () => {
    expect(newMeasureSchema.safeParse({ applicationId: "1", kind: "ART6_OPINION_LETTER", startedOn: "2026-11-01", letterNumber: "大工保意〔2026〕1号", unitName: "某公司", violation: "擅自撤销", requirement: "恢复职务" }).success).toBe(false);
    const input = newMeasureSchema.parse({
      applicationId: "1",
      kind: "ART6_OPINION_LETTER",
      startedOn: "2026-11-01",
      dueOn: "2026-11-30",
      letterNumber: "大工保意〔2026〕1号",
      unitName: "某公司",
      violation: "擅自撤销",
      requirement: "恢复职务",
      lawyerName: "not a field of this kind",
    });
    expect(measureDetailsOf(input)).toEqual({ letterNumber: "大工保意〔2026〕1号", unitName: "某公司", violation: "擅自撤销", requirement: "恢复职务" });
  });
  it("flags an OPEN measure past its deadline as overdue, not a closed one or one due today", () => {
    expect(measureOverdue({ status: "OPEN", dueOn: day("2026-11-20") }, day("2026-11-21"))).toBe(true);
    expect(measureOverdue({ status: "OPEN", dueOn: day("2026-11-21") }, day("2026-11-21"))).toBe(false);
    expect(measureOverdue({ status: "DONE", dueOn: day("2026-11-20") }, day("2026-11-21"))).toBe(false);
    expect(measureOverdue({ status: "OPEN", dueOn: null }, day("2026-11-21"))).toBe(false);
  });
});

describe("art. 10: legal aid", () => {
  it("needs the lawyer for volunteer aid and the amount for litigation costs", () => {
    const base = { applicationId: "1", kind: "ART10_LEGAL_AID", startedOn: "2026-11-01", disputeCaseNumber: "大劳人仲案字〔2026〕88号" };
    expect(newMeasureSchema.safeParse({ ...base, mode: "VOLUNTEER_LAWYER" }).error?.issues[0]?.path).toEqual(["lawyerName"]);
    expect(newMeasureSchema.safeParse({ ...base, mode: "LITIGATION_COSTS" }).error?.issues[0]?.path).toEqual(["litigationCosts"]);
    expect(measureDetailsOf(newMeasureSchema.parse({ ...base, mode: "LITIGATION_COSTS", litigationCosts: "1200.5" })).litigationCosts).toBe("1200.50");
  });
});

describe("duplicate detection", () => {
  it("treats the same day, or the same event type within 30 days, as the same event", () => {
    expect(isSameEvent({ eventType: "REMOVAL", eventDate: day("2026-10-01") }, { eventType: "INSULT", eventDate: day("2026-10-01") })).toBe(true);
    expect(isSameEvent({ eventType: "REMOVAL", eventDate: day("2026-10-01") }, { eventType: "REMOVAL", eventDate: day("2026-10-31") })).toBe(true);
    expect(isSameEvent({ eventType: "REMOVAL", eventDate: day("2026-10-01") }, { eventType: "REMOVAL", eventDate: day("2026-11-01") })).toBe(false);
    expect(isSameEvent({ eventType: "REMOVAL", eventDate: day("2026-10-01") }, { eventType: "INSULT", eventDate: day("2026-10-02") })).toBe(false);
  });
});

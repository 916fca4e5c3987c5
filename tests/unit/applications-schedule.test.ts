/**
 * Art. 17 monthly support with the seed's demo minimum-wage table
 * (prisma/seed/policy.ts): 一档 1,910.00 from 2021-12-01 and 2,100.00 from
 * 2026-10-01; 二档 1,710.00 / 1,880.00.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths, day, isoDate } from "@/lib/dates";
import { art17Schedule, minimumWageOn, monthPayable, overpaidInstalments, supportMonth, wageTierOf, type WageRow } from "@/lib/applications/schedule";
import { DomainError } from "@/lib/errors";

const WAGES: WageRow[] = [
  { effectiveFrom: day("2018-11-01"), tier: "一档", monthlyAmount: "1620.00" },
  { effectiveFrom: day("2018-11-01"), tier: "二档", monthlyAmount: "1420.00" },
  { effectiveFrom: day("2021-12-01"), tier: "一档", monthlyAmount: "1910.00" },
  { effectiveFrom: day("2021-12-01"), tier: "二档", monthlyAmount: "1710.00" },
  { effectiveFrom: day("2026-10-01"), tier: "一档", monthlyAmount: "2100.00" },
  { effectiveFrom: day("2026-10-01"), tier: "二档", monthlyAmount: "1880.00" },
];
const base = { maxMonths: 6, wages: WAGES, tier: "一档" };

describe("the minimum wage in force", () => {
  it("takes the latest row on or before the day, per tier", () => {
    expect(minimumWageOn(WAGES, day("2026-09-30"), "一档")?.toFixed(2)).toBe("1910.00");
    expect(minimumWageOn(WAGES, day("2026-10-01"), "一档")?.toFixed(2)).toBe("2100.00");
    expect(minimumWageOn(WAGES, day("2026-10-01"), "二档")?.toFixed(2)).toBe("1880.00");
    expect(minimumWageOn(WAGES, day("2018-10-31"), "一档")).toBeNull();
  });
  it("applies an all-tier row to every tier; the tier's own row wins on the same date", () => {
    const rows: WageRow[] = [...WAGES, { effectiveFrom: day("2027-01-01"), tier: null, monthlyAmount: "2300.00" }, { effectiveFrom: day("2027-01-01"), tier: "二档", monthlyAmount: "2000.00" }];
    expect(minimumWageOn(rows, day("2027-02-01"), "一档")?.toFixed(2)).toBe("2300.00");
    expect(minimumWageOn(rows, day("2027-02-01"), "二档")?.toFixed(2)).toBe("2000.00");
    expect(minimumWageOn(rows, day("2027-02-01"), null)?.toFixed(2)).toBe("2300.00");
  });
  it("inherits the wage tier from the nearest ancestor", () => {
    const byId = new Map([
      [1, { wageTier: "一档" }],
      [8, { wageTier: "二档" }],
      [30, { wageTier: null }],
    ]);
    expect(wageTierOf("/1/8/30/", byId)).toBe("二档");
    expect(wageTierOf("/1/30/", byId)).toBe("一档");
    expect(wageTierOf("/9/", byId)).toBeNull();
  });
});

describe("art. 17 schedule", () => {
  it("pays 6 months at the wage in force on each month's first day (wage changing mid-period)", () => {
    const s = art17Schedule({ ...base, unemployedFrom: day("2026-08-15"), months: 6 });
    expect(s.months.map((m) => [m.instalmentNo, isoDate(m.periodStart), isoDate(m.periodEnd), isoDate(m.dueOn), m.amount.toFixed(2)])).toEqual([
      [1, "2026-08-15", "2026-09-14", "2026-09-15", "1910.00"],
      [2, "2026-09-15", "2026-10-14", "2026-10-15", "1910.00"],
      [3, "2026-10-15", "2026-11-14", "2026-11-15", "2100.00"],
      [4, "2026-11-15", "2026-12-14", "2026-12-15", "2100.00"],
      [5, "2026-12-15", "2027-01-14", "2027-01-15", "2100.00"],
      [6, "2027-01-15", "2027-02-14", "2027-02-15", "2100.00"],
    ]);
    expect(s.total.toFixed(2)).toBe("12220.00");
    expect(s.endedBy).toBe("months");
  });
  it("uses the old wage for a month starting the day before the change and the new one from the change day", () => {
    const s = art17Schedule({ ...base, unemployedFrom: day("2026-09-01"), months: 2 });
    expect(s.months.map((m) => m.wageRate.toFixed(2))).toEqual(["1910.00", "2100.00"]);
    const t = art17Schedule({ ...base, unemployedFrom: day("2026-08-31"), months: 2 });
    expect(t.months.map((m) => [isoDate(m.periodStart), m.wageRate.toFixed(2)])).toEqual([
      ["2026-08-31", "1910.00"],
      ["2026-09-30", "1910.00"],
    ]);
  });
  it("uses the applicant's tier", () => {
    const s = art17Schedule({ ...base, tier: "二档", unemployedFrom: day("2026-09-01"), months: 2 });
    expect(s.months.map((m) => m.amount.toFixed(2))).toEqual(["1710.00", "1880.00"]);
  });
  it("re-employment in month 3 pays only months 1 and 2", () => {
    const s = art17Schedule({ ...base, unemployedFrom: day("2026-03-01"), months: 6, reemployedOn: day("2026-05-10") });
    expect(s.months.map((m) => m.instalmentNo)).toEqual([1, 2]);
    expect(s.total.toFixed(2)).toBe("3820.00");
    expect(s.endedBy).toBe("reemployment");
  });
  it("re-employment on the first day of month 3 still pays months 1 and 2; on the last day of month 2 only month 1", () => {
    expect(art17Schedule({ ...base, unemployedFrom: day("2026-03-01"), months: 6, reemployedOn: day("2026-05-01") }).months).toHaveLength(2);
    expect(art17Schedule({ ...base, unemployedFrom: day("2026-03-01"), months: 6, reemployedOn: day("2026-04-30") }).months).toHaveLength(1);
  });
  it("pays 6 months at most: 6 is accepted, 7 refused", () => {
    expect(art17Schedule({ ...base, unemployedFrom: day("2026-01-01"), months: 6 }).months).toHaveLength(6);
    expect(() => art17Schedule({ ...base, unemployedFrom: day("2026-01-01"), months: 7 })).toThrow(DomainError);
  });
  it("refuses a month without a minimum wage in force", () => {
    expect(() => art17Schedule({ ...base, unemployedFrom: day("2018-10-01"), months: 2 })).toThrowError(expect.objectContaining({ code: "application.noMinimumWage" }));
  });
  it("clamps month ends (31 January + 1 month = 28 February)", () => {
    expect(isoDate(addMonths(day("2027-01-31"), 1))).toBe("2027-02-28");
    expect(isoDate(addMonths(day("2028-01-31"), 1))).toBe("2028-02-29");
    expect(supportMonth(day("2027-01-31"), 2)).toEqual({ periodStart: day("2027-02-28"), periodEnd: day("2027-03-30"), dueOn: day("2027-03-31") });
  });
  it("property: months are contiguous, never more than granted, and stop at re-employment", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2019-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.integer({ min: 1, max: 6 }),
        fc.option(fc.integer({ min: 0, max: 250 })),
        (at, months, reemployedAfter) => {
          const start = day(isoDate(at));
          const reemployedOn = reemployedAfter === null ? null : new Date(start.getTime() + reemployedAfter * 86_400_000);
          const s = art17Schedule({ ...base, unemployedFrom: start, months, reemployedOn });
          expect(s.months.length).toBeLessThanOrEqual(months);
          s.months.forEach((m, i) => {
            expect(m.instalmentNo).toBe(i + 1);
            if (i > 0) expect(m.periodStart.getTime()).toBe(s.months[i - 1]!.dueOn.getTime());
            expect(monthPayable(m.dueOn, reemployedOn)).toBe(true);
          });
          if (s.months.length < months) expect(reemployedOn).not.toBeNull();
        },
      ),
    );
  });
});

describe("overpaid instalments after re-employment (art. 17 至重新领薪或工作为止)", () => {
  const p = (instalmentNo: number, dueOn: string, status: string, amount = "2100.00") => ({ instalmentNo, dueOn: new Date(`${dueOn}T00:00:00Z`), status, amount });
  const payables = [p(1, "2026-08-01", "PAID"), p(2, "2026-09-01", "PAID"), p(3, "2026-10-01", "PAID", "1910.00"), p(4, "2026-11-01", "CANCELLED"), p(5, "2026-12-01", "SCHEDULED")];
  it("lists the PAID instalments of months no longer due, with their total", () => {
    const result = overpaidInstalments(payables, new Date("2026-08-15T00:00:00Z"));
    expect(result.rows.map((r) => r.instalmentNo)).toEqual([2, 3]);
    expect(result.total.toFixed(2)).toBe("4010.00");
  });
  it("reports nothing without re-employment or when every paid month was due", () => {
    expect(overpaidInstalments(payables, null).rows).toEqual([]);
    expect(overpaidInstalments(payables, new Date("2026-10-01T00:00:00Z")).rows).toEqual([]);
  });
});

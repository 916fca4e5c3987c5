/**
 * Year bounds of the fund forms and pages: one pair of bounds (FIRST_FUND_YEAR
 * 2008, 《办法》; MAX_FUND_YEAR) through the shared zInt, so a bad year gets a
 * clear message and never reaches a service.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseYearParam, zFundYear } from "@/lib/fund/params";
import { FIRST_FUND_YEAR } from "@/lib/fund/kind";
import { MAX_FUND_YEAR } from "@/lib/ledger/rules/years";

describe("fund years", () => {
  it("accepts 2008 … MAX_FUND_YEAR from a form field", () => {
    expect(zFundYear.parse("2026")).toBe(2026);
    expect(zFundYear.parse(String(FIRST_FUND_YEAR))).toBe(FIRST_FUND_YEAR);
    expect(zFundYear.parse(String(MAX_FUND_YEAR))).toBe(MAX_FUND_YEAR);
  });
  it("refuses years outside the bounds, non-numbers and a blank field (reported as required, not as year 0)", () => {
    for (const bad of ["2007", String(MAX_FUND_YEAR + 1), "abc", "2026.5", "1e4"]) expect(zFundYear.safeParse(bad).success).toBe(false);
    const blank = zFundYear.safeParse("");
    expect(blank.success).toBe(false);
    expect(blank.error?.issues[0]?.code).toBe("invalid_type");
  });
  it("falls back for a malformed ?year=", () => {
    expect(parseYearParam(String(MAX_FUND_YEAR + 1), 2026)).toBe(2026);
    expect(parseYearParam("2024", 2026)).toBe(2024);
  });
  it("is what the server actions (their schemas, lib/fund/forms.ts) use", () => {
    const actions = fs.readFileSync(path.resolve(__dirname, "../../lib/fund/forms.ts"), "utf8");
    expect(actions).not.toMatch(/z\.coerce\.number\(\)\.int\(\)\.min\(2008\)/);
    expect(actions.match(/year: zFundYear/g)?.length).toBe(4);
  });
});

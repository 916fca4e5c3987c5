/**
 * 大写金额 at the boundaries of issue 11 (and of 《正确填写票据和结算凭证的基本规定》):
 * 整 after 元/角, never after 分; one 零 per run of zeros; 万 and 亿 sections.
 */
import { describe, expect, it } from "vitest";
import { amountInCapitals } from "@/lib/money-capitals";
import { yuan } from "@/lib/money";

describe("amountInCapitals", () => {
  it.each([
    ["0.00", "零元整"],
    ["0.05", "伍分"],
    ["0.50", "伍角整"],
    ["10.00", "壹拾元整"],
    ["1,000.00", "壹仟元整"],
    ["1,001.00", "壹仟零壹元整"],
    ["10,010.00", "壹万零壹拾元整"],
    ["100,000.00", "壹拾万元整"],
    ["2,400.00", "贰仟肆佰元整"],
    ["3,000.00", "叁仟元整"],
    ["999,999,999,999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"],
    ["100.10", "壹佰元壹角整"],
    ["16,409.02", "壹万陆仟肆佰零玖元零贰分"],
    ["1,000,000.07", "壹佰万元零柒分"],
    ["100,010,000.00", "壹亿零壹万元整"],
    ["100,000,001.00", "壹亿零壹元整"],
    ["1,000,000,000.00", "壹拾亿元整"],
    ["325.04", "叁佰贰拾伍元零肆分"],
  ])("%s → %s", (amount, words) => {
    expect(amountInCapitals(amount)).toBe(words);
  });

  it("takes a Decimal, a number and a negative amount", () => {
    expect(amountInCapitals(yuan("2400"))).toBe("贰仟肆佰元整");
    expect(amountInCapitals(1001)).toBe("壹仟零壹元整");
    expect(amountInCapitals("-2400.00")).toBe("负贰仟肆佰元整");
  });

  it("refuses what is not an amount in yuan", () => {
    for (const bad of ["", "abc", "1.234", "1e5", "12345678901234567"]) expect(() => amountInCapitals(bad)).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";
import { Decimal, formatYuan, sumYuan, yuan, zYuan } from "@/lib/money";

describe("money (yuan, 2 decimals, never floats)", () => {
  it("adds without binary rounding errors", () => {
    expect(sumYuan(["0.10", "0.20"]).toFixed(2)).toBe("0.30");
    expect(sumYuan(Array.from({ length: 1000 }, () => "0.01")).toFixed(2)).toBe("10.00");
  });
  it("rounds half up to the fen", () => {
    expect(yuan("1000.005").toFixed(2)).toBe("1000.01");
    expect(yuan("1000.004").toFixed(2)).toBe("1000.00");
    expect(yuan(new Decimal("2999.999")).toFixed(2)).toBe("3000.00");
  });
  it("formats with grouping", () => {
    expect(formatYuan("300000")).toBe("300,000.00");
    expect(formatYuan("-1234.5")).toBe("-1,234.50");
    expect(formatYuan("0")).toBe("0.00");
  });
  it("parses form amounts strictly", () => {
    expect(zYuan.parse("3000").toFixed(2)).toBe("3000.00");
    expect(zYuan.parse(" 999.99 ").toFixed(2)).toBe("999.99");
    for (const bad of ["", "-1", "1.234", "1e3", "abc", "1,000", "1234567890123"]) expect(zYuan.safeParse(bad).success).toBe(false);
  });
});

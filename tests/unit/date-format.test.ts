/** One date format (issue 11.10): 2026年12月2日 / 2 Dec 2026 for dates, 2026-12-02 03:47 for times, in China time. */
import { describe, expect, it } from "vitest";
import { formatDate, formatDateRange, formatDateTime } from "@/lib/date-format";

describe("date format", () => {
  it("writes a calendar date as people write it, per language", () => {
    const d = new Date("2026-12-02T00:00:00.000Z");
    expect(formatDate(d, "zh-CN")).toBe("2026年12月2日");
    expect(formatDate(d, "en")).toBe("2 Dec 2026");
  });
  it("writes a moment in China time, 24-hour clock, whatever the server's zone", () => {
    expect(formatDateTime(new Date("2026-12-01T19:47:00.000Z"))).toBe("2026-12-02 03:47");
    expect(formatDateTime(new Date("2026-12-31T16:00:00.000Z"))).toBe("2027-01-01 00:00");
  });
  it("writes a period with both ends", () => {
    expect(formatDateRange(new Date("2026-01-01T00:00:00Z"), new Date("2026-01-31T00:00:00Z"), "zh-CN")).toBe("2026年1月1日 – 2026年1月31日");
  });
});

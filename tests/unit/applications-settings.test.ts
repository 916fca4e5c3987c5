/** The review-deadline form (art. 18): whole days 1–90 with clear messages, never a database error. */
import { describe, expect, it } from "vitest";
import { reviewDeadlinesSchema } from "@/lib/applications/settings-form";
import { parseWith } from "@/lib/validation";
import zh from "@/lib/i18n/messages/zh-CN/common.json";

const messages = (zh as { validation: Record<string, string> }).validation;
const t = (key: string, values?: Record<string, string | number>) =>
  (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, k: string) => String(values?.[k] ?? ""));
const valid = { GRASSROOTS: "7", DISTRICT: "15", OFFICE: "10", LEADING_GROUP: "15" };

describe("review deadline days (zInt 1–90)", () => {
  it("accepts whole days as numbers", () => {
    expect(parseWith(reviewDeadlinesSchema, valid, t)).toEqual({ ok: true, data: { GRASSROOTS: 7, DISTRICT: 15, OFFICE: 10, LEADING_GROUP: 15 } });
  });
  it("reports a blank, a non-number, a fraction and out-of-range days per field, in Chinese", () => {
    const result = parseWith(reviewDeadlinesSchema, { GRASSROOTS: "", DISTRICT: "abc", OFFICE: "0", LEADING_GROUP: "91" }, t);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({ GRASSROOTS: "此项为必填项", DISTRICT: "请输入数字", OFFICE: "不能小于 1", LEADING_GROUP: "不能大于 90" });
    const fraction = parseWith(reviewDeadlinesSchema, { ...valid, OFFICE: "7.5" }, t);
    expect(fraction.ok).toBe(false);
  });
});

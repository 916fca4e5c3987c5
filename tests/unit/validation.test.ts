import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formDataToObject, parseIdParam, parseWith, zArray, zCheckbox, zDate, zId, zOptionalInt, zOptionalText, zPassword } from "@/lib/validation";

const t = (key: string, values?: Record<string, string | number>) => `${key}${values ? JSON.stringify(values) : ""}`;

describe("form input parsing", () => {
  it("turns FormData into an object, keeps repeated keys as arrays, drops Next's internals and empty files", () => {
    const form = new FormData();
    form.append("roles", "CADRE");
    form.append("roles", "ADMIN");
    form.append("name", "张三");
    form.append("$ACTION_ID_abc", "");
    form.append("file", new File([], ""));
    expect(formDataToObject(form)).toEqual({ roles: ["CADRE", "ADMIN"], name: "张三" });
  });

  it("reads calendar dates strictly", () => {
    expect(zDate.parse("2026-02-28").toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(zDate.safeParse("2026-02-30").success).toBe(false);
    expect(zDate.safeParse("2026-2-3").success).toBe(false);
    expect(zDate.safeParse("not a date").success).toBe(false);
  });

  it("handles checkboxes, one-or-many fields and optional text", () => {
    expect(zCheckbox.parse("on")).toBe(true);
    expect(zCheckbox.parse(undefined)).toBe(false);
    expect(zArray(z.string()).parse("x")).toEqual(["x"]);
    expect(zArray(z.string()).parse(undefined)).toEqual([]);
    expect(zOptionalText(5).parse("  ")).toBeUndefined();
  });

  it("requires passwords of 8–128 characters with letters and digits", () => {
    expect(zPassword.safeParse("abcd1234").success).toBe(true);
    expect(zPassword.safeParse("abc1234").success).toBe(false);
    expect(zPassword.safeParse("abcdefgh").success).toBe(false);
    expect(zPassword.safeParse("12345678").success).toBe(false);
    expect(zPassword.safeParse(`a${"1".repeat(128)}`).success).toBe(false);
  });

  it("maps each issue to one message per field, translating custom keys", () => {
    const schema = z.object({ name: z.string().trim().min(1).max(3), email: z.email(), password: zPassword, kind: z.enum(["A", "B"]) });
    const result = parseWith(schema, { name: "四个字呀", email: "x", password: "short", kind: "C" }, t);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.fieldErrors).toEqual({ name: 'tooLong{"maximum":3}', email: "email", password: "passwordWeak", kind: "choose" });
    }
  });

  it("says 'required' for missing and blank values", () => {
    const result = parseWith(z.object({ a: z.string().trim().min(1), b: z.string() }), { a: "   " }, t);
    expect(result.ok === false && result.fieldErrors).toEqual({ a: "required", b: "required" });
  });

  it("reads numeric form fields: blank is 'required', junk is 'not a number', limits are explained", () => {
    const schema = z.object({ a: zId, b: zId, c: zId, d: zOptionalInt(1, 6), e: zOptionalInt(1, 6) });
    const result = parseWith(schema, { a: "", b: "abc", c: "0", d: "", e: "7" }, t);
    expect(result.ok === false && result.fieldErrors).toEqual({ a: "required", b: "notNumber", c: 'mustExceed{"minimum":0}', e: 'tooBig{"maximum":6}' });
    expect(parseWith(schema, { a: "3", b: 4, c: " 5 ", d: "6" }, t)).toEqual({ ok: true, data: { a: 3, b: 4, c: 5, d: 6, e: undefined } });
  });

  it("keeps ids within PostgreSQL's integer range, in forms and in URLs", () => {
    expect(zId.safeParse("2147483647").success).toBe(true);
    expect(zId.safeParse("2147483648").success).toBe(false);
    expect(parseIdParam("2147483647")).toBe(2147483647);
    for (const bad of ["2147483648", "9999999999", "0", "-1", "1.5", "abc", "", undefined]) expect(parseIdParam(bad)).toBeNull();
  });
});

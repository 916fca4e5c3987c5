/**
 * defineAction: authenticate → parse → authorize → run, and nothing runs when
 * any step says no. Next.js and next-intl are replaced by small fakes.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/authz";
import { DomainError } from "@/lib/errors";

const state = vi.hoisted(() => ({ actor: null as Actor | null }));

vi.mock("@/lib/auth/session", () => ({ getActor: async () => state.actor }));
vi.mock("@/lib/server/context", () => ({
  requestId: async () => "req-1",
  requestContext: async (actor: Actor) => ({ actor, requestId: "req-1" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
const request = vi.hoisted(() => ({ headers: new Map<string, string>() }));
vi.mock("next/headers", () => ({ headers: async () => ({ get: (name: string) => request.headers.get(name) ?? null }) }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { to });
  },
  forbidden: vi.fn(),
  notFound: vi.fn(),
  unstable_rethrow: (e: unknown) => {
    if (e instanceof Error && e.message === "NEXT_REDIRECT") throw e;
  },
}));
vi.mock("next-intl/server", async () => {
  const { messagesFor } = await import("@/lib/i18n/messages");
  const messages = messagesFor("zh-CN");
  const lookup = (key: string) => key.split(".").reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], messages);
  const t = (key: string, values: Record<string, unknown> = {}) =>
    String(lookup(key) ?? key).replace(/\{(\w+)\}/g, (_m, name: string) => String(values[name] ?? `{${name}}`));
  t.has = (key: string) => typeof lookup(key) === "string";
  return { getTranslations: async () => t };
});

const { defineAction } = await import("@/lib/server/action");

const officer: Actor = {
  id: 1,
  username: "admin",
  displayName: "管理员",
  roles: ["ADMIN"],
  organizationId: 2,
  orgPath: "/1/2/",
  orgType: "DISTRICT_FEDERATION",
  orgName: "中山区总工会",
};

const run = vi.fn(async ({ input }: { input: { name: string; count: number } }) => ({ echoed: input.name }));
const action = defineAction({
  schema: z.object({ name: z.string().trim().min(1).max(5), count: z.coerce.number().int().min(1).max(3) }),
  permission: "org.manage",
  resource: () => ({ type: "organization", id: 2, path: "/1/2/" }),
  run,
});

describe("defineAction", () => {
  beforeEach(() => {
    run.mockClear();
    state.actor = officer;
  });

  it("runs the service for an authorised actor with valid input", async () => {
    const form = new FormData();
    form.set("name", " 工会 ");
    form.set("count", "2");
    const result = await action(undefined, form);
    expect(result).toMatchObject({ ok: true, data: { echoed: "工会" } });
    expect(run).toHaveBeenCalledOnce();
  });

  it("refuses an anonymous caller before parsing (401) and runs nothing", async () => {
    state.actor = null;
    const result = await action(undefined, { name: "x", count: 1 });
    expect(result).toMatchObject({ ok: false, status: 401, message: "请先登录。" });
    expect(run).not.toHaveBeenCalled();
  });

  it("refuses an actor the gate denies (403) and runs nothing", async () => {
    state.actor = { ...officer, roles: ["CADRE"] };
    expect(await action(undefined, { name: "x", count: 1 })).toMatchObject({ ok: false, status: 403, message: "您无权执行此操作。" });
    state.actor = { ...officer, orgPath: "/1/3/" };
    expect(await action(undefined, { name: "x", count: 1 })).toMatchObject({ ok: false, status: 403 });
    expect(run).not.toHaveBeenCalled();
  });

  it.each([
    ["empty", { name: "", count: "" }, { name: "此项为必填项", count: "不能小于 1" }],
    ["oversized", { name: "超过五个字的名字", count: "2" }, { name: "不能超过 5 个字符" }],
    ["wrong types", { name: ["a", "b"], count: "三" }, { name: "格式不正确", count: "请输入数字" }],
    ["out of range", { name: "ok", count: "4" }, { count: "不能大于 3" }],
  ])("returns Chinese field messages for %s input (422) and runs nothing", async (_label, input, expected) => {
    const result = await action(undefined, input);
    expect(result.ok).toBe(false);
    expect(result.status).toBe(422);
    expect(result.message).toBe("提交的内容有误，请检查标红的字段。");
    expect(result.fieldErrors).toMatchObject(expected);
    expect(run).not.toHaveBeenCalled();
  });

  it("turns a DomainError into its Chinese message", async () => {
    run.mockRejectedValueOnce(new DomainError("user.usernameTaken", { username: "zhang" }, 409));
    expect(await action(undefined, { name: "x", count: 1 })).toMatchObject({ ok: false, status: 409, message: "用户名“zhang”已被使用。" });
  });

  it("turns an unexpected error into a generic message with the request id, never a throw", async () => {
    run.mockRejectedValueOnce(new Error("connection reset"));
    const result = await action(undefined, { name: "x", count: 1 });
    expect(result).toMatchObject({ ok: false, status: 500 });
    expect(result.message).toContain("req-1");
    expect(result.message).not.toContain("connection reset");
  });

  it("carries the success message across the redirect as ?flash=<key> (to redirectTo, or back to the form's page)", async () => {
    const toPage = defineAction({ schema: z.object({}), permission: "org.manage", resource: () => ({ type: "organization", id: 2, path: "/1/2/" }), run: async () => 7, successMessage: "fund.pay.paid", flash: true, redirectTo: (_i, id) => `/applications/${id}` });
    await expect(toPage(undefined, {})).rejects.toMatchObject({ to: "/applications/7?flash=fund.pay.paid" });
    const back = defineAction({ schema: z.object({}), permission: "org.manage", resource: () => ({ type: "organization", id: 2, path: "/1/2/" }), run: async () => null, successMessage: "fund.pay.paid", flash: true });
    request.headers = new Map([["host", "portal.test"], ["referer", "http://portal.test/fund/pay?page=2&flash=fund.years.opened"]]);
    await expect(back(undefined, {})).rejects.toMatchObject({ to: "/fund/pay?page=2&flash=fund.pay.paid" });
    // A referer of another site is never followed: the message comes back in the state instead.
    request.headers = new Map([["host", "portal.test"], ["referer", "https://evil.example/fund/pay"]]);
    await expect(back(undefined, {})).resolves.toMatchObject({ ok: true, message: "支付已入账。" });
  });

  it("puts a rule's message on the field it concerns (errorFields), the summary says to look there", async () => {
    const ceiling = defineAction({
      schema: z.object({}),
      permission: "org.manage",
      resource: () => ({ type: "organization", id: 2, path: "/1/2/" }),
      run: async () => {
        throw new DomainError("application.amountOverMax16", { max: "3,000.00" });
      },
      errorFields: { "application.amountOverMax16": "requestedAmount" },
    });
    const result = await ceiling(undefined, {});
    expect(result).toMatchObject({ ok: false, status: 422, message: "提交的内容有误，请检查标红的字段。" });
    expect(result.fieldErrors?.requestedAmount).toContain("3,000.00");
  });
});

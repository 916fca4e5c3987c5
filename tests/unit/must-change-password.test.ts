/**
 * An account with an initial or administrator-set password can do nothing but
 * change it (issue 10.1): pages redirect to /change-password, actions and route
 * handlers are refused — except changing the password and signing out.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/authz";

const state = vi.hoisted(() => ({ actor: null as Actor | null }));

vi.mock("@/lib/auth/session", () => ({ getActor: async () => state.actor }));
vi.mock("@/lib/server/context", () => ({
  requestId: async () => "req-1",
  requestContext: async (actor: Actor) => ({ actor, requestId: "req-1" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
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
  const t = (key: string) => String(lookup(key) ?? key);
  t.has = (key: string) => typeof lookup(key) === "string";
  return { getTranslations: async () => t };
});

const { defineAction, defineRoute, guardPage, requireActor, CHANGE_PASSWORD_PATH } = await import("@/lib/server/action");

const temporary: Actor = {
  id: 7,
  username: "newcomer",
  displayName: "新人",
  roles: ["ADMIN"],
  organizationId: 1,
  orgPath: "/1/",
  orgType: "CITY_FEDERATION",
  orgName: "市总工会",
  mustChangePassword: true,
};

const redirectOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as { to?: string }).to ?? "thrown";
  }
  return null;
};

describe("must change password", () => {
  beforeEach(() => {
    state.actor = temporary;
  });

  it("refuses every other action, without running it", async () => {
    const run = vi.fn(async () => "done");
    const action = defineAction({ schema: z.object({}), permission: "org.manage", resource: () => ({ type: "system" }), run });
    const result = await action(undefined, {});
    expect(result).toMatchObject({ ok: false, status: 403, message: "请先修改初始密码，修改前不能进行其他操作。" });
    expect(run).not.toHaveBeenCalled();
  });

  it("runs the actions allowed with a temporary password", async () => {
    const run = vi.fn(async () => "done");
    const action = defineAction({ schema: z.object({}), permission: "home.view", resource: () => ({ type: "system" }), run, allowWithTemporaryPassword: true });
    expect(await action(undefined, {})).toMatchObject({ ok: true, data: "done" });
  });

  it("sends every guarded page to the change-password page", async () => {
    expect(await redirectOf(guardPage("home.view", { type: "system" }))).toBe(CHANGE_PASSWORD_PATH);
    expect(await redirectOf(requireActor())).toBe(CHANGE_PASSWORD_PATH);
    expect(await redirectOf(requireActor({ allowTemporaryPassword: true }))).toBeNull();
    state.actor = { ...temporary, mustChangePassword: false };
    expect(await redirectOf(requireActor())).toBeNull();
  });

  it("refuses route handlers (downloads, exports)", async () => {
    const run = vi.fn(async () => new Response("secret"));
    const route = defineRoute({ permission: "home.view", resource: () => ({ type: "system" }), run });
    const response = await route(new Request("http://x/api"), { params: Promise.resolve({}) });
    expect(response.status).toBe(403);
    expect(run).not.toHaveBeenCalled();
  });

  it("only changing the password and signing out are allowed (source check)", () => {
    const root = path.resolve(__dirname, "..", "..");
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && fs.readFileSync(p, "utf8").includes("allowWithTemporaryPassword: true")) found.push(path.relative(root, p).split(path.sep).join("/"));
      }
    };
    walk(path.join(root, "app"));
    expect(found.sort()).toEqual(["app/(portal)/account/actions.ts", "app/(portal)/actions.ts"]);
  });
});

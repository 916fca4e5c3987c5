import { describe, expect, it } from "vitest";
import { SESSION_MAX_AGE_S, authConfig, sessionExpired } from "@/lib/auth/config";

describe("12-hour absolute session lifetime", () => {
  const now = Date.UTC(2026, 10, 21, 12, 0, 0);
  it("expires exactly after 12 hours from sign-in, however active the user was", () => {
    expect(SESSION_MAX_AGE_S).toBe(43_200);
    expect(sessionExpired(now / 1000 - 43_200, now)).toBe(false);
    expect(sessionExpired(now / 1000 - 43_201, now)).toBe(true);
  });
  it("drops a token older than 12 hours in the jwt callback and keeps a fresh one", async () => {
    const jwt = authConfig.callbacks.jwt as unknown as (args: { token: Record<string, unknown>; user?: unknown }) => unknown;
    const old = { uid: 1, roles: ["ADMIN"], orgId: 1, loginAt: Math.floor(Date.now() / 1000) - 43_201 };
    expect(await jwt({ token: old })).toBeNull();
    const fresh = { ...old, loginAt: Math.floor(Date.now() / 1000) - 60 };
    expect(await jwt({ token: fresh })).toMatchObject({ uid: 1 });
  });
  it("stamps the sign-in time once, at sign-in", async () => {
    const jwt = authConfig.callbacks.jwt as unknown as (args: { token: Record<string, unknown>; user?: unknown }) => Promise<Record<string, number>>;
    const token = await jwt({ token: {}, user: { uid: 5, roles: ["CADRE"], orgId: 9 } });
    expect(token.uid).toBe(5);
    expect(Math.abs(token.loginAt! - Date.now() / 1000)).toBeLessThan(5);
  });
});

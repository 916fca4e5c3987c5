import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { accountKey, clearAccount, ipKey, lockedUntil, recordFailure, recordSignInFailure } from "@/lib/auth/throttle";
import { uniq } from "../helpers/fixtures";

describe("sign-in throttling (stored in PostgreSQL)", () => {
  it("locks an account after 5 failures within the window, not before", async () => {
    const user = uniq("acct").toLowerCase();
    for (let i = 0; i < 4; i++) await recordSignInFailure(user, null);
    expect(await lockedUntil([accountKey(user)])).toBeNull();
    await recordSignInFailure(user, null);
    const until = await lockedUntil([accountKey(user)]);
    expect(until).not.toBeNull();
    expect(until!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
  });

  it("locks an address after 20 failures spread over different accounts", async () => {
    const ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.7`;
    for (let i = 0; i < 19; i++) await recordSignInFailure(uniq("spray").toLowerCase(), ip);
    expect(await lockedUntil([ipKey(ip)])).toBeNull();
    await recordSignInFailure(uniq("spray").toLowerCase(), ip);
    expect(await lockedUntil([ipKey(ip)])).not.toBeNull();
  });

  it("counts concurrent failures exactly (atomic upsert)", async () => {
    const key = accountKey(uniq("burst"));
    await Promise.all(Array.from({ length: 12 }, () => recordFailure(key, 100)));
    expect((await db().loginThrottle.findUniqueOrThrow({ where: { key } })).failures).toBe(12);
  });

  it("starts a new window after the old one has passed", async () => {
    const user = uniq("old").toLowerCase();
    for (let i = 0; i < 4; i++) await recordSignInFailure(user, null);
    await db().loginThrottle.update({ where: { key: accountKey(user) }, data: { windowStart: new Date(Date.now() - 16 * 60_000) } });
    await recordSignInFailure(user, null);
    const row = await db().loginThrottle.findUniqueOrThrow({ where: { key: accountKey(user) } });
    expect(row.failures).toBe(1);
    expect(row.lockedUntil).toBeNull();
  });

  it("is cleared for the account by a successful sign-in or a password reset", async () => {
    const user = uniq("clr").toLowerCase();
    for (let i = 0; i < 5; i++) await recordSignInFailure(user, null);
    expect(await lockedUntil([accountKey(user)])).not.toBeNull();
    await clearAccount(user);
    expect(await lockedUntil([accountKey(user)])).toBeNull();
  });
});

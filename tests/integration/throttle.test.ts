/**
 * Sign-in throttling (issue 10.2): counted atomically before the password
 * check, progressive lock-out, owner notified, administrator unlock, no typed
 * username in the log when it matches no account.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { verifyPassword } from "@/lib/auth/password";
import { checkCredentials } from "@/lib/auth/sign-in";
import { accountKey, ipKey, lockedUntil, recordFailure, reserveAttempt } from "@/lib/auth/throttle";
import { unlockUser } from "@/lib/users/service";
import { FIXTURE_PASSWORD, actorOf, createTree, createUser, ctxOf, uniq } from "../helpers/fixtures";

const req = (ip: string | null = null) => ({ ip, requestId: crypto.randomUUID() });
const randomIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

/** A password check that counts its calls. */
function countingVerify() {
  const counter = { calls: 0 };
  const verify: typeof verifyPassword = async (hash, password) => {
    counter.calls++;
    return verifyPassword(hash, password);
  };
  return { counter, verify };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("sign-in throttling (stored in PostgreSQL)", () => {
  it("200 parallel wrong guesses for one account cost at most 5 password checks", async () => {
    const tree = await createTree();
    const user = await createUser(tree.grassroots.id, ["CADRE"]);
    const { counter, verify } = countingVerify();
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) => checkCredentials({ username: user.username, password: `wrong-${i}` }, req(randomIp()), { verify })),
    );
    expect(counter.calls).toBeLessThanOrEqual(5);
    expect(counter.calls).toBeGreaterThan(0);
    expect(outcomes.filter((o) => !o.ok && o.reason === "invalid").length).toBe(counter.calls);
    expect(outcomes.filter((o) => !o.ok && o.reason === "throttled").length).toBe(200 - counter.calls);
    // …and the account is now locked: even the right password is refused without a check.
    expect(await lockedUntil([accountKey(user.username)])).not.toBeNull();
    const before = counter.calls;
    expect(await checkCredentials({ username: user.username, password: FIXTURE_PASSWORD }, req(), { verify })).toEqual({ ok: false, reason: "throttled" });
    expect(counter.calls).toBe(before);
  });

  it("locks an address after 20 attempts spread over different accounts", async () => {
    const ip = randomIp();
    for (let i = 0; i < 20; i++) {
      expect((await checkCredentials({ username: uniq("spray"), password: "x" }, req(ip))).ok).toBe(false);
    }
    expect(await lockedUntil([ipKey(ip)])).not.toBeNull();
    expect(await checkCredentials({ username: uniq("spray"), password: "x" }, req(ip))).toEqual({ ok: false, reason: "throttled" });
  });

  it("successful sign-ins from one address never use up its limit (an office behind one NAT)", async () => {
    const tree = await createTree();
    const ip = randomIp();
    for (let i = 0; i < 25; i++) {
      const user = await createUser(tree.grassroots.id, ["CADRE"]);
      expect((await checkCredentials({ username: user.username, password: FIXTURE_PASSWORD }, req(ip))).ok).toBe(true);
    }
    expect(await lockedUntil([ipKey(ip)])).toBeNull();
  });

  it("lock-outs grow (15, 30, 60 min…) and attempts during a lock do not renew it", async () => {
    const key = accountKey(uniq("backoff"));
    const lockOnce = async () => {
      for (let i = 0; i < 5; i++) expect((await reserveAttempt(key, 5)).allowed).toBe(true);
      return recordFailure(key, 5);
    };
    const durations: number[] = [];
    for (let round = 0; round < 3; round++) {
      const until = await lockOnce();
      expect(until).not.toBeNull();
      durations.push(Math.round((until!.getTime() - Date.now()) / 60_000));
      // Hammering a locked key changes nothing.
      for (let i = 0; i < 3; i++) expect((await reserveAttempt(key, 5)).allowed).toBe(false);
      expect((await db().loginThrottle.findUniqueOrThrow({ where: { key } })).lockedUntil).toEqual(until);
      // Let the lock expire (as if the time had passed).
      await db().loginThrottle.update({ where: { key }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    }
    expect(durations).toEqual([15, 30, 60]);
  });

  it("starts a new window after the old one has passed", async () => {
    const key = accountKey(uniq("old"));
    for (let i = 0; i < 4; i++) await reserveAttempt(key, 5);
    await db().loginThrottle.update({ where: { key }, data: { windowStart: new Date(Date.now() - 16 * 60_000) } });
    expect(await reserveAttempt(key, 5)).toMatchObject({ allowed: true, attempt: 1 });
  });

  it("notifies the owner once when the account is locked, and an administrator can unlock it", async () => {
    const tree = await createTree();
    const admin = actorOf(await createUser(tree.city.id, ["ADMIN"]));
    const user = await createUser(tree.grassroots.id, ["CADRE"]);
    for (let i = 0; i < 7; i++) await checkCredentials({ username: user.username, password: `bad-${i}` }, req());
    const notes = await db().notification.findMany({ where: { userId: user.id, kind: "accountLocked" } });
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain("锁定");
    expect(await checkCredentials({ username: user.username, password: FIXTURE_PASSWORD }, req())).toEqual({ ok: false, reason: "throttled" });
    expect(await unlockUser(ctxOf(admin), user.id)).toEqual({ id: user.id, wasLocked: true });
    expect(await db().auditLog.count({ where: { action: "user.unlock", entityId: String(user.id), actorId: admin.id } })).toBe(1);
    expect(await checkCredentials({ username: user.username, password: FIXTURE_PASSWORD }, req())).toMatchObject({ ok: true });
  });

  it("a successful sign-in clears the account's counter and opens a server-side session", async () => {
    const tree = await createTree();
    const user = await createUser(tree.grassroots.id, ["CADRE"]);
    for (let i = 0; i < 3; i++) await checkCredentials({ username: user.username, password: "nope" }, req());
    const outcome = await checkCredentials({ username: user.username.toUpperCase(), password: FIXTURE_PASSWORD }, req("192.0.2.10"));
    expect(outcome.ok).toBe(true);
    expect(await db().loginThrottle.findUnique({ where: { key: accountKey(user.username) } })).toBeNull();
    const session = await db().userSession.findUniqueOrThrow({ where: { id: outcome.ok ? outcome.sessionId : "" } });
    expect(session).toMatchObject({ userId: user.id, ip: "192.0.2.10", revokedAt: null });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "auth.signIn", entityId: String(user.id) }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ ip: "192.0.2.10" });
  });

  it("logs a failure for an unknown username without the typed name (issue 10.6)", async () => {
    const info = vi.spyOn(logger(), "info");
    const typed = `Secret-Password-${uniq("typo")}`;
    await checkCredentials({ username: typed, password: "x" }, req("192.0.2.77"));
    const failed = info.mock.calls.filter((c) => c[1] === "sign-in failed");
    expect(failed).toHaveLength(1);
    expect(JSON.stringify(failed)).not.toContain(typed.toLowerCase());
    expect(failed[0]![0]).toMatchObject({ unknownAccount: true, ip: "192.0.2.77" });
    // A known account's failure does name it (that is the account under attack).
    const tree = await createTree();
    const user = await createUser(tree.grassroots.id, ["CADRE"]);
    await checkCredentials({ username: user.username, password: "x" }, req());
    expect(info.mock.calls.filter((c) => c[1] === "sign-in failed").at(-1)![0]).toMatchObject({ username: user.username });
  });
});

/**
 * Server-side sessions (issue 10.3): idle timeout besides the 12 h limit,
 * sign-out revokes (a copied cookie is dead), a password change ends the other
 * sessions, the change-password form's current-password check is throttled;
 * and the must-change-password flag of initial passwords (issue 10.1).
 */
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { actorOfSession } from "@/lib/auth/session";
import { openSession, revokeSession, validateSession } from "@/lib/auth/sessions";
import { checkCredentials } from "@/lib/auth/sign-in";
import { changeOwnPassword, createUser as createUserService, resetPassword } from "@/lib/users/service";
import { FIXTURE_PASSWORD, actorOf, createTree, createUser, ctxOf, uniq } from "../helpers/fixtures";

const minutes = (n: number) => n * 60_000;

afterEach(() => {
  delete process.env.SESSION_IDLE_MINUTES;
  resetEnvCache();
});

async function signedIn() {
  const tree = await createTree();
  const user = await createUser(tree.grassroots.id, ["CADRE"]);
  const outcome = await checkCredentials({ username: user.username, password: FIXTURE_PASSWORD }, { ip: null, requestId: uniq("r") });
  if (!outcome.ok) throw new Error("sign-in failed");
  return { tree, user, sid: outcome.sessionId, claims: { uid: user.id, sv: 0, sid: outcome.sessionId } };
}

describe("server-side sessions", () => {
  it("end after 30 idle minutes (default) even within 12 h, and stay while used", async () => {
    const { user, sid } = await signedIn();
    const t0 = (await db().userSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt.getTime();
    // Used every 20 minutes for an hour: still working (each use moves lastSeenAt).
    for (let i = 1; i <= 3; i++) expect(await validateSession(sid, new Date(t0 + minutes(20 * i)))).toBe(user.id);
    // Then 31 minutes without a request: gone, and revoked for good.
    expect(await validateSession(sid, new Date(t0 + minutes(60 + 31)))).toBeNull();
    expect(await validateSession(sid, new Date(t0 + minutes(60 + 32)))).toBeNull();
    expect((await db().userSession.findUniqueOrThrow({ where: { id: sid } })).revokedAt).not.toBeNull();
  });

  it("take the idle timeout from SESSION_IDLE_MINUTES", async () => {
    process.env.SESSION_IDLE_MINUTES = "5";
    resetEnvCache();
    const { user, sid } = await signedIn();
    const t0 = (await db().userSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt.getTime();
    expect(await validateSession(sid, new Date(t0 + minutes(4)))).toBe(user.id);
    expect(await validateSession(sid, new Date(t0 + minutes(4) + minutes(6)))).toBeNull();
  });

  it("end 12 h after sign-in however active they are", async () => {
    const { sid } = await signedIn();
    const created = (await db().userSession.findUniqueOrThrow({ where: { id: sid } })).createdAt.getTime();
    await db().userSession.update({ where: { id: sid }, data: { lastSeenAt: new Date(created + minutes(12 * 60)) } });
    expect(await validateSession(sid, new Date(created + minutes(12 * 60) + 1000))).toBeNull();
  });

  it("sign-out revokes the session: the same cookie (claims) no longer works anywhere", async () => {
    const { user, sid, claims } = await signedIn();
    expect(await actorOfSession(claims)).toMatchObject({ id: user.id });
    await revokeSession(sid);
    expect(await actorOfSession(claims)).toBeNull();
    // A JWT naming someone else's session is refused too.
    const other = await openSession(user.id, null);
    expect(await actorOfSession({ ...claims, uid: user.id + 1, sid: other })).toBeNull();
  });

  it("a password change ends the user's other sessions and keeps the one making it", async () => {
    const { user, sid, claims } = await signedIn();
    const second = await checkCredentials({ username: user.username, password: FIXTURE_PASSWORD }, { ip: null, requestId: uniq("r") });
    if (!second.ok) throw new Error("second sign-in failed");
    const me = actorOf(user);
    const result = await changeOwnPassword(ctxOf(me), FIXTURE_PASSWORD, "NewPass123", sid);
    expect(result).toEqual({ id: user.id, wasTemporary: false });
    expect(await actorOfSession(claims)).toMatchObject({ id: user.id });
    expect(await actorOfSession({ ...claims, sid: second.sessionId })).toBeNull();
  });

  it("throttles the change-password form's current-password check", async () => {
    const { user, sid } = await signedIn();
    const me = actorOf(user);
    for (let i = 0; i < 5; i++) await expect(changeOwnPassword(ctxOf(me), `guess-${i}`, "NewPass123", sid)).rejects.toMatchObject({ code: "user.wrongPassword" });
    // Now even the right current password is refused (without a check) until the lock ends.
    await expect(changeOwnPassword(ctxOf(me), FIXTURE_PASSWORD, "NewPass123", sid)).rejects.toMatchObject({ code: "user.passwordThrottled", status: 429 });
  });
});

describe("initial passwords must be changed (issue 10.1)", () => {
  it("an administrator-created account carries the flag until its password is changed", async () => {
    const tree = await createTree();
    const admin = actorOf(await createUser(tree.city.id, ["ADMIN"]));
    const username = uniq("init").toLowerCase();
    const { id } = await createUserService(ctxOf(admin), { username, displayName: "新人", password: "Initial123", organizationId: tree.grassroots.id, roles: ["CADRE"], fullTime: false });
    const outcome = await checkCredentials({ username, password: "Initial123" }, { ip: null, requestId: uniq("r") });
    if (!outcome.ok) throw new Error("sign-in failed");
    const claims = { uid: id, sv: 0, sid: outcome.sessionId };
    const actor = await actorOfSession(claims);
    expect(actor?.mustChangePassword).toBe(true);
    const result = await changeOwnPassword(ctxOf(actor!), "Initial123", "Changed123", outcome.sessionId);
    expect(result.wasTemporary).toBe(true);
    expect((await actorOfSession(claims))?.mustChangePassword).toBe(false);
    // An administrator's reset sets it again (and ends the sessions).
    await resetPassword(ctxOf(admin), id, "Temp12345");
    expect(await actorOfSession(claims)).toBeNull();
    expect((await db().user.findUniqueOrThrow({ where: { id } })).mustChangePassword).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { accountKey, lockedUntil } from "@/lib/auth/throttle";
import { checkCredentials } from "@/lib/auth/sign-in";
import { verifyPassword } from "@/lib/auth/password";
import { loadActor } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { changeOwnPassword, createUser as createUserService, resetPassword, setUserDisabled } from "@/lib/users/service";
import { actorOf, createTree, createUser, ctxOf, uniq } from "../helpers/fixtures";

describe("user administration", () => {
  it("creates a user with an argon2id hash, audited without the hash", async () => {
    const tree = await createTree();
    const admin = actorOf(await createUser(tree.city.id, ["ADMIN"]));
    const username = uniq("new").toLowerCase();
    const { id } = await createUserService(ctxOf(admin), {
      username,
      displayName: "新用户",
      password: "Passw0rd!",
      organizationId: tree.grassroots.id,
      roles: ["CADRE"],
      position: "CHAIRPERSON",
      fullTime: true,
    });
    const user = await db().user.findUniqueOrThrow({ where: { id } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.mustChangePassword).toBe(true);
    expect(await verifyPassword(user.passwordHash, "Passw0rd!")).toBe(true);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "user.create", entityId: String(id) } });
    expect(audit.actorId).toBe(admin.id);
    expect(JSON.stringify(audit.after)).not.toMatch(/argon2|passwordHash/);
  });

  it("refuses a duplicate username (application-insensitive) and creates nothing", async () => {
    const tree = await createTree();
    const admin = actorOf(await createUser(tree.city.id, ["ADMIN"]));
    const existing = await createUser(tree.grassroots.id, ["CADRE"]);
    const before = await db().user.count();
    await expect(
      createUserService(ctxOf(admin), { username: existing.username.toUpperCase(), displayName: "重复", password: "Passw0rd!", organizationId: tree.grassroots.id, roles: ["CADRE"], fullTime: false }),
    ).rejects.toMatchObject({ code: "user.usernameTaken", status: 409 });
    expect(await db().user.count()).toBe(before);
  });

  it("disables and re-enables a user, but never the administrator themself", async () => {
    const tree = await createTree();
    const adminUser = await createUser(tree.city.id, ["ADMIN"]);
    const admin = actorOf(adminUser);
    const target = await createUser(tree.grassroots.id, ["CADRE"]);
    await setUserDisabled(ctxOf(admin), target.id, true);
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).disabled).toBe(true);
    await setUserDisabled(ctxOf(admin), target.id, false);
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).disabled).toBe(false);
    await expect(setUserDisabled(ctxOf(admin), adminUser.id, true)).rejects.toBeInstanceOf(DomainError);
    expect((await db().user.findUniqueOrThrow({ where: { id: adminUser.id } })).disabled).toBe(false);
    const actions = (await db().auditLog.findMany({ where: { entityType: "User", entityId: String(target.id) }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["user.disable", "user.enable"]);
  });

  it("resets a password: new hash, must change, sign-in lock lifted", async () => {
    const tree = await createTree();
    const admin = actorOf(await createUser(tree.city.id, ["ADMIN"]));
    const target = await createUser(tree.grassroots.id, ["CADRE"]);
    for (let i = 0; i < 5; i++) await checkCredentials({ username: target.username, password: "wrong" }, { ip: null, requestId: "t" });
    expect(await lockedUntil([accountKey(target.username)])).not.toBeNull();
    await resetPassword(ctxOf(admin), target.id, "Temp1234x");
    const after = await db().user.findUniqueOrThrow({ where: { id: target.id } });
    expect(after.mustChangePassword).toBe(true);
    expect(await verifyPassword(after.passwordHash, "Temp1234x")).toBe(true);
    expect(await lockedUntil([accountKey(target.username)])).toBeNull();
  });

  it("changes one's own password only with the right current password", async () => {
    const tree = await createTree();
    const user = await createUser(tree.grassroots.id, ["CADRE"]);
    const me = actorOf(user);
    await expect(changeOwnPassword(ctxOf(me), "wrong-password1", "NewPass123")).rejects.toMatchObject({ code: "user.wrongPassword" });
    expect(await verifyPassword((await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, "NewPass123")).toBe(false);
    await changeOwnPassword(ctxOf(me), "Fixture123", "NewPass123");
    expect(await verifyPassword((await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, "NewPass123")).toBe(true);
  });

  it("ends existing sessions when a user is disabled or their password is reset", async () => {
    const tree = await createTree();
    const admin = actorOf(await createUser(tree.city.id, ["ADMIN"]));
    const target = await createUser(tree.grassroots.id, ["CADRE"]);
    expect(await loadActor(target.id, 0)).toMatchObject({ id: target.id, orgPath: tree.grassroots.path });
    await setUserDisabled(ctxOf(admin), target.id, true);
    expect(await loadActor(target.id, 0)).toBeNull();
    await setUserDisabled(ctxOf(admin), target.id, false);
    expect(await loadActor(target.id, 0)).toBeNull(); // re-enabling does not revive the old session
    expect(await loadActor(target.id, 1)).not.toBeNull(); // a new sign-in carries the new version
    await resetPassword(ctxOf(admin), target.id, "Temp1234x");
    expect(await loadActor(target.id, 1)).toBeNull();
    expect(await loadActor(target.id, 2)).not.toBeNull();
  });
});

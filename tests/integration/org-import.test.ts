import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importOrgFile } from "@/lib/org/import";
import { verifyPassword } from "@/lib/auth/password";
import { createFirstAdministrator } from "@/lib/org/first-start";
import { writeCredentialsFile } from "@/lib/auth/credentials-file";
import { ctxOf, uniq } from "../helpers/fixtures";

const dalian = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "prisma", "seed-data", "dalian.json"), "utf8"));

type OrgEntry = { code: string; parent?: string; name: string; type: string; [field: string]: unknown };

/** A small city file with unique codes/usernames so it can be imported next to other data. */
function smallCity() {
  const p = uniq("C");
  const u = p.toLowerCase();
  return {
    city: "测试市",
    demo: true,
    demoPassword: "Demo@2026",
    organizations: <OrgEntry[]>[
      { code: p, name: "测试市总工会", type: "CITY_FEDERATION" },
      { code: `${p}-A`, parent: p, name: "甲区总工会", type: "DISTRICT_FEDERATION", wageTier: "一档" },
      { code: `${p}-IND`, parent: p, name: "测试产业工会", type: "INDUSTRIAL_UNION", industrialResident: false },
      { code: `${p}-A-1`, parent: `${p}-A`, name: "甲区某企业工会", type: "GRASSROOTS_UNION", unitNature: "PRIVATE", ownership: "NON_PUBLIC", staffCount: 120 },
    ],
    users: [{ username: `${u}.cadre`, displayName: "测试干部", org: `${p}-A-1`, roles: ["CADRE"], position: "CHAIRPERSON", fullTime: true }],
  };
}

describe("organisation import (any city)", () => {
  it("validates the Dalian demo file", async () => {
    const { orgFileSchema } = await import("@/lib/org/import");
    const file = orgFileSchema.parse(dalian);
    const names = file.organizations.map((o) => o.name);
    for (const d of ["中山区总工会", "西岗区总工会", "沙河口区总工会", "甘井子区总工会", "旅顺口区总工会", "金州区总工会", "普兰店区总工会", "瓦房店市总工会", "庄河市总工会", "长海县总工会", "大连开放先导区总工会"]) {
      expect(names).toContain(d);
    }
    expect(file.organizations.filter((o) => o.type === "GRASSROOTS_UNION" || o.type === "JOINT_GRASSROOTS_UNION" || o.type === "REGIONAL_FEDERATION").length).toBeGreaterThanOrEqual(30);
    expect(new Set(file.users.flatMap((u) => u.roles)).size).toBe(8);
  });

  it("imports a tree with paths and depths, and users in their organisations", async () => {
    const file = smallCity();
    const counts = await importOrgFile(ctxOf(null), file);
    expect(counts).toEqual({ organizations: 4, users: 1, credentials: [] });
    const city = await db().organization.findUniqueOrThrow({ where: { code: file.organizations[0]!.code } });
    const grassroots = await db().organization.findUniqueOrThrow({ where: { code: file.organizations[3]!.code }, include: { users: true } });
    expect(city.depth).toBe(0);
    expect(grassroots.depth).toBe(2);
    expect(grassroots.path.startsWith(city.path)).toBe(true);
    expect(grassroots.isDemo).toBe(true);
    expect(grassroots.users.map((u) => u.username)).toEqual([file.users[0]!.username]);
  });

  it("imports nothing when one organisation is misplaced (all in one transaction)", async () => {
    const file = smallCity();
    file.organizations.push({ code: `${file.organizations[0]!.code}-BAD`, parent: file.organizations[3]!.code, name: "错误层级", type: "DISTRICT_FEDERATION" });
    await expect(importOrgFile(ctxOf(null), file)).rejects.toMatchObject({ code: "org.badParent" });
    expect(await db().organization.count({ where: { code: { startsWith: file.organizations[0]!.code } } })).toBe(0);
  });

  it("gives each user of a non-demo file its own random initial password, to be changed (issue 10.1)", async () => {
    const { demoPassword: _published, ...file } = { ...smallCity(), demo: false };
    const u = file.users[0]!;
    file.users = [u, { ...u, username: `${u.username}2`, displayName: "第二人" }];
    const counts = await importOrgFile(ctxOf(null), file);
    expect(counts.credentials.map((c) => c.username)).toEqual(file.users.map((x) => x.username));
    const [a, b] = counts.credentials;
    expect(a!.password).not.toBe(b!.password);
    expect(a!.password).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{16}$/);
    for (const c of counts.credentials) {
      const user = await db().user.findUniqueOrThrow({ where: { username: c.username } });
      expect(user).toMatchObject({ mustChangePassword: true, isDemo: false });
      expect(await verifyPassword(user.passwordHash, c.password)).toBe(true);
      expect(await verifyPassword(user.passwordHash, "Demo@2026")).toBe(false);
    }
    // The passwords are never in the audit trail.
    const audit = await db().auditLog.findMany({ where: { action: "user.import", entityId: { in: (await db().user.findMany({ where: { username: { in: file.users.map((x) => x.username) } } })).map((x) => String(x.id)) } } });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit.map((row) => [row.before, row.after]))).not.toContain(a!.password);
  });

  it("refuses a published password in a non-demo file", async () => {
    await expect(importOrgFile(ctxOf(null), { ...smallCity(), demo: false })).rejects.toThrow(/only a demo file may publish a password/);
  });

  it("writes the hand-over file once, readable by its owner only", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "creds-"));
    const file = path.join(dir, "initial.csv");
    writeCredentialsFile(file, [{ username: "a.b", displayName: "甲", org: "X", password: "Abc123456789xyz" }]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, "utf8")).toContain('"a.b","甲","X","Abc123456789xyz"');
    expect(() => writeCredentialsFile(file, [])).toThrow(/EEXIST/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("first start of a non-demo portal: one administrator with a random initial password to be changed", async () => {
    const credential = await createFirstAdministrator(ctxOf(null), { orgName: "测试市总工会", username: uniq("root").toLowerCase(), orgCode: uniq("ROOT") });
    const user = await db().user.findUniqueOrThrow({ where: { username: credential.username }, include: { organization: true } });
    expect(user).toMatchObject({ roles: ["ADMIN"], mustChangePassword: true, isDemo: false, organization: { type: "CITY_FEDERATION", isDemo: false } });
    expect(credential.password).toHaveLength(16);
    expect(await verifyPassword(user.passwordHash, credential.password)).toBe(true);
  });

  it("rejects a malformed file before touching the database", async () => {
    await expect(importOrgFile(ctxOf(null), { city: "x", demoPassword: "Demo@2026", organizations: [{ code: "X", name: "x", type: "MOON_BASE" }], users: [] })).rejects.toThrow();
  });
});

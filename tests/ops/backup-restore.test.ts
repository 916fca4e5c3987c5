/**
 * Issue 12 item 3: seed, pay, upload → `npm run backup` → `npm run restore`
 * into a new database; every table's row count and checksum, the balances, the
 * audit head and every file's bytes are equal. Restore refuses a non-empty
 * database without --yes and an archive whose dump was altered.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import * as tar from "tar";
import { afterAll, describe, expect, it } from "vitest";
import { databaseFacts } from "@/lib/ops/backup";
import { ROOT, freshDatabase, payableToday, sql } from "./helpers";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-backup-test-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function npm(args: string[], env: Record<string, string>) {
  const r = spawnSync("npm", ["run", "--silent", ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "silent", ...env }, encoding: "utf8" });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

async function facts(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    return await databaseFacts(c);
  } finally {
    await c.end();
  }
}

async function fileBytes(url: string): Promise<Map<string, Buffer>> {
  const rows = await sql<{ key: string; data: Buffer }>(url, `SELECT key::text, data FROM "StoredFileChunk" ORDER BY key, seq`);
  const out = new Map<string, Buffer>();
  for (const r of rows) out.set(r.key, Buffer.concat([out.get(r.key) ?? Buffer.alloc(0), r.data]));
  return out;
}

describe("backup and restore", () => {
  it("restores every table, balance, audit row and file of a used portal into a new database, verified", async () => {
    const source = await freshDatabase("backup_src", { seed: true });
    const { payableId } = await payableToday(source.ownerUrl, "BAK");
    const [draft] = await sql<{ id: number }>(source.ownerUrl, `SELECT id FROM "Application" WHERE status = 'DRAFT' ORDER BY id LIMIT 1`);
    const child = spawnSync(process.execPath, ["--import", "tsx", "tests/ops/fixture-child.ts", String(payableId), String(draft!.id)], { cwd: ROOT, env: { ...process.env, DATABASE_URL: source.appUrl, LOG_LEVEL: "silent" }, encoding: "utf8" });
    expect(child.stdout + child.stderr).toContain("fixtures done");

    const backup = npm(["backup", "--", work], { DATABASE_URL: source.appUrl, MIGRATION_DATABASE_URL: source.ownerUrl });
    expect(backup.code, backup.out).toBe(0);
    const archive = fs.readdirSync(work).find((f) => /^portal-backup-.*\.tar$/.test(f));
    expect(archive).toBeDefined();
    const archivePath = path.join(work, archive!);
    expect(fs.statSync(archivePath).mode & 0o777).toBe(0o600);

    const target = await freshDatabase("backup_dst", { prepare: false });
    const restored = npm(["restore", "--", archivePath], { DATABASE_URL: target.appUrl, MIGRATION_DATABASE_URL: target.ownerUrl });
    expect(restored.code, restored.out).toBe(0);
    expect(restored.out).toContain("restore complete and verified");

    // Compared here independently of restore's own checks: the source against the copy.
    const [a, b] = await Promise.all([facts(source.ownerUrl), facts(target.ownerUrl)]);
    expect(Object.keys(b.tables)).toEqual(Object.keys(a.tables));
    for (const [name, t] of Object.entries(a.tables)) expect(b.tables[name], name).toEqual(t);
    expect(a.tables['public.AuditLog']!.rows).toBeGreaterThan(0);
    expect(a.tables['public.LedgerEntry']!.rows).toBeGreaterThan(0);
    expect(b.balances).toEqual(a.balances);
    expect(b.auditHead).toEqual(a.auditHead);
    expect(b.migrations).toEqual(a.migrations);
    const [fa, fb] = await Promise.all([fileBytes(source.ownerUrl), fileBytes(target.ownerUrl)]);
    expect(fa.size).toBeGreaterThanOrEqual(2);
    expect([...fb.keys()].sort()).toEqual([...fa.keys()].sort());
    for (const [key, bytes] of fa) expect(Buffer.compare(fb.get(key)!, bytes), key).toBe(0);
    // The application role works on the restored copy (its grants were given again).
    const verify = npm(["audit:verify"], { DATABASE_URL: target.appUrl });
    expect(verify.code, verify.out).toBe(0);

    // A non-empty database is refused without --yes, and nothing changes.
    const refused = npm(["restore", "--", archivePath], { DATABASE_URL: target.appUrl, MIGRATION_DATABASE_URL: target.ownerUrl });
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("--yes");
    expect((await facts(target.ownerUrl)).auditHead).toEqual(a.auditHead);
    const forced = npm(["restore", "--", archivePath, "--yes"], { DATABASE_URL: target.appUrl, MIGRATION_DATABASE_URL: target.ownerUrl });
    expect(forced.code, forced.out).toBe(0);

    // An archive whose dump was altered is refused before anything is restored.
    const unpacked = path.join(work, "unpacked");
    fs.mkdirSync(unpacked);
    await tar.extract({ file: archivePath, cwd: unpacked });
    const dump = path.join(unpacked, "database.dump");
    const bytes = fs.readFileSync(dump);
    const at = bytes.length - 10;
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0xff, at);
    fs.writeFileSync(dump, bytes);
    const altered = path.join(work, "altered.tar");
    await tar.create({ file: altered, cwd: unpacked }, ["manifest.json", "database.dump"]);
    const other = await freshDatabase("backup_alt", { prepare: false });
    const bad = npm(["restore", "--", altered], { DATABASE_URL: other.appUrl, MIGRATION_DATABASE_URL: other.ownerUrl });
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/database\.dump has sha256/);
    expect((await sql(other.ownerUrl, `SELECT 1 FROM pg_tables WHERE schemaname = 'public'`)).length).toBe(0);
  });
});

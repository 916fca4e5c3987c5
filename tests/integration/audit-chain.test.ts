import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mutate } from "@/lib/audit/writer";
import { verifyAuditChain } from "@/lib/audit/verify";
import { db, type Tx } from "@/lib/db";
import { createTree, ctxOf } from "../helpers/fixtures";
import { ownerDb } from "../helpers/owner";

/** Rename an organisation three times (three audited mutations); returns the audit rows written. */
async function auditedRenames() {
  const { grassroots } = await createTree();
  for (const name of ["改名一", "改名二", "改名三"]) {
    await mutate(ctxOf(null), async (tx, record) => {
      const before = await tx.organization.findUniqueOrThrow({ where: { id: grassroots.id } });
      const after = await tx.organization.update({ where: { id: grassroots.id }, data: { name } });
      record({ action: "org.update", entityType: "Organization", entityId: grassroots.id, before, after });
    });
  }
  return db().auditLog.findMany({ where: { action: "org.update", entityId: String(grassroots.id) }, orderBy: { id: "asc" } });
}

/**
 * Run `tamper` with the append-only trigger disabled (as the owner or a superuser could — the
 * application role cannot, tests/integration/least-privilege.test.ts), inside a transaction that is rolled back.
 */
async function whileTampered<T>(tamper: (tx: Tx) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await ownerDb()
    .$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"`);
      result = await tamper(tx);
      throw new Error("rollback");
    })
    .catch((e: Error) => {
      if (e.message !== "rollback") throw e;
    });
  return result as T;
}

describe("audit chain (append-only, hash-chained)", () => {
  it("records who, what, before → after and the request id, and verifies intact", async () => {
    const rows = await auditedRenames();
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatchObject({ actorName: "system", entityType: "Organization" });
    expect((rows[1]!.before as { name: string }).name).toBe("改名一");
    expect((rows[1]!.after as { name: string }).name).toBe("改名二");
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(rows[0]!.requestId).toBeTruthy();
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it("refuses UPDATE, DELETE and TRUNCATE through the database itself, even to the owner", async () => {
    const [row] = await auditedRenames();
    await expect(ownerDb().$executeRaw`UPDATE "AuditLog" SET "actorName" = 'mallory' WHERE id = ${row!.id}`).rejects.toThrow(/append-only/);
    await expect(ownerDb().$executeRaw`DELETE FROM "AuditLog" WHERE id = ${row!.id}`).rejects.toThrow(/append-only/);
    await expect(ownerDb().$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
  });

  it("detects an edited row (its own hash no longer matches)", async () => {
    const rows = await auditedRenames();
    const target = rows[1]!;
    const report = await whileTampered(async (tx) => {
      await tx.$executeRaw`UPDATE "AuditLog" SET after = jsonb_set(after, '{name}', '"篡改"') WHERE id = ${target.id}`;
      return verifyAuditChain(tx);
    });
    expect(report).toMatchObject({ ok: false, brokenAtId: target.id.toString(), reason: "hash-mismatch" });
  });

  it("detects a deleted row (the next row's link breaks)", async () => {
    const rows = await auditedRenames();
    const report = await whileTampered(async (tx) => {
      await tx.$executeRaw`DELETE FROM "AuditLog" WHERE id = ${rows[1]!.id}`;
      return verifyAuditChain(tx);
    });
    expect(report).toMatchObject({ ok: false, brokenAtId: rows[2]!.id.toString(), reason: "link-mismatch" });
  });

  it("detects a recomputed hash that does not chain on", async () => {
    const rows = await auditedRenames();
    const report = await whileTampered(async (tx) => {
      await tx.$executeRaw`UPDATE "AuditLog" SET hash = repeat('a', 64) WHERE id = ${rows[0]!.id}`;
      return verifyAuditChain(tx);
    });
    expect(report.ok).toBe(false);
  });

  it("refuses a mutation that records no audit entry and rolls it back", async () => {
    const { grassroots } = await createTree();
    await expect(
      mutate(ctxOf(null), async (tx) => {
        await tx.organization.update({ where: { id: grassroots.id }, data: { name: "未审计的修改" } });
      }),
    ).rejects.toThrow(/without an audit entry/);
    expect((await db().organization.findUniqueOrThrow({ where: { id: grassroots.id } })).name).not.toBe("未审计的修改");
  });

  it("commits a declared no-op without an audit row", async () => {
    const before = await db().auditLog.count();
    await expect(mutate(ctxOf(null), async (_tx, _record, unchanged) => (unchanged(), "nothing to do"))).resolves.toBe("nothing to do");
    expect(await db().auditLog.count()).toBe(before);
  });

  it("keeps one unbroken chain under concurrent writers", async () => {
    const { grassroots } = await createTree();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        mutate(ctxOf(null), async (tx, record) => {
          const after = await tx.organization.update({ where: { id: grassroots.id }, data: { staffCount: i } });
          record({ action: "org.update", entityType: "Organization", entityId: grassroots.id, after });
        }),
      ),
    );
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it("`npm run audit:verify` reports an intact chain with exit code 0", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], {
      cwd: path.resolve(__dirname, "..", ".."),
      env: { ...process.env, LOG_LEVEL: "silent" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.stdout).toMatch(/audit chain intact: \d+ rows verified/);
    expect(run.status).toBe(0);
  });
});

/**
 * Signed checkpoints anchor the audit chain (issue 10.8): a rewritten chain
 * (every hash recomputed) and a cut tail verify as an intact chain on their
 * own — the checkpoints catch both; the daily job notifies administrators.
 */
import { describe, expect, it } from "vitest";
import { mutate } from "@/lib/audit/writer";
import { verifyAuditChain } from "@/lib/audit/verify";
import { auditHash } from "@/lib/audit/hash";
import { checkpointSignatureValid, loadCheckpointKey, recordCheckpoint, verifyAgainstCheckpoints } from "@/lib/audit/checkpoint";
import { verifyAndAlert } from "@/lib/audit/daily-verify";
import { db, type Tx } from "@/lib/db";
import { createTree, createUser, ctxOf } from "../helpers/fixtures";
import { ownerDb } from "../helpers/owner";

const key = loadCheckpointKey();

async function auditedWrites(n: number) {
  const { grassroots } = await createTree();
  for (let i = 0; i < n; i++) {
    await mutate(ctxOf(null), async (tx, record) => {
      const after = await tx.organization.update({ where: { id: grassroots.id }, data: { staffCount: 100 + i } });
      record({ action: "org.update", entityType: "Organization", entityId: grassroots.id, after });
    });
  }
  return grassroots;
}

/** Tamper as the owner could (append-only triggers off), in a transaction rolled back afterwards. */
async function whileTampered<T>(tamper: (tx: Tx) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await ownerDb()
    .$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"`);
        result = await tamper(tx);
        throw new Error("rollback");
      },
      { timeout: 60_000 },
    )
    .catch((e: Error) => {
      if (e.message !== "rollback") throw e;
    });
  return result as T;
}

/** Re-hash every row from `fromId` on, as an attacker who can write the table would. */
async function rechain(tx: Tx, fromId: bigint) {
  const rows = await tx.auditLog.findMany({ where: { id: { gte: fromId } }, orderBy: { id: "asc" } });
  let prevHash = rows[0]!.prevHash;
  for (const row of rows) {
    const hash = auditHash(prevHash, { at: row.at, actorId: row.actorId, actorName: row.actorName, action: row.action, entityType: row.entityType, entityId: row.entityId, before: row.before, after: row.after, requestId: row.requestId });
    await tx.$executeRaw`UPDATE "AuditLog" SET "prevHash" = ${prevHash}, hash = ${hash} WHERE id = ${row.id}`;
    prevHash = hash;
  }
}

describe("audit checkpoints", () => {
  it("sign the head; the chain verifies against them and counts the rows after the latest", async () => {
    await auditedWrites(2);
    const checkpoint = (await recordCheckpoint("manual", key))!;
    const head = await db().auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(checkpoint).toMatchObject({ headId: head.id, headHash: head.hash, keyId: key.keyId });
    expect(checkpointSignatureValid(key.secret, checkpoint, checkpoint.signature)).toBe(true);
    await auditedWrites(1);
    const report = await verifyAgainstCheckpoints(db(), key);
    expect(report).toMatchObject({ ok: true, problems: [], missingTail: null, latest: { id: checkpoint.id.toString() } });
    expect(report.unanchoredRows).toBeGreaterThanOrEqual(1);
    // The periodic job skips a checkpoint when the head has not moved.
    const periodic = (await recordCheckpoint("periodic", key))!;
    expect((await recordCheckpoint("periodic", key))!.id).toBe(periodic.id);
  });

  it("report a cut tail that the chain alone cannot see", async () => {
    await auditedWrites(3);
    const checkpoint = (await recordCheckpoint("manual", key))!;
    const { chain, report } = await whileTampered(async (tx) => {
      await tx.$executeRaw`DELETE FROM "AuditLog" WHERE id >= ${checkpoint.headId - BigInt(1)}`;
      return { chain: await verifyAuditChain(tx), report: await verifyAgainstCheckpoints(tx, key) };
    });
    expect(chain.ok).toBe(true); // without checkpoints the cut goes unnoticed
    expect(report.ok).toBe(false);
    expect(report.missingTail).toMatchObject({ checkpointHeadId: checkpoint.headId.toString() });
    expect(report.problems).toContainEqual({ kind: "row-missing", checkpointId: checkpoint.id.toString(), headId: checkpoint.headId.toString() });
  });

  it("report a rewritten chain (edited row, every later hash recomputed)", async () => {
    const org = await auditedWrites(2);
    const checkpoint = (await recordCheckpoint("manual", key))!;
    const { chain, report } = await whileTampered(async (tx) => {
      await tx.$executeRaw`UPDATE "AuditLog" SET after = jsonb_set(after, '{staffCount}', '9999') WHERE id = ${checkpoint.headId}`;
      await rechain(tx, checkpoint.headId);
      return { chain: await verifyAuditChain(tx), report: await verifyAgainstCheckpoints(tx, key) };
    });
    expect(org.id).toBeGreaterThan(0);
    expect(chain.ok).toBe(true);
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual({ kind: "row-rewritten", checkpointId: checkpoint.id.toString(), headId: checkpoint.headId.toString() });
  });

  it("refuse a checkpoint not signed with the key (forged by someone who can write the table)", async () => {
    await auditedWrites(1);
    const real = (await recordCheckpoint("manual", key))!;
    const report = await whileTampered(async (tx) => {
      await tx.auditCheckpoint.create({ data: { at: new Date(), headId: real.headId, headHash: real.headHash, reason: "manual", keyId: key.keyId, signature: "0".repeat(64) } });
      return verifyAgainstCheckpoints(tx, key);
    });
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.kind)).toEqual(["bad-signature"]);
  });

  it("are written by every annual settlement's own transaction (mutate option)", async () => {
    const before = await db().auditCheckpoint.count({ where: { reason: "settlement" } });
    await mutate(
      ctxOf(null),
      async (tx, record) => {
        const { grassroots } = await createTree();
        record({ action: "fund.year.settle", entityType: "Organization", entityId: grassroots.id, after: { ok: true } });
        void tx;
      },
      { checkpoint: "settlement" },
    );
    const head = await db().auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    const latest = await db().auditCheckpoint.findFirstOrThrow({ where: { reason: "settlement" }, orderBy: { id: "desc" } });
    expect(await db().auditCheckpoint.count({ where: { reason: "settlement" } })).toBe(before + 1);
    expect(latest).toMatchObject({ headId: head.id, headHash: head.hash });
  });

  it("daily job: a failed verification notifies the city's administrators; an intact chain notifies nobody", async () => {
    const tree = await createTree();
    const admin = await createUser(tree.city.id, ["ADMIN"]);
    await recordCheckpoint("manual", key);
    expect((await verifyAndAlert(key)).notified).toEqual([]);
    // Checked with another key (as when the database's checkpoints were forged, or the key replaced):
    // every checkpoint fails its signature check.
    const otherKey = { secret: Buffer.from("x".repeat(40)), keyId: "0123456789abcdef" };
    const result = await verifyAndAlert(otherKey);
    expect(result.report.ok).toBe(false);
    expect(result.report.problems.every((p) => p.kind === "unknown-key")).toBe(true);
    expect(result.notified).toContain(admin.id);
    const note = await db().notification.findFirstOrThrow({ where: { userId: admin.id, kind: "auditChainBroken" } });
    expect(note.body).toContain("未知密钥");
    expect(await db().auditLog.count({ where: { action: "audit.verifyFailed" } })).toBeGreaterThan(0);
  });
});

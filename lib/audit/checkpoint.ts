/**
 * Checkpoints anchor the audit chain (issue 10.8, 等保 2.0 audit integrity).
 *
 * The chain's hashes are unkeyed: whoever can write AuditLog could recompute
 * them, or cut the latest rows, and the chain would still verify. A checkpoint
 * records the head row's id and hash, HMAC-SHA256-signed with a key that the
 * database does not hold (AUDIT_CHECKPOINT_KEY, or the file
 * AUDIT_CHECKPOINT_KEY_FILE, default .data/audit-checkpoint-key, mode 0600).
 * Each checkpoint is also written to the application log (a copy off the
 * database host when logs are shipped). `verifyAgainstCheckpoints` then finds
 * a rewritten chain (a checkpointed row no longer has its signed hash) and a
 * cut tail (a checkpointed row is gone). Only rows written after the latest
 * checkpoint can be cut unnoticed: the checkpoint job runs hourly, and every
 * annual settlement writes one in its own transaction.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { verifyAuditChain, type ChainReport } from "./verify";

/** pg_advisory_xact_lock key of the audit chain (held while it is extended or anchored). */
export const CHAIN_LOCK_KEY = 727_001;

export type CheckpointKey = { secret: Buffer; keyId: string };

/** The key's public id: the first 16 hex digits of sha256(secret). */
export const keyIdOf = (secret: Buffer) => createHash("sha256").update(secret).digest("hex").slice(0, 16);

/**
 * The checkpoint key: AUDIT_CHECKPOINT_KEY, else the key file (created with 32
 * random bytes, mode 0600, when missing — `create: false` refuses instead).
 * @throws when the file is missing and may not be created, or readable by others
 */
export function loadCheckpointKey(options: { create?: boolean } = {}): CheckpointKey {
  const e = env();
  if (e.AUDIT_CHECKPOINT_KEY) {
    const secret = Buffer.from(e.AUDIT_CHECKPOINT_KEY, "utf8");
    return { secret, keyId: keyIdOf(secret) };
  }
  const file = e.AUDIT_CHECKPOINT_KEY_FILE;
  if (!fs.existsSync(file)) {
    if (options.create === false) throw new Error(`audit checkpoint key ${file} is missing`);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error; // another process made it first
    }
  }
  if ((fs.statSync(file).mode & 0o077) !== 0) throw new Error(`audit checkpoint key ${file} is readable by others: chmod 600 it`);
  const secret = Buffer.from(fs.readFileSync(file, "utf8").trim(), "utf8");
  if (secret.length < 32) throw new Error(`audit checkpoint key ${file} is shorter than 32 characters`);
  return { secret, keyId: keyIdOf(secret) };
}

/** What a checkpoint signs (pure). */
export type CheckpointContent = { at: Date; headId: bigint; headHash: string; reason: string };

/** HMAC-SHA256 (hex) of a checkpoint's content under `secret` (pure). */
export function signCheckpoint(secret: Buffer, c: CheckpointContent): string {
  return createHmac("sha256", secret).update(`union-portal audit checkpoint v1\n${c.headId}\n${c.headHash}\n${c.at.toISOString()}\n${c.reason}`).digest("hex");
}

/** Does `signature` sign `c` under `secret`? (constant-time compare) */
export function checkpointSignatureValid(secret: Buffer, c: CheckpointContent, signature: string): boolean {
  const expected = Buffer.from(signCheckpoint(secret, c), "hex");
  const given = Buffer.from(signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Record a checkpoint of the current head inside `tx`; the caller holds the
 * chain lock (CHAIN_LOCK_KEY) so the head cannot move meanwhile.
 * @returns the checkpoint, or null when the chain is empty
 */
export async function insertCheckpoint(tx: Tx, reason: string, key: CheckpointKey = loadCheckpointKey(), now: Date = new Date()) {
  const head = await tx.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true, hash: true } });
  if (!head) return null;
  const content = { at: now, headId: head.id, headHash: head.hash, reason };
  const checkpoint = await tx.auditCheckpoint.create({ data: { ...content, keyId: key.keyId, signature: signCheckpoint(key.secret, content) } });
  // A copy outside the database (log shipping): with it even a deleted checkpoint is noticed.
  logger().info({ auditCheckpoint: { id: checkpoint.id.toString(), headId: head.id.toString(), headHash: head.hash, at: now.toISOString(), reason, keyId: key.keyId, signature: checkpoint.signature } }, "audit checkpoint");
  return checkpoint;
}

/**
 * Record a checkpoint of the chain's head now (the hourly job, `audit:verify --checkpoint`).
 * Skipped (returns the latest) when the head has not moved since the latest checkpoint.
 */
export async function recordCheckpoint(reason: "periodic" | "manual", key: CheckpointKey = loadCheckpointKey()) {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`;
    const [head, latest] = await Promise.all([
      tx.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } }),
      tx.auditCheckpoint.findFirst({ orderBy: { id: "desc" } }),
    ]);
    if (head && latest && latest.headId === head.id && reason === "periodic") return latest;
    return insertCheckpoint(tx, reason, key);
  });
}

export type CheckpointProblem =
  | { kind: "bad-signature"; checkpointId: string }
  | { kind: "unknown-key"; checkpointId: string; keyId: string }
  | { kind: "row-missing"; checkpointId: string; headId: string }
  | { kind: "row-rewritten"; checkpointId: string; headId: string };

export type AuditReport = {
  ok: boolean;
  chain: ChainReport;
  checkpoints: number;
  /** the latest checkpoint whose signature is valid */
  latest: { id: string; headId: string; at: Date } | null;
  /** rows after the latest valid checkpoint (not yet anchored) */
  unanchoredRows: number;
  problems: CheckpointProblem[];
  /** the chain ends before the latest checkpoint's head: rows were cut from its end */
  missingTail: { lastId: string | null; checkpointHeadId: string } | null;
};

const BATCH = 1_000;

/**
 * Verify the chain (lib/audit/verify.ts) and every checkpoint against it: the
 * signature (key id and HMAC), and that the checkpointed row still exists with
 * the signed hash. A chain that ends before the latest checkpoint's head
 * reports `missingTail`.
 */
export async function verifyAgainstCheckpoints(client: Tx = db(), key: CheckpointKey = loadCheckpointKey()): Promise<AuditReport> {
  const chain = await verifyAuditChain(client);
  const problems: CheckpointProblem[] = [];
  let latest: AuditReport["latest"] = null;
  let count = 0;
  let afterId = BigInt(0);
  // A database older than the checkpoint migration (e.g. verified before upgrading) has only the chain.
  const [table] = await client.$queryRaw<{ name: string | null }[]>`SELECT to_regclass('"AuditCheckpoint"')::text AS name`;
  if (!table?.name) return { ok: chain.ok, chain, checkpoints: 0, latest: null, unanchoredRows: chain.rows, problems, missingTail: null };
  for (;;) {
    const batch = await client.auditCheckpoint.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: BATCH });
    if (batch.length === 0) break;
    const rows = await client.auditLog.findMany({ where: { id: { in: [...new Set(batch.map((c) => c.headId))] } }, select: { id: true, hash: true } });
    const hashOf = new Map(rows.map((r) => [r.id, r.hash]));
    for (const c of batch) {
      count++;
      afterId = c.id;
      const checkpointId = c.id.toString();
      if (c.keyId !== key.keyId) {
        problems.push({ kind: "unknown-key", checkpointId, keyId: c.keyId });
        continue;
      }
      if (!checkpointSignatureValid(key.secret, { at: c.at, headId: c.headId, headHash: c.headHash, reason: c.reason }, c.signature)) {
        problems.push({ kind: "bad-signature", checkpointId });
        continue;
      }
      latest = { id: checkpointId, headId: c.headId.toString(), at: c.at };
      const hash = hashOf.get(c.headId);
      if (hash === undefined) problems.push({ kind: "row-missing", checkpointId, headId: c.headId.toString() });
      else if (hash !== c.headHash) problems.push({ kind: "row-rewritten", checkpointId, headId: c.headId.toString() });
    }
  }
  const last = await client.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const missingTail = latest && (!last || last.id < BigInt(latest.headId)) ? { lastId: last?.id.toString() ?? null, checkpointHeadId: latest.headId } : null;
  const unanchoredRows = latest ? await client.auditLog.count({ where: { id: { gt: BigInt(latest.headId) } } }) : chain.rows;
  return { ok: chain.ok && problems.length === 0 && !missingTail, chain, checkpoints: count, latest, unanchoredRows, problems, missingTail };
}

/** One line per problem of `report`, in Chinese and English (for the CLI and the notification). */
export function describeReport(report: AuditReport): string[] {
  const out: string[] = [];
  if (!report.chain.ok) out.push(`审计链在第 ${report.chain.brokenAtId} 行断裂 / chain broken at row ${report.chain.brokenAtId} (${report.chain.reason})`);
  if (report.missingTail) {
    out.push(`审计链尾部缺失：检查点记录到第 ${report.missingTail.checkpointHeadId} 行，现仅到第 ${report.missingTail.lastId ?? "-"} 行 / missing tail: checkpoint covers row ${report.missingTail.checkpointHeadId}, the chain ends at ${report.missingTail.lastId ?? "no row"}`);
  }
  for (const p of report.problems) {
    if (p.kind === "bad-signature") out.push(`检查点 ${p.checkpointId} 签名无效 / checkpoint ${p.checkpointId}: invalid signature`);
    else if (p.kind === "unknown-key") out.push(`检查点 ${p.checkpointId} 由未知密钥签名 / checkpoint ${p.checkpointId}: signed by unknown key ${p.keyId}`);
    else if (p.kind === "row-missing") out.push(`检查点 ${p.checkpointId} 所记录的第 ${p.headId} 行已不存在 / checkpoint ${p.checkpointId}: row ${p.headId} is gone`);
    else out.push(`检查点 ${p.checkpointId} 所记录的第 ${p.headId} 行已被改写 / checkpoint ${p.checkpointId}: row ${p.headId} was rewritten`);
  }
  return out;
}

/**
 * The one audit writer. Every mutation runs through `mutate()`: the caller's
 * work and its audit rows commit in the same transaction, or not at all.
 *
 * Rows are append-only (trigger "AuditLog_append_only") and hash-chained.
 * The chain is extended under a transaction-scoped advisory lock taken only
 * when the audit rows are flushed — after the caller's own row locks — so all
 * transactions acquire locks in the same order (domain rows, then the chain).
 */
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/authz/types";
import { CHAIN_LOCK_KEY, insertCheckpoint } from "./checkpoint";
import { GENESIS_HASH, auditHash, toJsonSnapshot, type AuditContent } from "./hash";
import type { AuditAction, AuditEntityType } from "./vocabulary";

/** Who is acting and under which request id. `actor: null` = the system (seed, jobs). */
export type RequestContext = { actor: Actor | null; requestId: string };

/** One change: what happened to which entity, before → after (JSON snapshots). Action and entity type from ./vocabulary.ts only. */
export type AuditEntry = {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string | number | bigint;
  before?: unknown;
  after?: unknown;
};

export type RecordAudit = (entry: AuditEntry) => void;


export function systemContext(requestId: string = randomUUID()): RequestContext {
  return { actor: null, requestId };
}

/** Append audit rows inside `tx` (advisory-locked chain extension). */
export async function writeAuditEntries(tx: Tx, ctx: RequestContext, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`;
  const last = await tx.auditLog.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  for (const entry of entries) {
    const content: AuditContent = {
      at,
      actorId: ctx.actor?.id ?? null,
      actorName: ctx.actor?.displayName ?? "system",
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: toJsonSnapshot(entry.before),
      after: toJsonSnapshot(entry.after),
      requestId: ctx.requestId,
    };
    const hash = auditHash(prevHash, content);
    await tx.auditLog.create({
      data: {
        ...content,
        before: content.before === null ? Prisma.DbNull : (content.before as Prisma.InputJsonValue),
        after: content.after === null ? Prisma.DbNull : (content.after as Prisma.InputJsonValue),
        prevHash,
        hash,
      },
    });
    prevHash = hash;
  }
}

export type MutateOptions = {
  isolationLevel?: Prisma.TransactionIsolationLevel;
  /** ms; default TX_TIMEOUT_MS (10 s) */
  timeout?: number;
  /**
   * Anchor the chain's new head with a signed checkpoint in the same
   * transaction (e.g. "settlement": every annual settlement, issue 10.8).
   */
  checkpoint?: string;
};

/**
 * Run `work` in one transaction and write the audit rows it records.
 * `work` may instead call `unchanged()` when it found nothing to change (e.g.
 * settings saved with the values already in force): it then commits without an
 * audit row, having written nothing.
 * @throws Error when `work` records nothing and did not declare `unchanged()` —
 *   every mutation must be audited.
 */
export async function mutate<T>(
  ctx: RequestContext,
  work: (tx: Tx, record: RecordAudit, unchanged: () => void) => Promise<T>,
  options: MutateOptions = {},
): Promise<T> {
  return db().$transaction(
    async (tx) => {
      const entries: AuditEntry[] = [];
      let declaredUnchanged = false;
      const result = await work(
        tx,
        (entry) => entries.push(entry),
        () => {
          declaredUnchanged = true;
        },
      );
      if (entries.length === 0 && declaredUnchanged) return result;
      if (entries.length === 0) throw new Error("mutation without an audit entry");
      await writeAuditEntries(tx, ctx, entries);
      // The chain lock is still held: the head cannot move before the checkpoint is written.
      if (options.checkpoint) await insertCheckpoint(tx, options.checkpoint);
      return result;
    },
    { isolationLevel: options.isolationLevel, timeout: options.timeout ?? env().TX_TIMEOUT_MS, maxWait: env().TX_MAX_WAIT_MS },
  );
}

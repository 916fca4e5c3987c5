/**
 * Verify the audit chain: recompute every row's hash in id order.
 * Detects an edited row (its hash no longer matches), a deleted or reordered
 * row (the next row's prevHash no longer matches).
 */
import type { Tx } from "@/lib/db";
import { GENESIS_HASH, auditHash } from "./hash";

export type ChainReport =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAtId: string; reason: "hash-mismatch" | "link-mismatch" };

const BATCH = 5_000;

export async function verifyAuditChain(client: Tx): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let rows = 0;
  let afterId = BigInt(0);
  for (;;) {
    const batch = await client.auditLog.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: BATCH });
    if (batch.length === 0) return { ok: true, rows };
    for (const row of batch) {
      if (row.prevHash !== prevHash) return { ok: false, rows, brokenAtId: row.id.toString(), reason: "link-mismatch" };
      const expected = auditHash(prevHash, {
        at: row.at,
        actorId: row.actorId,
        actorName: row.actorName,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        before: row.before,
        after: row.after,
        requestId: row.requestId,
      });
      if (expected !== row.hash) return { ok: false, rows, brokenAtId: row.id.toString(), reason: "hash-mismatch" };
      prevHash = row.hash;
      rows++;
      afterId = row.id;
    }
  }
}

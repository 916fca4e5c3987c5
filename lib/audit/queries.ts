/** The audit log's read side for the audit page (newest first). */
import { db } from "@/lib/db";

/** At most `take` audit rows, newest first, optionally of one entity type and id. */
export function latestAuditRows(filter: { entityType?: string; entityId?: string }, take: number) {
  return db().auditLog.findMany({
    where: { ...(filter.entityType ? { entityType: filter.entityType } : {}), ...(filter.entityId ? { entityId: filter.entityId } : {}) },
    orderBy: { id: "desc" },
    take,
  });
}

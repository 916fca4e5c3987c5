/**
 * Pure hashing for the audit chain. Each row's hash covers the previous row's
 * hash and the row's own content in a canonical JSON form (sorted keys), so
 * editing, deleting or reordering any row breaks every later hash.
 */
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** Fields of an audit row that the hash covers. */
export type AuditContent = {
  at: Date;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
};

/** JSON with object keys sorted at every level; undefined → null. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

/**
 * Normalise a before/after snapshot to what JSONB will give back: Decimal and
 * bigint become strings, Dates ISO strings, undefined keys vanish.
 */
export function toJsonSnapshot(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(
    JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)),
  );
}

/** sha256 hex of prevHash + canonical content. */
export function auditHash(prevHash: string, content: AuditContent): string {
  const body = canonicalJson({ ...content, at: content.at.toISOString(), before: content.before ?? null, after: content.after ?? null });
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}

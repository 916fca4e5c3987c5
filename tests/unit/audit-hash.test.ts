import { describe, expect, it } from "vitest";
import { GENESIS_HASH, auditHash, canonicalJson } from "@/lib/audit/hash";

const content = {
  at: new Date("2026-11-21T08:00:00.000Z"),
  actorId: 7,
  actorName: "王明",
  action: "application.forward",
  entityType: "Application",
  entityId: "12",
  before: { status: "IN_REVIEW", stage: "GRASSROOTS" },
  after: { stage: "DISTRICT", status: "IN_REVIEW" },
  requestId: "r-1",
};

describe("audit hash", () => {
  it("is independent of key order", () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
  });
  it("changes when any field or the previous hash changes", () => {
    const h = auditHash(GENESIS_HASH, content);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(GENESIS_HASH, { ...content, actorName: "李强" })).not.toBe(h);
    expect(auditHash(GENESIS_HASH, { ...content, after: { ...content.after, stage: "OFFICE" } })).not.toBe(h);
    expect(auditHash("f".repeat(64), content)).not.toBe(h);
  });
});

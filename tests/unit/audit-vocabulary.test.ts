/**
 * Typed audit vocabulary (issue 7 item 4): one list of actions and entity types (the Prisma
 * model names and "Job"); `record()` of mutate() accepts nothing else — the @ts-expect-error
 * lines below fail the typecheck phase the day a free string compiles again.
 */
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, lower, type AuditAction, type AuditEntityType } from "@/lib/audit/vocabulary";
import type { AuditEntry } from "@/lib/audit/writer";
import { Prisma } from "@/lib/generated/prisma/client";

describe("the audit vocabulary", () => {
  it("lists every action once, including the families built from enums", () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    for (const a of ["application.submit", "application.approve", "fund.entry.disbursement", "fund.entry.reversal", "fund.request.top_up", "approval.forward", "reminders.sweep"] as const) {
      expect(AUDIT_ACTIONS).toContain(a);
    }
    expect(AUDIT_ACTIONS.every((a) => /^[a-z][A-Za-z_]*(\.[a-z][A-Za-z_]*)+$/.test(a))).toBe(true);
  });
  it("names entity types by their Prisma model (plus Job)", () => {
    expect(AUDIT_ENTITY_TYPES).toEqual(expect.arrayContaining([...Object.values(Prisma.ModelName), "Job"]));
    expect(AUDIT_ENTITY_TYPES).toHaveLength(Object.values(Prisma.ModelName).length + 1);
  });
  it("refuses a string outside it at compile time", () => {
    const ok: AuditEntry = { action: "fund.pay", entityType: "Payable", entityId: 1 };
    // @ts-expect-error — not an audit action
    const badAction: AuditEntry = { action: "fund.payed", entityType: "Payable", entityId: 1 };
    // @ts-expect-error — not a model name
    const badEntity: AuditEntry = { action: "fund.pay", entityType: "Payables", entityId: 1 };
    const built: AuditAction = `application.${lower("FORWARD" as const)}`;
    const job: AuditEntityType = "Job";
    expect([ok.action, badAction.action, badEntity.entityType, built, job]).toEqual(["fund.pay", "fund.payed", "Payables", "application.forward", "Job"]);
  });
});

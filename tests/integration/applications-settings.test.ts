/**
 * Review deadlines per stage (art. 18), set by administrators, against
 * PostgreSQL: saving the values in force is a clean no-op (no 500, no audit
 * row), a change writes and audits only the stages that changed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDeadlines, setReviewDeadlines } from "@/lib/applications/settings";
import { db } from "@/lib/db";
import type { ApplicationStage } from "@/lib/generated/prisma/enums";
import { actorOf, createTree, createUser, ctxOf } from "../helpers/fixtures";
import { ensureDeadlines } from "./applications-fixtures";
import type { Actor } from "@/lib/authz/types";

let admin: Actor;
let original: Record<ApplicationStage, number>;
const current = async () => Object.fromEntries((await listDeadlines()).map((d) => [d.stage, d.days!])) as Record<ApplicationStage, number>;
const auditRows = () => db().auditLog.count({ where: { entityType: "ReviewDeadline" } });

beforeAll(async () => {
  await ensureDeadlines();
  const tree = await createTree();
  admin = actorOf(await createUser(tree.city.id, ["ADMIN"]));
  original = await current();
});
afterAll(async () => {
  await setReviewDeadlines(ctxOf(admin), original);
});

describe("review deadlines (art. 18)", () => {
  it("saves unchanged deadlines as a no-op: nothing written, nothing audited, no error", async () => {
    const before = await auditRows();
    await expect(setReviewDeadlines(ctxOf(admin), original)).resolves.toEqual({ saved: false, changed: [] });
    expect(await auditRows()).toBe(before);
    expect(await current()).toEqual(original);
  });

  it("writes and audits only the stages that changed", async () => {
    const before = await auditRows();
    const result = await setReviewDeadlines(ctxOf(admin), { ...original, OFFICE: original.OFFICE + 1 });
    expect(result).toEqual({ saved: true, changed: ["OFFICE"] });
    expect(await auditRows()).toBe(before + 1);
    expect((await current()).OFFICE).toBe(original.OFFICE + 1);
  });
});

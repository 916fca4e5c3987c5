/**
 * The authorization gate on real data: resources are loaded from PostgreSQL
 * (materialised paths) and checked with can(), as every entry point does.
 */
import { describe, expect, it } from "vitest";
import { authorize, can } from "@/lib/authz";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { stageReviewers } from "@/lib/applications/commands";
import { applicationResource, loadApplication } from "@/lib/applications/resource";
import { db } from "@/lib/db";
import { organizationResource } from "@/lib/org/service";
import { listUsers, userResource } from "@/lib/users/service";
import { actorOf, createTree, createUser } from "../helpers/fixtures";
import { advanceTo, applicationWorld, step, submitted } from "./applications-fixtures";

describe("authorization gate against the database", () => {
  it("lets a district reviewer open its own district's unions and denies another district's", async () => {
    const tree = await createTree();
    const reviewer = actorOf(await createUser(tree.district.id, ["DISTRICT_REVIEWER"]));
    expect(can(reviewer, "org.view", await organizationResource(tree.grassroots.id))).toBe(true);
    expect(can(reviewer, "org.view", await organizationResource(tree.district.id))).toBe(true);
    expect(can(reviewer, "org.view", await organizationResource(tree.otherDistrict.id))).toBe(false);
    expect(can(reviewer, "org.view", await organizationResource(tree.otherGrassroots.id))).toBe(false);
    expect(can(reviewer, "org.view", await organizationResource(tree.city.id))).toBe(false);
    expect(() => authorize(reviewer, "org.view", { type: "organization", id: tree.otherGrassroots.id, path: tree.otherGrassroots.path })).toThrow(ForbiddenError);
  });

  it("keeps a district administrator's user management inside its subtree", async () => {
    const tree = await createTree();
    const admin = actorOf(await createUser(tree.district.id, ["ADMIN"]));
    const inside = await createUser(tree.grassroots.id, ["CADRE"]);
    const outside = await createUser(tree.otherGrassroots.id, ["CADRE"]);
    expect(can(admin, "user.manage", await userResource(inside.id))).toBe(true);
    expect(can(admin, "user.manage", await userResource(outside.id))).toBe(false);
    expect(can(admin, "user.manage", await organizationResource(tree.otherDistrict.id))).toBe(false);
    const listed = (await listUsers(admin)).map((u) => u.id);
    expect(listed).toContain(inside.id);
    expect(listed).not.toContain(outside.id);
  });

  it("denies anonymous callers and reports unknown records as not found", async () => {
    const tree = await createTree();
    expect(() => authorize(null, "org.view", { type: "organization", id: tree.city.id, path: tree.city.path })).toThrow(UnauthenticatedError);
    await expect(organizationResource(2_000_000_000)).rejects.toThrow(NotFoundError);
    await expect(userResource(2_000_000_000)).rejects.toThrow(NotFoundError);
  });

  it("lets only the city federation act at the office and leading-group stages (art. 18.3)", async () => {
    const w = await applicationWorld();
    // Holders of the office / leading-group roles at district level (in the application's own subtree).
    const districtOffice = actorOf(await createUser(w.tree.district.id, ["LEADING_GROUP_OFFICE"]));
    const districtMember = actorOf(await createUser(w.tree.district.id, ["LEADING_GROUP_MEMBER"]));
    const id = await submitted(w);
    await advanceTo(w, id, "OFFICE");
    const atOffice = await applicationResource(id);
    expect(can(districtOffice, "application.review", atOffice)).toBe(false);
    expect(can(w.actors.office, "application.review", atOffice)).toBe(true);
    await expect(step(districtOffice, id, { type: "RETURN", stage: "OFFICE" })).rejects.toBeInstanceOf(ForbiddenError);
    // Nor are they notified as the stage's reviewers.
    const app = await loadApplication(db(), id);
    const reviewers = await stageReviewers(db(), { ...app, stage: "OFFICE" });
    expect(new Set(reviewers)).toEqual(new Set([w.users.office.id, w.users.office2.id]));


    const decided = await submitted(w);
    await advanceTo(w, decided, "LEADING_GROUP");
    const atLeadingGroup = await applicationResource(decided);
    expect(atLeadingGroup.stage).toBe("LEADING_GROUP");
    expect(can(districtMember, "application.review", atLeadingGroup)).toBe(false);
    expect(can(w.actors.leader, "application.review", atLeadingGroup)).toBe(true);
    await expect(step(districtMember, decided, { type: "REJECT", stage: "LEADING_GROUP" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

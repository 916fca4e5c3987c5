/**
 * The review-chain engine (lib/approval/chain.ts) over a test-only chain (three levels and a
 * province-style confirmation) and over the art. 18 chain: order enforced, return and resubmit,
 * reject, self-review refused, scopes, delegation, deadlines and the once-only reminder, hooks.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  actingAs,
  decisionsAt,
  defineChain,
  isOverdue,
  mayDecide,
  mayFastTrack,
  missingFields,
  needsReminder,
  permissionKind,
  queueOrder,
  queueStages,
  reviewerQuery,
  stepDueAt,
  transition,
  type ChainActor,
  type ChainCommand,
  type ChainItem,
  type Delegation,
  type ItemState,
} from "@/lib/approval";
import { ART18_CHAIN } from "@/lib/applications/chain";
import { STAGE_ROLE } from "@/lib/authz";
import { DomainError } from "@/lib/errors";
import { TEST_CHAIN, type TestStage } from "../helpers/test-chain";

// city /1/ → district /1/4/ → grassroots /1/4/9/ (another district: /1/5/)
const item = (status: ItemState["status"], stage: TestStage | null, applicantId = 100): ChainItem<TestStage> => ({ status, stage, applicantId, orgPath: "/1/4/9/", reportingOrgPath: "/1/4/" });
const person = (id: number, roles: ChainActor["roles"], orgPath: string, orgType: ChainActor["orgType"]): ChainActor => ({ id, roles, orgPath, orgType, organizationId: Number(orgPath.split("/").at(-2)) });
const unitOfficer = person(1, ["GRASSROOTS_OFFICER"], "/1/4/9/", "GRASSROOTS_UNION");
const districtReviewer = person(2, ["DISTRICT_REVIEWER"], "/1/4/", "DISTRICT_FEDERATION");
const otherDistrictReviewer = person(3, ["DISTRICT_REVIEWER"], "/1/5/", "DISTRICT_FEDERATION");
const cityOffice = person(4, ["LEADING_GROUP_OFFICE"], "/1/", "CITY_FEDERATION");
const districtOffice = person(5, ["LEADING_GROUP_OFFICE"], "/1/4/", "DISTRICT_FEDERATION");
const confirmer = person(6, ["CHAIRPERSON_MEETING"], "/1/", "CITY_FEDERATION");
const applicantOfficer = person(100, ["GRASSROOTS_OFFICER", "CADRE"], "/1/4/9/", "GRASSROOTS_UNION");

function code(run: () => unknown): string {
  try {
    run();
    return "ok";
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}
const step = (state: ItemState<TestStage>, command: ChainCommand<TestStage>) => transition(TEST_CHAIN, state, command);

describe("a chain is checked data", () => {
  const base = { key: "x", title: "x", errorPrefix: "x", approvePath: "OK" } as const;
  it("refuses no steps, a stage twice, a deadline below one day and a last step that cannot approve", () => {
    expect(() => defineChain({ ...base, steps: [] })).toThrow(/no steps/);
    const s = { role: "GRASSROOTS_OFFICER", scope: { kind: "own" }, deadlineDays: 3 } as const;
    expect(() => defineChain({ ...base, steps: [{ ...s, stage: "A" }, { ...s, stage: "A" }] })).toThrow(/twice/);
    expect(() => defineChain({ ...base, steps: [{ ...s, stage: "A", deadlineDays: 0 }] })).toThrow(/≥ 1 day/);
    expect(() => defineChain({ ...base, steps: [{ ...s, stage: "A", decisions: ["REJECT"] }] })).toThrow(/cannot APPROVE/);
    expect(() => defineChain({ ...base, steps: [{ ...s, stage: "A", decisions: ["APPROVE"] }, { ...s, stage: "B" }] })).toThrow(/cannot FORWARD/);
  });
  it("has its stages in order and the decisions of each step", () => {
    expect(TEST_CHAIN.stages).toEqual(["UNIT", "DISTRICT", "CITY", "PROVINCE"]);
    expect(decisionsAt(TEST_CHAIN, "UNIT")).toEqual(["FORWARD", "RETURN", "REJECT"]);
    expect(decisionsAt(TEST_CHAIN, "PROVINCE")).toEqual(["APPROVE", "REJECT"]);
  });
});

describe("order enforced", () => {
  it("runs submit → unit → district → city → province confirmation", () => {
    let s: ItemState<TestStage> = step({ status: "DRAFT", stage: null }, { type: "SUBMIT" });
    expect(s).toMatchObject({ status: "IN_REVIEW", stage: "UNIT" });
    for (const stage of ["UNIT", "DISTRICT", "CITY"] as const) s = step(s, { type: "FORWARD", stage });
    expect(s).toMatchObject({ status: "IN_REVIEW", stage: "PROVINCE" });
    expect(step(s, { type: "APPROVE", stage: "PROVINCE", path: "CONFIRMED" })).toMatchObject({ status: "APPROVED", stage: "PROVINCE", final: true });
  });
  it("refuses a step skipped, a step done twice, forwarding past the last and approving before it", () => {
    const atUnit = item("IN_REVIEW", "UNIT");
    expect(code(() => step(atUnit, { type: "FORWARD", stage: "DISTRICT" }))).toBe("testChain.outOfOrder");
    const atDistrict = step(atUnit, { type: "FORWARD", stage: "UNIT" });
    expect(code(() => step(atDistrict, { type: "FORWARD", stage: "UNIT" }))).toBe("testChain.outOfOrder");
    expect(code(() => step(item("IN_REVIEW", "CITY"), { type: "APPROVE", stage: "CITY", path: "CONFIRMED" }))).toBe("testChain.outOfOrder");
    expect(code(() => step(item("IN_REVIEW", "PROVINCE"), { type: "FORWARD", stage: "PROVINCE" }))).toBe("testChain.outOfOrder");
    expect(code(() => step(item("IN_REVIEW", "PROVINCE"), { type: "APPROVE", stage: "PROVINCE", path: "SOMETHING_ELSE" }))).toBe("testChain.outOfOrder");
    expect(code(() => step(item("DRAFT", null), { type: "RESUBMIT" }))).toBe("testChain.outOfOrder");
  });
  it("refuses a return at the confirmation step (it only confirms or refuses)", () => {
    expect(code(() => step(item("IN_REVIEW", "PROVINCE"), { type: "RETURN", stage: "PROVINCE" }))).toBe("testChain.outOfOrder");
    expect(step(item("IN_REVIEW", "PROVINCE"), { type: "REJECT", stage: "PROVINCE" })).toMatchObject({ status: "REJECTED", final: true });
  });
});

describe("return and resubmit, reject", () => {
  it("returns at a step, remembers it and resubmits back to it in a new round", () => {
    const r = step(item("IN_REVIEW", "CITY"), { type: "RETURN", stage: "CITY" });
    expect(r).toMatchObject({ status: "RETURNED", stage: "CITY", action: "RETURN", newRound: true });
    expect(code(() => step(r, { type: "FORWARD", stage: "CITY" }))).toBe("testChain.outOfOrder");
    expect(step(r, { type: "RESUBMIT" })).toMatchObject({ status: "IN_REVIEW", stage: "CITY", action: "RESUBMIT" });
  });
  it("rejects with finality: nothing follows", () => {
    const r = step(item("IN_REVIEW", "DISTRICT"), { type: "REJECT", stage: "DISTRICT" });
    expect(r).toMatchObject({ status: "REJECTED", final: true });
    for (const c of [{ type: "RESUBMIT" }, { type: "WITHDRAW" }, { type: "FORWARD", stage: "DISTRICT" }] as const) expect(code(() => step(r, c))).toBe("testChain.outOfOrder");
  });
});

describe("who may decide", () => {
  it("the step's role in the step's scope: own union, the body it reports to, the city, a named level", () => {
    expect(mayDecide(TEST_CHAIN, unitOfficer, item("IN_REVIEW", "UNIT"))).toBe(true);
    expect(mayDecide(TEST_CHAIN, districtReviewer, item("IN_REVIEW", "UNIT"))).toBe(false);
    expect(mayDecide(TEST_CHAIN, districtReviewer, item("IN_REVIEW", "DISTRICT"))).toBe(true);
    expect(mayDecide(TEST_CHAIN, otherDistrictReviewer, item("IN_REVIEW", "DISTRICT"))).toBe(false);
    expect(mayDecide(TEST_CHAIN, cityOffice, item("IN_REVIEW", "CITY"))).toBe(true);
    expect(mayDecide(TEST_CHAIN, districtOffice, item("IN_REVIEW", "CITY"))).toBe(false);
    expect(mayDecide(TEST_CHAIN, confirmer, item("IN_REVIEW", "PROVINCE"))).toBe(true);
    expect(mayDecide(TEST_CHAIN, { ...confirmer, orgPath: "/1/4/", orgType: "DISTRICT_FEDERATION" }, item("IN_REVIEW", "PROVINCE"))).toBe(false);
    expect(mayDecide(TEST_CHAIN, unitOfficer, item("RETURNED", "UNIT"))).toBe(false);
  });
  it("never the applicant on their own item (self-review refused)", () => {
    expect(mayDecide(TEST_CHAIN, applicantOfficer, item("IN_REVIEW", "UNIT", 100))).toBe(false);
    expect(mayDecide(TEST_CHAIN, applicantOfficer, item("IN_REVIEW", "UNIT", 101))).toBe(true);
    expect(mayFastTrack(ART18_CHAIN, { ...confirmer, id: 100 }, { ...item("IN_REVIEW", null, 100), stage: "OFFICE" })).toBe(false);
  });
  it("finds the reviewers of a step where its scope lies", () => {
    expect(reviewerQuery(TEST_CHAIN, "UNIT", item("IN_REVIEW", "UNIT"))).toEqual({ role: "GRASSROOTS_OFFICER", targetPath: "/1/4/9/", orgType: undefined, excludeUserId: 100 });
    expect(reviewerQuery(TEST_CHAIN, "DISTRICT", item("IN_REVIEW", "DISTRICT"))).toEqual({ role: "DISTRICT_REVIEWER", targetPath: "/1/4/", orgType: undefined, excludeUserId: 100 });
    expect(reviewerQuery(TEST_CHAIN, "CITY", item("IN_REVIEW", "CITY"))).toMatchObject({ role: "LEADING_GROUP_OFFICE", orgType: "CITY_FEDERATION" });
    expect(reviewerQuery(TEST_CHAIN, "PROVINCE", item("IN_REVIEW", "PROVINCE"))).toMatchObject({ role: "CHAIRPERSON_MEETING", orgType: "CITY_FEDERATION" });
  });
  it("names the gate permission of each command", () => {
    expect(permissionKind(TEST_CHAIN, { type: "SUBMIT" })).toBe("edit");
    expect(permissionKind(TEST_CHAIN, { type: "RETURN", stage: "UNIT" })).toBe("decide");
    expect(permissionKind(ART18_CHAIN, { type: "APPROVE", stage: "OFFICE", path: "CHAIRPERSON_MEETING" })).toBe("fastTrack");
    expect(permissionKind(ART18_CHAIN, { type: "APPROVE", stage: "LEADING_GROUP", path: "LEADING_GROUP" })).toBe("decide");
  });
});

describe("delegation: an acting reviewer while the holder is away", () => {
  const away: Delegation = { holder: districtReviewer, actingId: 50, from: new Date("2026-12-01T00:00:00Z"), until: new Date("2026-12-10T00:00:00Z") };
  const acting = person(50, ["CADRE"], "/1/4/9/", "GRASSROOTS_UNION");
  const atDistrict = item("IN_REVIEW", "DISTRICT");
  it("acts as the holder within the dates, both names recorded", () => {
    expect(actingAs(TEST_CHAIN, acting, atDistrict, [away], new Date("2026-12-05T00:00:00Z"))).toEqual({ as: districtReviewer, actorId: 50, onBehalfOfId: 2 });
    expect(actingAs(TEST_CHAIN, acting, atDistrict, [away], new Date("2026-12-10T00:00:00Z"))).not.toBeNull();
  });
  it("not before, not after, not for another chain, not at another step and never on the acting person's own item", () => {
    expect(actingAs(TEST_CHAIN, acting, atDistrict, [away], new Date("2026-11-30T00:00:00Z"))).toBeNull();
    expect(actingAs(TEST_CHAIN, acting, atDistrict, [away], new Date("2026-12-11T00:00:00Z"))).toBeNull();
    expect(actingAs(TEST_CHAIN, acting, atDistrict, [{ ...away, chainKey: "art18" }], new Date("2026-12-05T00:00:00Z"))).toBeNull();
    expect(actingAs(TEST_CHAIN, acting, item("IN_REVIEW", "CITY"), [away], new Date("2026-12-05T00:00:00Z"))).toBeNull();
    expect(actingAs(TEST_CHAIN, acting, item("IN_REVIEW", "DISTRICT", 50), [away], new Date("2026-12-05T00:00:00Z"))).toBeNull();
  });
  it("lets the holder act themself (no one on behalf)", () => {
    expect(actingAs(TEST_CHAIN, districtReviewer, atDistrict, [away], new Date("2026-12-05T00:00:00Z"))).toEqual({ as: districtReviewer, actorId: 2, onBehalfOfId: null });
  });
});

describe("deadlines, queue order and the reminder", () => {
  const entered = new Date("2026-12-01T02:00:00Z");
  const due = stepDueAt(entered, 5);
  it("falls due the step's days later; overdue only in review", () => {
    expect(due.toISOString()).toBe("2026-12-06T02:00:00.000Z");
    expect(isOverdue({ status: "IN_REVIEW", stageDueAt: due }, new Date("2026-12-06T02:00:00Z"))).toBe(false);
    expect(isOverdue({ status: "IN_REVIEW", stageDueAt: due }, new Date("2026-12-06T02:00:01Z"))).toBe(true);
    expect(isOverdue({ status: "RETURNED", stageDueAt: due }, new Date("2027-01-01T00:00:00Z"))).toBe(false);
  });
  it("needs its reminder once: overdue and not yet reminded", () => {
    const later = new Date("2026-12-07T00:00:00Z");
    expect(needsReminder({ status: "IN_REVIEW", stageDueAt: due, stageRemindedAt: null }, later)).toBe(true);
    expect(needsReminder({ status: "IN_REVIEW", stageDueAt: due, stageRemindedAt: later }, later)).toBe(false);
    expect(needsReminder({ status: "IN_REVIEW", stageDueAt: due, stageRemindedAt: null }, entered)).toBe(false);
  });
  it("puts overdue items first, then by due date", () => {
    const now = new Date("2026-12-07T00:00:00Z");
    const rows = [
      { id: 1, status: "IN_REVIEW", stageDueAt: new Date("2026-12-20T00:00:00Z") },
      { id: 2, status: "IN_REVIEW", stageDueAt: new Date("2026-12-05T00:00:00Z") },
      { id: 3, status: "IN_REVIEW", stageDueAt: null },
      { id: 4, status: "IN_REVIEW", stageDueAt: new Date("2026-12-01T00:00:00Z") },
      { id: 5, status: "IN_REVIEW", stageDueAt: new Date("2026-12-10T00:00:00Z") },
    ];
    expect(queueOrder(rows, now).map((r) => r.id)).toEqual([4, 2, 5, 1, 3]);
  });
  it("gives each role the stages it works on", () => {
    expect(queueStages(TEST_CHAIN, ["DISTRICT_REVIEWER"])).toEqual(["DISTRICT"]);
    expect(queueStages(TEST_CHAIN, ["CADRE"])).toEqual([]);
    expect(queueStages(ART18_CHAIN, ["CHAIRPERSON_MEETING"])).toEqual(["GRASSROOTS", "DISTRICT", "OFFICE", "LEADING_GROUP"]);
  });
});

describe("hooks: feature fields a step requires", () => {
  it("names the missing fields (blank counts as missing), only where the step requires them", () => {
    expect(missingFields(TEST_CHAIN, "DISTRICT", "FORWARD", {})).toEqual(["inspectionNote"]);
    expect(missingFields(TEST_CHAIN, "DISTRICT", "FORWARD", { inspectionNote: "  " })).toEqual(["inspectionNote"]);
    expect(missingFields(TEST_CHAIN, "DISTRICT", "FORWARD", { inspectionNote: "已实地检查" })).toEqual([]);
    expect(missingFields(TEST_CHAIN, "DISTRICT", "RETURN", {})).toEqual([]);
    expect(missingFields(TEST_CHAIN, "UNIT", "FORWARD", {})).toEqual([]);
  });
  it("art. 18.2: the district forwards only with findings and the date verified (the one check of form and command)", () => {
    expect(missingFields(ART18_CHAIN, "DISTRICT", "FORWARD", {})).toEqual(["verificationFindings", "verifiedOn"]);
    expect(missingFields(ART18_CHAIN, "DISTRICT", "FORWARD", { verificationFindings: "属实", verifiedOn: new Date() })).toEqual([]);
    expect(missingFields(ART18_CHAIN, "OFFICE", "FORWARD", {})).toEqual([]);
  });
});

describe("the art. 18 chain is written once", () => {
  it("gives the gate its stage roles from the one definition", () => {
    expect(STAGE_ROLE).toEqual(Object.fromEntries(ART18_CHAIN.steps.map((s) => [s.stage, s.role])));
    expect(ART18_CHAIN.steps.map((s) => s.scope.kind)).toEqual(["own", "reporting", "city", "city"]);
  });
  it("has no second copy of the stage list or the stage roles in the sources", () => {
    const ROOT = path.resolve(__dirname, "..", "..");
    const grep = (dir: string): string[] =>
      fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
        const rel = `${dir}/${e.name}`;
        if (e.isDirectory()) return e.name === "generated" ? [] : grep(rel);
        if (!/\.(ts|tsx)$/.test(e.name)) return [];
        const src = fs.readFileSync(path.join(ROOT, rel), "utf8");
        return /\[\s*"GRASSROOTS",\s*"DISTRICT",\s*"OFFICE",\s*"LEADING_GROUP"\s*\]|GRASSROOTS:\s*"GRASSROOTS_OFFICER"|CITY_STAGES/.test(src) ? [rel] : [];
      });
    expect([...grep("lib"), ...grep("app"), ...grep("components")]).toEqual([]);
  });
});

describe("lib/approval imports no feature", () => {
  it("imports only engines and shared modules", () => {
    const dir = path.resolve(__dirname, "..", "..", "lib", "approval");
    const specs = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .flatMap((f) => [...fs.readFileSync(path.join(dir, f), "utf8").matchAll(/from\s+["']([^"']+)["']/g)].map((m) => m[1]!));
    expect(specs.length).toBeGreaterThan(5);
    const allowed = /^(\.\/|@\/lib\/(db|errors|dates|audit\/(writer|vocabulary)|authz\/subtree|org\/tree|notifications\/service|generated\/prisma\/(enums|client))$)/;
    expect(specs.filter((s) => !allowed.test(s))).toEqual([]);
  });
});

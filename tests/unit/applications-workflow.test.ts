/** The art. 18 review chain as a state machine: steps in order, none skipped or repeated. */
import { describe, expect, it } from "vitest";
import { reviewCommandsAt, transition, type ApplicationState, type Command } from "@/lib/applications/workflow";
import { applicationOverdue, stageDueAt } from "@/lib/applications/deadlines";
import { applicationNumber } from "@/lib/applications/numbering";
import { DomainError } from "@/lib/errors";
import { ApplicationStage } from "@/lib/generated/prisma/enums";

const at = (stage: ApplicationStage | null, status: ApplicationState["status"] = "IN_REVIEW"): ApplicationState => ({ status, stage });
const refused = (state: ApplicationState, command: Command) => {
  try {
    transition(state, command);
  } catch (e) {
    return e instanceof DomainError && e.code === "application.outOfOrder" && e.status === 409;
  }
  return false;
};

describe("the chain in order (art. 18.1 → 18.3)", () => {
  it("walks draft → grassroots → district → office → leading group → approved", () => {
    let s: ApplicationState = at(null, "DRAFT");
    const steps: Command[] = [
      { type: "SUBMIT" },
      { type: "FORWARD", stage: "GRASSROOTS" },
      { type: "FORWARD", stage: "DISTRICT" },
      { type: "FORWARD", stage: "OFFICE" },
      { type: "APPROVE", stage: "LEADING_GROUP", path: "LEADING_GROUP" },
    ];
    const seen: string[] = [];
    for (const c of steps) {
      const t = transition(s, c);
      s = { status: t.status, stage: t.stage };
      seen.push(`${t.action}:${t.status}@${t.stage}`);
    }
    expect(seen).toEqual([
      "SUBMIT:IN_REVIEW@GRASSROOTS",
      "FORWARD:IN_REVIEW@DISTRICT",
      "FORWARD:IN_REVIEW@OFFICE",
      "FORWARD:IN_REVIEW@LEADING_GROUP",
      "APPROVE:APPROVED@LEADING_GROUP",
    ]);
  });
  it("refuses a step of a stage the application is not at (no skipping, no repeating)", () => {
    expect(refused(at("GRASSROOTS"), { type: "FORWARD", stage: "DISTRICT" })).toBe(true);
    expect(refused(at("DISTRICT"), { type: "FORWARD", stage: "GRASSROOTS" })).toBe(true);
    expect(refused(at("OFFICE"), { type: "APPROVE", stage: "LEADING_GROUP", path: "LEADING_GROUP" })).toBe(true);
    expect(refused(at("GRASSROOTS", "DRAFT"), { type: "FORWARD", stage: "GRASSROOTS" })).toBe(true);
    expect(refused(at("GRASSROOTS"), { type: "SUBMIT" })).toBe(true);
  });
  it("refuses the leading group's approval before the office has reported, and forwarding past the leading group", () => {
    expect(refused(at("OFFICE"), { type: "APPROVE", stage: "OFFICE", path: "LEADING_GROUP" })).toBe(true);
    expect(refused(at("LEADING_GROUP"), { type: "FORWARD", stage: "LEADING_GROUP" })).toBe(true);
  });
  it("refuses everything once decided", () => {
    for (const status of ["APPROVED", "REJECTED", "WITHDRAWN"] as const) {
      expect(refused(at("LEADING_GROUP", status), { type: "APPROVE", stage: "LEADING_GROUP", path: "LEADING_GROUP" })).toBe(true);
      expect(refused(at("LEADING_GROUP", status), { type: "REJECT", stage: "LEADING_GROUP" })).toBe(true);
      expect(refused(at("LEADING_GROUP", status), { type: "RESUBMIT" })).toBe(true);
      expect(refused(at("LEADING_GROUP", status), { type: "WITHDRAW" })).toBe(true);
    }
  });
});

describe("return for more material, reject, withdraw", () => {
  it("returns at any stage, remembers it and resubmits back to it in a new round", () => {
    for (const stage of Object.values(ApplicationStage)) {
      const r = transition(at(stage), { type: "RETURN", stage });
      expect(r).toMatchObject({ status: "RETURNED", stage, action: "RETURN", newRound: true });
      expect(transition({ status: r.status, stage: r.stage }, { type: "RESUBMIT" })).toMatchObject({ status: "IN_REVIEW", stage, action: "RESUBMIT" });
      expect(refused({ status: r.status, stage: r.stage }, { type: "FORWARD", stage })).toBe(true);
    }
  });
  it("rejects at any stage (final)", () => {
    for (const stage of Object.values(ApplicationStage)) expect(transition(at(stage), { type: "REJECT", stage })).toMatchObject({ status: "REJECTED", final: true });
  });
  it("lets the applicant withdraw a draft or a returned application only", () => {
    expect(transition(at(null, "DRAFT"), { type: "WITHDRAW" }).status).toBe("WITHDRAWN");
    expect(transition(at("DISTRICT", "RETURNED"), { type: "WITHDRAW" }).status).toBe("WITHDRAWN");
    expect(refused(at("DISTRICT"), { type: "WITHDRAW" })).toBe(true);
  });
});

describe("18.3 chairperson's office meeting fast track", () => {
  it("approves directly from every review stage, recorded as CHAIRPERSON_MEETING", () => {
    for (const stage of Object.values(ApplicationStage)) {
      expect(transition(at(stage), { type: "APPROVE", stage, path: "CHAIRPERSON_MEETING" })).toMatchObject({ status: "APPROVED", stage, action: "APPROVE" });
    }
  });
  it("does not approve a returned or draft application, nor a finished one", () => {
    expect(refused(at("OFFICE", "RETURNED"), { type: "APPROVE", stage: "OFFICE", path: "CHAIRPERSON_MEETING" })).toBe(true);
    for (const stage of Object.values(ApplicationStage)) {
      // a draft has no stage yet: whichever stage the meeting names, it is out of order
      expect(refused(at(null, "DRAFT"), { type: "APPROVE", stage, path: "CHAIRPERSON_MEETING" })).toBe(true);
    }
    expect(refused(at("DISTRICT", "APPROVED"), { type: "APPROVE", stage: "DISTRICT", path: "CHAIRPERSON_MEETING" })).toBe(true);
    expect(refused(at("DISTRICT", "REJECTED"), { type: "APPROVE", stage: "DISTRICT", path: "CHAIRPERSON_MEETING" })).toBe(true);
  });
  it("does not let the meeting approve at a stage other than the current one", () => {
    expect(refused(at("GRASSROOTS"), { type: "APPROVE", stage: "OFFICE", path: "CHAIRPERSON_MEETING" })).toBe(true);
  });
});

describe("panel commands, deadlines and numbers", () => {
  it("offers approve only at the leading group and forward elsewhere", () => {
    expect(reviewCommandsAt("GRASSROOTS")).toEqual(["FORWARD", "RETURN", "REJECT"]);
    expect(reviewCommandsAt("LEADING_GROUP")).toEqual(["APPROVE", "RETURN", "REJECT"]);
  });
  it("computes the stage deadline and overdue only in review", () => {
    const entered = new Date("2026-11-01T02:00:00Z");
    const due = stageDueAt(entered, 7);
    expect(due.toISOString()).toBe("2026-11-08T02:00:00.000Z");
    expect(applicationOverdue({ status: "IN_REVIEW", stageDueAt: due }, new Date("2026-11-08T02:00:01Z"))).toBe(true);
    expect(applicationOverdue({ status: "IN_REVIEW", stageDueAt: due }, new Date("2026-11-08T02:00:00Z"))).toBe(false);
    expect(applicationOverdue({ status: "RETURNED", stageDueAt: due }, new Date("2027-01-01T00:00:00Z"))).toBe(false);
  });
  it("numbers applications by year and id", () => {
    expect(applicationNumber(2026, 42)).toBe("DLQB-2026-000042");
  });
});

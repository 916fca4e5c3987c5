"use server";

import QRCode from "qrcode";
import { headers } from "next/headers";
import { z } from "zod";
import { Ownership, UnitNature, VitalityBallotItem, VitalityBallotKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { zYuan } from "@/lib/money";
import { organizationResource } from "@/lib/org/service";
import { defineAction } from "@/lib/server/action";
import { zArray, zCheckbox, zDate, zId, zInt, zOptionalInt, zOptionalText, zText } from "@/lib/validation";
import { recordAdmonitionTalk, recordChairpersonAdjustment } from "@/lib/vitality/consequences";
import { publishPlan, recordReportReceipt, saveDualReport, savePlan, type PlanItemInput } from "@/lib/vitality/plans";
import { closeBallot, createBallot, enterPaperTotals, issueCodes, openBallot, rerunBallot } from "@/lib/vitality/ballots";
import { ballotResource, enrolmentResource } from "@/lib/vitality/queries";
import { enrolUnit, recordHigherEvaluation } from "@/lib/vitality/units";

const zRate = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, "validation.invalid");

/** 三: the upper union enrols a unit of its subtree for a year with its project profile. */
export const enrolAction = defineAction({
  schema: z.object({
    organizationId: zId,
    year: zInt(2014, 2100),
    unitNature: z.enum(UnitNature),
    ownership: z.preprocess((v) => (v === "" ? undefined : v), z.enum(Ownership).optional()),
    staffCount: zInt(0, 1_000_000),
    memberCount: zInt(0, 1_000_000),
    chairpersonName: zText(60),
    partyOrganisation: zText(120),
    enterpriseManaged: zCheckbox,
    industryUnion: zCheckbox,
    extendTo50: zCheckbox,
  }),
  permission: "vitality.enrol",
  resource: (input) => organizationResource(input.organizationId),
  run: ({ input, ctx }) => enrolUnit(ctx, { ...input, ownership: input.ownership ?? null }),
  successMessage: "vitality.enrol.done",
  revalidate: () => ["/vitality"],
});

/** 四.2: a members' ballot (online codes or paper totals) for an enrolled unit. */
export const createBallotAction = defineAction({
  schema: z.object({
    enrolmentId: zId,
    kind: z.enum(VitalityBallotKind),
    meetingName: zText(120),
    meetingDate: zDate,
    due: zInt(1, 100_000),
    items: zArray(z.enum(VitalityBallotItem)),
  }),
  permission: "vitality.ballot",
  resource: (input) => enrolmentResource(input.enrolmentId),
  run: ({ input, ctx }) => createBallot(ctx, { ...input, items: ["COMMITTEE", ...input.items] }),
  redirectTo: (_input, ballot) => `/vitality/ballots/${ballot.id}`,
});

const zBallot = z.object({ ballotId: zId });

/** Open voting (四.2): the number due is frozen. */
export const openBallotAction = defineAction({
  schema: zBallot,
  permission: "vitality.ballot",
  resource: (input) => ballotResource(input.ballotId),
  run: ({ input, ctx }) => openBallot(ctx, input.ballotId),
  successMessage: "vitality.ballot.opened",
  revalidate: (input) => [`/vitality/ballots/${input.ballotId}`],
});

/** The slip sheet: new one-time codes with their QR codes, shown once (only hashes are kept). */
export const issueCodesAction = defineAction({
  schema: z.object({ ballotId: zId, count: zInt(1, 100_100) }),
  permission: "vitality.ballot",
  resource: (input) => ballotResource(input.ballotId),
  run: async ({ input, ctx }) => {
    const ballot = await db().vitalityBallot.findUniqueOrThrow({ where: { id: input.ballotId }, select: { publicKey: true } });
    const codes = await issueCodes(ctx, input.ballotId, input.count);
    const h = await headers();
    const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`;
    return Promise.all(
      codes.map(async (code) => {
        const url = `${origin}/ballot/${ballot.publicKey}?c=${encodeURIComponent(code)}`;
        return { code, svg: await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 1 }) };
      }),
    );
  },
});

/** Close and tally (四.2 validity ⌈2/3 × due⌉), with the slips handed out and returned. */
export const closeBallotAction = defineAction({
  schema: z.object({ ballotId: zId, slipsHandedOut: zOptionalInt(0, 200_000), slipsReturned: zOptionalInt(0, 200_000), present: zOptionalInt(0, 200_000) }),
  permission: "vitality.ballot",
  resource: (input) => ballotResource(input.ballotId),
  run: ({ input, ctx }) => closeBallot(ctx, input.ballotId, input),
  successMessage: "vitality.ballot.closedDone",
  revalidate: (input) => [`/vitality/ballots/${input.ballotId}`],
});

/** Paper ballots: totals per item confirmed by 计票人 and 监票人 (四.2). Fields s0/b0/d0, s1/b1/d1 … */
export const paperTotalsAction = defineAction({
  schema: z
    .object({ ballotId: zId, tellerName: zText(60), scrutineerName: zText(60), slipsHandedOut: zOptionalInt(0, 200_000), present: zOptionalInt(0, 200_000), items: zInt(1, 5) })
    .catchall(z.unknown()),
  permission: "vitality.ballot",
  resource: (input) => ballotResource(input.ballotId),
  run: ({ input, ctx }) => {
    const n = (v: unknown) => (typeof v === "string" && /^\d{1,6}$/.test(v.trim()) ? Number(v) : -1);
    const tally = Array.from({ length: input.items }, (_, i) => [n(input[`s${i}`]), n(input[`b${i}`]), n(input[`d${i}`])] as [number, number, number]);
    return enterPaperTotals(ctx, input.ballotId, { tally, tellerName: input.tellerName, scrutineerName: input.scrutineerName, slipsHandedOut: input.slipsHandedOut, present: input.present });
  },
  successMessage: "vitality.ballot.closedDone",
  revalidate: (input) => [`/vitality/ballots/${input.ballotId}`],
});

/** Rerun an invalid ballot. */
export const rerunBallotAction = defineAction({
  schema: z.object({ ballotId: zId, meetingDate: zDate }),
  permission: "vitality.ballot",
  resource: (input) => ballotResource(input.ballotId),
  run: ({ input, ctx }) => rerunBallot(ctx, input.ballotId, input.meetingDate),
  redirectTo: (_input, ballot) => `/vitality/ballots/${ballot.id}`,
});

/** 四.2 上级组织的工作评价, entered by the upper union with the party organisation. */
export const higherEvaluationAction = defineAction({
  schema: z.object({ enrolmentId: zId, scorePercent: zRate, partyOrganisation: zText(120), evaluatedOn: zDate }),
  permission: "vitality.evaluate",
  resource: (input) => enrolmentResource(input.enrolmentId),
  run: ({ input, ctx }) => recordHigherEvaluation(ctx, input.enrolmentId, input),
  successMessage: "vitality.evaluation.saved",
  revalidate: (input) => [`/vitality/${input.enrolmentId}`],
});

/** Plan rows of the form: the basic systems of 四.1 (by name) and up to three self-chosen "x" items (x0…x2). */
const PLAN_ROWS = ["ORGANISATION", "COLLECTIVE_CONSULTATION", "DEMOCRATIC_MANAGEMENT", "x0", "x1", "x2"] as const;
const planFields = Object.fromEntries(
  PLAN_ROWS.flatMap((row) => [
    [`title_${row}`, zOptionalText(120)],
    [`status_${row}`, zOptionalText(1000)],
    [`goal_${row}`, zOptionalText(1000)],
    [`measures_${row}`, zOptionalText(2000)],
    [`timeFrame_${row}`, zOptionalText(120)],
  ]),
) as Record<string, ReturnType<typeof zOptionalText>>;

/**
 * 四.1: record the yearly "3+x" / "2+x" plan — each basic system of the unit's model with its status and goal,
 * and the "x" items. A basic system's goal and an "x" item's goal (when it has a title) are required next to the field.
 */
export const savePlanAction = defineAction({
  schema: z
    .object({ enrolmentId: zId, systems: zArray(z.enum(["ORGANISATION", "COLLECTIVE_CONSULTATION", "DEMOCRATIC_MANAGEMENT"])), ...planFields })
    .superRefine((v, ctx) => {
      const get = (k: string) => (v as unknown as Record<string, string | undefined>)[k];
      for (const row of v.systems) {
        if (!get(`title_${row}`)) ctx.addIssue({ code: "custom", path: [`title_${row}`], message: "validation.required" });
        if (!get(`goal_${row}`)) ctx.addIssue({ code: "custom", path: [`goal_${row}`], message: "validation.required" });
      }
      for (const row of ["x0", "x1", "x2"]) {
        const used = ["title", "status", "goal", "measures", "timeFrame"].some((f) => get(`${f}_${row}`));
        if (used && !get(`title_${row}`)) ctx.addIssue({ code: "custom", path: [`title_${row}`], message: "validation.required" });
        if (used && !get(`goal_${row}`)) ctx.addIssue({ code: "custom", path: [`goal_${row}`], message: "validation.required" });
      }
    }),
  permission: "vitality.plan",
  resource: (input) => enrolmentResource(input.enrolmentId),
  run: ({ input, ctx }) => {
    const get = (k: string) => (input as unknown as Record<string, string | undefined>)[k];
    const items: PlanItemInput[] = [];
    for (const row of PLAN_ROWS) {
      const isX = row.startsWith("x");
      if (isX ? !get(`title_${row}`) : !input.systems.includes(row as (typeof input.systems)[number])) continue;
      items.push({
        kind: isX ? "CUSTOM" : (row as PlanItemInput["kind"]),
        title: get(`title_${row}`) ?? "",
        status: get(`status_${row}`) ?? null,
        goal: get(`goal_${row}`) ?? "",
        measures: get(`measures_${row}`) ?? null,
        timeFrame: get(`timeFrame_${row}`) ?? null,
      });
    }
    return savePlan(ctx, input.enrolmentId, items);
  },
  successMessage: "vitality.plan.saved",
  revalidate: (input) => [`/vitality/${input.enrolmentId}/plan`],
});

/** 四.1 年度工作内容和计划要向会员（代表）通报: date and how; gives the plan its members' link. */
export const publishPlanAction = defineAction({
  schema: z.object({ enrolmentId: zId, publishedOn: zDate, announcedHow: zText(200) }),
  permission: "vitality.plan",
  resource: (input) => enrolmentResource(input.enrolmentId),
  run: ({ input, ctx }) => publishPlan(ctx, input.enrolmentId, input),
  successMessage: "vitality.plan.publishedDone",
  revalidate: (input) => [`/vitality/${input.enrolmentId}/plan`, `/vitality/${input.enrolmentId}`],
});

/** 四.2 双述: the chairperson's written report (3+x results, 工会经费收管用, own duties). */
export const saveDualReportAction = defineAction({
  schema: z.object({ enrolmentId: zId, programmeResults: zText(4000), fundsCollected: zYuan, fundsManaged: zYuan, fundsUsed: zYuan, dutiesPerformance: zText(4000) }),
  permission: "vitality.report",
  resource: (input) => enrolmentResource(input.enrolmentId),
  run: ({ input, ctx }) => saveDualReport(ctx, input.enrolmentId, input),
  successMessage: "vitality.report.saved",
  revalidate: (input) => [`/vitality/${input.enrolmentId}/report`],
});

/** 四.2: a receipt of the report — by the members' (representatives') congress, or by the higher organisations. */
export const reportReceiptAction = defineAction({
  schema: z.object({ enrolmentId: zId, which: z.enum(["CONGRESS", "HIGHER"]), receivedOn: zDate }),
  permission: "vitality.report",
  resource: (input) => enrolmentResource(input.enrolmentId),
  run: ({ input, ctx }) => recordReportReceipt(ctx, input.enrolmentId, input.which, input.receivedOn),
  successMessage: "vitality.report.receiptSaved",
  revalidate: (input) => [`/vitality/${input.enrolmentId}/report`, `/vitality/${input.enrolmentId}`],
});

/** 四.2 诫勉谈话 (only when the members' dissatisfaction exceeded 50%; the service refuses otherwise). */
export const admonitionTalkAction = defineAction({
  schema: z.object({ enrolmentId: zId, heldOn: zDate, participants: zText(300), rectificationDeadline: zDate }).refine((v) => v.rectificationDeadline >= v.heldOn, {
    path: ["rectificationDeadline"],
    message: "validation.deadlineBeforeTalk",
  }),
  permission: "vitality.evaluate",
  resource: (input) => enrolmentResource(input.enrolmentId),
  run: ({ input, ctx }) => recordAdmonitionTalk(ctx, input.enrolmentId, input),
  successMessage: "vitality.talk.saved",
  revalidate: (input) => [`/vitality/${input.enrolmentId}`],
});

/** 四.2 连续两次不满意率超过50%: the decision adjusting the chairperson (only when due). */
export const chairpersonAdjustmentAction = defineAction({
  schema: z.object({ enrolmentId: zId, decidedOn: zDate, decision: zText(500) }),
  permission: "vitality.evaluate",
  resource: (input) => enrolmentResource(input.enrolmentId),
  run: ({ input, ctx }) => recordChairpersonAdjustment(ctx, input.enrolmentId, input),
  successMessage: "vitality.adjustment.saved",
  revalidate: (input) => [`/vitality/${input.enrolmentId}`],
});

"use server";

import QRCode from "qrcode";
import { headers } from "next/headers";
import { z } from "zod";
import { Ownership, UnitNature, VitalityBallotItem, VitalityBallotKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { organizationResource } from "@/lib/org/service";
import { defineAction } from "@/lib/server/action";
import { zArray, zCheckbox, zDate, zId, zInt, zOptionalInt, zText } from "@/lib/validation";
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

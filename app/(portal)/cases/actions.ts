"use server";

/**
 * Server actions of the cases feature: thin — zod parse → gate → service
 * (lib/cases). Every export is built with defineAction.
 */
import { z } from "zod";
import { applicationEditSchema, applicationFormSchema, zVersion } from "@/lib/cases/application-form";
import { createDraft, updateApplication } from "@/lib/cases/applications";
import { removeEvidence, storeEvidence, attachmentCaseId } from "@/lib/cases/attachments";
import { runCaseCommand } from "@/lib/cases/commands";
import { newMeasureSchema } from "@/lib/cases/measures";
import { addMeasure, closeMeasure, measureCaseId } from "@/lib/cases/measure-service";
import { recordReemployment } from "@/lib/cases/payables";
import { caseResource } from "@/lib/cases/resource";
import { db } from "@/lib/db";
import { CaseStage } from "@/lib/generated/prisma/enums";
import { zOptionalYuan } from "@/lib/money";
import { defineAction } from "@/lib/server/action";
import { zDate, zId, zOptionalDate, zOptionalInt, zOptionalText, zText } from "@/lib/validation";

const caseRef = { caseId: zId, version: zVersion };
const casePaths = (id: number) => [`/cases/${id}`, "/cases", "/cases/queue"];

export const createCaseAction = defineAction({
  schema: applicationFormSchema,
  permission: "case.create",
  resource: (_input, actor) => ({ type: "organization", id: actor.organizationId, path: actor.orgPath }),
  run: ({ input, ctx }) => createDraft(ctx, input),
  redirectTo: (_input, result) => `/cases/${result.id}`,
});

export const updateCaseAction = defineAction({
  schema: applicationEditSchema,
  permission: "case.edit",
  resource: (input) => caseResource(input.caseId),
  run: ({ input, ctx }) => {
    const { caseId, version, ...form } = input;
    return updateApplication(ctx, caseId, version, form);
  },
  revalidate: (input) => casePaths(input.caseId),
  redirectTo: (input) => `/cases/${input.caseId}`,
});

export const submitCaseAction = defineAction({
  schema: z.object(caseRef),
  permission: "case.edit",
  resource: (input) => caseResource(input.caseId),
  run: ({ input, ctx }) => runCaseCommand(ctx, { ...input, command: { type: "SUBMIT" } }),
  successMessage: "cases.actions.submitted",
  revalidate: (input) => casePaths(input.caseId),
});

export const resubmitCaseAction = defineAction({
  schema: z.object({ ...caseRef, note: zOptionalText(2000) }),
  permission: "case.edit",
  resource: (input) => caseResource(input.caseId),
  run: ({ input, ctx }) => runCaseCommand(ctx, { caseId: input.caseId, version: input.version, command: { type: "RESUBMIT" }, opinion: input.note }),
  successMessage: "cases.actions.resubmitted",
  revalidate: (input) => casePaths(input.caseId),
});

export const withdrawCaseAction = defineAction({
  schema: z.object({ ...caseRef, reason: zText(2000) }),
  permission: "case.edit",
  resource: (input) => caseResource(input.caseId),
  run: ({ input, ctx }) => runCaseCommand(ctx, { caseId: input.caseId, version: input.version, command: { type: "WITHDRAW" }, opinion: input.reason }),
  successMessage: "cases.actions.withdrawn",
  revalidate: (input) => casePaths(input.caseId),
});

/** Quantity fields of an opinion: yuan (art. 15/16) or months (art. 17). */
const quantity = { amount: zOptionalYuan, months: zOptionalInt(1, 99) };

export const reviewCaseAction = defineAction({
  schema: z
    .object({
      ...caseRef,
      stage: z.enum(CaseStage),
      decision: z.enum(["FORWARD", "RETURN", "REJECT", "APPROVE"]),
      opinion: zText(4000),
      verificationFindings: zOptionalText(4000),
      verifiedOn: zOptionalDate,
      ...quantity,
    })
    .superRefine((v, ctx) => {
      // 18.2: the district records what it verified and when, before reporting on.
      if (v.decision === "FORWARD" && v.stage === "DISTRICT") {
        if (!v.verificationFindings) ctx.addIssue({ code: "custom", path: ["verificationFindings"], message: "validation.required" });
        if (!v.verifiedOn) ctx.addIssue({ code: "custom", path: ["verifiedOn"], message: "validation.required" });
      }
    }),
  permission: "case.review",
  resource: (input) => caseResource(input.caseId),
  run: ({ input, ctx }) =>
    runCaseCommand(ctx, {
      caseId: input.caseId,
      version: input.version,
      command: input.decision === "APPROVE" ? { type: "APPROVE", stage: input.stage, path: "LEADING_GROUP" } : { type: input.decision, stage: input.stage },
      opinion: input.opinion,
      amount: input.amount,
      months: input.months,
      verificationFindings: input.verificationFindings,
      verifiedOn: input.verifiedOn,
    }),
  successMessage: "cases.actions.reviewed",
  revalidate: (input) => casePaths(input.caseId),
});

export const fastTrackAction = defineAction({
  schema: z.object({ ...caseRef, stage: z.enum(CaseStage), opinion: zText(4000), ...quantity }),
  permission: "case.fastTrack",
  resource: (input) => caseResource(input.caseId),
  run: ({ input, ctx }) =>
    runCaseCommand(ctx, {
      caseId: input.caseId,
      version: input.version,
      command: { type: "APPROVE", stage: input.stage, path: "CHAIRPERSON_MEETING" },
      opinion: input.opinion,
      amount: input.amount,
      months: input.months,
    }),
  successMessage: "cases.actions.fastTracked",
  revalidate: (input) => casePaths(input.caseId),
});

export const addMeasureAction = defineAction({
  schema: newMeasureSchema,
  permission: "case.measure",
  resource: (input) => caseResource(input.caseId),
  run: ({ input, ctx }) => addMeasure(ctx, input),
  successMessage: "cases.measures.added",
  revalidate: (input) => [`/cases/${input.caseId}`],
});

export const closeMeasureAction = defineAction({
  schema: z.object({ measureId: zId, version: zVersion, status: z.enum(["DONE", "CANCELLED"]), completedOn: zDate, outcome: zText(2000) }),
  permission: "case.measure",
  resource: async (input) => caseResource(await measureCaseId(db(), input.measureId)),
  run: ({ input, ctx }) => closeMeasure(ctx, input),
  successMessage: "cases.measures.closed",
  revalidate: (_input, result) => [`/cases/${result.applicationId}`],
});

export const recordReemploymentAction = defineAction({
  schema: z.object({ ...caseRef, reemployedOn: zDate }),
  permission: "case.recordReemployment",
  resource: (input) => caseResource(input.caseId),
  run: ({ input, ctx }) => recordReemployment(ctx, input),
  // Art. 17: paid instalments that are no longer due are never touched, but said so (and flagged under 应付款项).
  successMessage: (result) => (result.overpaid.length > 0 ? "cases.payables.reemploymentRecordedOverpaid" : "cases.payables.reemploymentRecorded"),
  revalidate: (input) => [`/cases/${input.caseId}`],
});

const evidenceSchema = z.object({ caseId: zId, file: z.file() });

export const uploadEvidenceAction = defineAction({
  schema: evidenceSchema,
  permission: "case.edit",
  resource: (input) => caseResource(input.caseId),
  run: ({ input, ctx }) => storeEvidence(ctx, { ...input, permission: "case.edit" }),
  successMessage: "cases.attachments.uploaded",
  revalidate: (input) => [`/cases/${input.caseId}`],
});

export const uploadReviewEvidenceAction = defineAction({
  schema: evidenceSchema,
  permission: "case.review",
  resource: (input) => caseResource(input.caseId),
  run: ({ input, ctx }) => storeEvidence(ctx, { ...input, permission: "case.review" }),
  successMessage: "cases.attachments.uploaded",
  revalidate: (input) => [`/cases/${input.caseId}`],
});

export const removeEvidenceAction = defineAction({
  schema: z.object({ attachmentId: z.uuid() }),
  permission: "case.edit",
  resource: async (input) => caseResource(await attachmentCaseId(input.attachmentId)),
  run: ({ input, ctx }) => removeEvidence(ctx, input.attachmentId),
  successMessage: "cases.attachments.removed",
  revalidate: (_input, result) => [`/cases/${result.applicationId}`],
});

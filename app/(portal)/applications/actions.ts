"use server";

/**
 * Server actions of the applications feature: thin — zod parse → gate → service
 * (lib/applications). Every export is built with defineAction.
 */
import { applicationEditSchema, applicationFormSchema } from "@/lib/applications/application-form";
import { createDraft, updateApplication } from "@/lib/applications/drafts";
import { removeEvidence, storeEvidence, attachmentApplicationId } from "@/lib/applications/attachments";
import { runApplicationCommand } from "@/lib/applications/commands";
import { newMeasureSchema } from "@/lib/applications/measures";
import { addMeasure, closeMeasure, measureApplicationId } from "@/lib/applications/measure-service";
import { recordReemployment } from "@/lib/applications/payables";
import { applicationResource } from "@/lib/applications/resource";
import { db } from "@/lib/db";
import { defineAction } from "@/lib/server/action";
import {
  closeMeasureSchema,
  evidenceSchema,
  fastTrackSchema,
  reemploymentSchema,
  removeEvidenceSchema,
  resubmitApplicationSchema,
  reviewApplicationSchema,
  submitApplicationSchema,
  withdrawApplicationSchema,
} from "@/lib/applications/review-form";

/** Rules of 第十五至十七条 about the amount or the months land next to that field. */
const quantityErrorFields = (amount: string, months: string): Record<string, string> => ({
  "application.amountRequired": amount,
  "application.amountNotPositive": amount,
  "application.amountOutOfRange15": amount,
  "application.amountOverMax16": amount,
  "application.monthsRequired": months,
  "application.monthsOutOfRange": months,
});
const applicationPaths = (id: number) => [`/applications/${id}`, "/applications", "/applications/queue"];

export const createApplicationAction = defineAction({
  schema: applicationFormSchema,
  permission: "application.create",
  resource: (_input, actor) => ({ type: "organization", id: actor.organizationId, path: actor.orgPath }),
  errorFields: quantityErrorFields("requestedAmount", "requestedMonths"),
  run: ({ input, ctx }) => createDraft(ctx, input),
  redirectTo: (_input, result) => `/applications/${result.id}`,
});

export const updateApplicationAction = defineAction({
  schema: applicationEditSchema,
  permission: "application.edit",
  resource: (input) => applicationResource(input.applicationId),
  errorFields: quantityErrorFields("requestedAmount", "requestedMonths"),
  run: ({ input, ctx }) => {
    const { applicationId, version, ...form } = input;
    return updateApplication(ctx, applicationId, version, form);
  },
  revalidate: (input) => applicationPaths(input.applicationId),
  redirectTo: (input) => `/applications/${input.applicationId}`,
});

export const submitApplicationAction = defineAction({
  schema: submitApplicationSchema,
  permission: "application.edit",
  resource: (input) => applicationResource(input.applicationId),
  run: ({ input, ctx }) => runApplicationCommand(ctx, { ...input, command: { type: "SUBMIT" } }),
  successMessage: "applications.actions.submitted",
  flash: true,
  revalidate: (input) => applicationPaths(input.applicationId),
});

export const resubmitApplicationAction = defineAction({
  schema: resubmitApplicationSchema,
  permission: "application.edit",
  resource: (input) => applicationResource(input.applicationId),
  run: ({ input, ctx }) => runApplicationCommand(ctx, { applicationId: input.applicationId, version: input.version, command: { type: "RESUBMIT" }, opinion: input.note }),
  successMessage: "applications.actions.resubmitted",
  flash: true,
  revalidate: (input) => applicationPaths(input.applicationId),
});

export const withdrawApplicationAction = defineAction({
  schema: withdrawApplicationSchema,
  permission: "application.edit",
  resource: (input) => applicationResource(input.applicationId),
  run: ({ input, ctx }) => runApplicationCommand(ctx, { applicationId: input.applicationId, version: input.version, command: { type: "WITHDRAW" }, opinion: input.reason }),
  successMessage: "applications.actions.withdrawn",
  flash: true,
  revalidate: (input) => applicationPaths(input.applicationId),
});

export const reviewApplicationAction = defineAction({
  schema: reviewApplicationSchema,
  permission: "application.review",
  resource: (input) => applicationResource(input.applicationId),
  errorFields: quantityErrorFields("amount", "months"),
  run: ({ input, ctx }) =>
    runApplicationCommand(ctx, {
      applicationId: input.applicationId,
      version: input.version,
      command: input.decision === "APPROVE" ? { type: "APPROVE", stage: input.stage, path: "LEADING_GROUP" } : { type: input.decision, stage: input.stage },
      opinion: input.opinion,
      amount: input.amount,
      months: input.months,
      verificationFindings: input.verificationFindings,
      verifiedOn: input.verifiedOn,
    }),
  // What happened, in the words of the step (上报 / 退回 / 不予批准 / 批准).
  successMessage: (_result, input) => `applications.actions.reviewedAs.${input.decision}`,
  flash: true,
  revalidate: (input) => applicationPaths(input.applicationId),
});

export const fastTrackAction = defineAction({
  schema: fastTrackSchema,
  permission: "application.fastTrack",
  resource: (input) => applicationResource(input.applicationId),
  errorFields: quantityErrorFields("amount", "months"),
  run: ({ input, ctx }) =>
    runApplicationCommand(ctx, {
      applicationId: input.applicationId,
      version: input.version,
      command: { type: "APPROVE", stage: input.stage, path: "CHAIRPERSON_MEETING" },
      opinion: input.opinion,
      amount: input.amount,
      months: input.months,
    }),
  successMessage: "applications.actions.fastTracked",
  flash: true,
  revalidate: (input) => applicationPaths(input.applicationId),
});

export const addMeasureAction = defineAction({
  schema: newMeasureSchema,
  permission: "application.measure",
  resource: (input) => applicationResource(input.applicationId),
  run: ({ input, ctx }) => addMeasure(ctx, input),
  successMessage: "applications.measures.added",
  revalidate: (input) => [`/applications/${input.applicationId}`],
});

export const closeMeasureAction = defineAction({
  schema: closeMeasureSchema,
  permission: "application.measure",
  resource: async (input) => applicationResource(await measureApplicationId(db(), input.measureId)),
  run: ({ input, ctx }) => closeMeasure(ctx, input),
  successMessage: "applications.measures.closed",
  revalidate: (_input, result) => [`/applications/${result.applicationId}`],
});

export const recordReemploymentAction = defineAction({
  schema: reemploymentSchema,
  permission: "application.recordReemployment",
  resource: (input) => applicationResource(input.applicationId),
  run: ({ input, ctx }) => recordReemployment(ctx, input),
  // Art. 17: paid instalments that are no longer due are never touched, but said so (and flagged under 应付款项).
  successMessage: (result) => (result.overpaid.length > 0 ? "applications.payables.reemploymentRecordedOverpaid" : "applications.payables.reemploymentRecorded"),
  revalidate: (input) => [`/applications/${input.applicationId}`],
});

export const uploadEvidenceAction = defineAction({
  schema: evidenceSchema,
  permission: "application.edit",
  resource: (input) => applicationResource(input.applicationId),
  run: ({ input, ctx }) => storeEvidence(ctx, { ...input, permission: "application.edit" }),
  successMessage: "applications.attachments.uploaded",
  revalidate: (input) => [`/applications/${input.applicationId}`],
});

export const uploadReviewEvidenceAction = defineAction({
  schema: evidenceSchema,
  permission: "application.review",
  resource: (input) => applicationResource(input.applicationId),
  run: ({ input, ctx }) => storeEvidence(ctx, { ...input, permission: "application.review" }),
  successMessage: "applications.attachments.uploaded",
  revalidate: (input) => [`/applications/${input.applicationId}`],
});

export const removeEvidenceAction = defineAction({
  schema: removeEvidenceSchema,
  permission: "application.edit",
  resource: async (input) => applicationResource(await attachmentApplicationId(input.attachmentId)),
  run: ({ input, ctx }) => removeEvidence(ctx, input.attachmentId),
  successMessage: "applications.attachments.removed",
  revalidate: (_input, result) => [`/applications/${result.applicationId}`],
});

"use server";

/**
 * Server actions of the applications feature: thin — zod parse → gate → service
 * (lib/applications). Every export is built with defineAction.
 */
import { z } from "zod";
import { applicationEditSchema, applicationFormSchema, zVersion } from "@/lib/applications/application-form";
import { createDraft, updateApplication } from "@/lib/applications/drafts";
import { removeEvidence, storeEvidence, attachmentApplicationId } from "@/lib/applications/attachments";
import { missingFields } from "@/lib/approval/chain";
import { ART18_CHAIN } from "@/lib/applications/chain";
import { runApplicationCommand } from "@/lib/applications/commands";
import { newMeasureSchema } from "@/lib/applications/measures";
import { addMeasure, closeMeasure, measureApplicationId } from "@/lib/applications/measure-service";
import { recordReemployment } from "@/lib/applications/payables";
import { applicationResource } from "@/lib/applications/resource";
import { db } from "@/lib/db";
import { ApplicationStage } from "@/lib/generated/prisma/enums";
import { zOptionalYuan } from "@/lib/money";
import { defineAction } from "@/lib/server/action";
import { zDate, zId, zOptionalDate, zOptionalInt, zOptionalText, zText } from "@/lib/validation";

const applicationRef = { applicationId: zId, version: zVersion };
const applicationPaths = (id: number) => [`/applications/${id}`, "/applications", "/applications/queue"];

export const createApplicationAction = defineAction({
  schema: applicationFormSchema,
  permission: "application.create",
  resource: (_input, actor) => ({ type: "organization", id: actor.organizationId, path: actor.orgPath }),
  run: ({ input, ctx }) => createDraft(ctx, input),
  redirectTo: (_input, result) => `/applications/${result.id}`,
});

export const updateApplicationAction = defineAction({
  schema: applicationEditSchema,
  permission: "application.edit",
  resource: (input) => applicationResource(input.applicationId),
  run: ({ input, ctx }) => {
    const { applicationId, version, ...form } = input;
    return updateApplication(ctx, applicationId, version, form);
  },
  revalidate: (input) => applicationPaths(input.applicationId),
  redirectTo: (input) => `/applications/${input.applicationId}`,
});

export const submitApplicationAction = defineAction({
  schema: z.object(applicationRef),
  permission: "application.edit",
  resource: (input) => applicationResource(input.applicationId),
  run: ({ input, ctx }) => runApplicationCommand(ctx, { ...input, command: { type: "SUBMIT" } }),
  successMessage: "applications.actions.submitted",
  revalidate: (input) => applicationPaths(input.applicationId),
});

export const resubmitApplicationAction = defineAction({
  schema: z.object({ ...applicationRef, note: zOptionalText(2000) }),
  permission: "application.edit",
  resource: (input) => applicationResource(input.applicationId),
  run: ({ input, ctx }) => runApplicationCommand(ctx, { applicationId: input.applicationId, version: input.version, command: { type: "RESUBMIT" }, opinion: input.note }),
  successMessage: "applications.actions.resubmitted",
  revalidate: (input) => applicationPaths(input.applicationId),
});

export const withdrawApplicationAction = defineAction({
  schema: z.object({ ...applicationRef, reason: zText(2000) }),
  permission: "application.edit",
  resource: (input) => applicationResource(input.applicationId),
  run: ({ input, ctx }) => runApplicationCommand(ctx, { applicationId: input.applicationId, version: input.version, command: { type: "WITHDRAW" }, opinion: input.reason }),
  successMessage: "applications.actions.withdrawn",
  revalidate: (input) => applicationPaths(input.applicationId),
});

/** Quantity fields of an opinion: yuan (art. 15/16) or months (art. 17). */
const quantity = { amount: zOptionalYuan, months: zOptionalInt(1, 99) };

export const reviewApplicationAction = defineAction({
  schema: z
    .object({
      ...applicationRef,
      stage: z.enum(ApplicationStage),
      decision: z.enum(["FORWARD", "RETURN", "REJECT", "APPROVE"]),
      opinion: zText(4000),
      verificationFindings: zOptionalText(4000),
      verifiedOn: zOptionalDate,
      ...quantity,
    })
    .superRefine((v, ctx) => {
      // 18.2: the district records what it verified and when, before reporting on — the chain's one check.
      for (const field of missingFields(ART18_CHAIN, v.stage, v.decision, v)) ctx.addIssue({ code: "custom", path: [field], message: "validation.required" });
    }),
  permission: "application.review",
  resource: (input) => applicationResource(input.applicationId),
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
  successMessage: "applications.actions.reviewed",
  revalidate: (input) => applicationPaths(input.applicationId),
});

export const fastTrackAction = defineAction({
  schema: z.object({ ...applicationRef, stage: z.enum(ApplicationStage), opinion: zText(4000), ...quantity }),
  permission: "application.fastTrack",
  resource: (input) => applicationResource(input.applicationId),
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
  schema: z.object({ measureId: zId, version: zVersion, status: z.enum(["DONE", "CANCELLED"]), completedOn: zDate, outcome: zText(2000) }),
  permission: "application.measure",
  resource: async (input) => applicationResource(await measureApplicationId(db(), input.measureId)),
  run: ({ input, ctx }) => closeMeasure(ctx, input),
  successMessage: "applications.measures.closed",
  revalidate: (_input, result) => [`/applications/${result.applicationId}`],
});

export const recordReemploymentAction = defineAction({
  schema: z.object({ ...applicationRef, reemployedOn: zDate }),
  permission: "application.recordReemployment",
  resource: (input) => applicationResource(input.applicationId),
  run: ({ input, ctx }) => recordReemployment(ctx, input),
  // Art. 17: paid instalments that are no longer due are never touched, but said so (and flagged under 应付款项).
  successMessage: (result) => (result.overpaid.length > 0 ? "applications.payables.reemploymentRecordedOverpaid" : "applications.payables.reemploymentRecorded"),
  revalidate: (input) => [`/applications/${input.applicationId}`],
});

const evidenceSchema = z.object({ applicationId: zId, file: z.file() });

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
  schema: z.object({ attachmentId: z.uuid() }),
  permission: "application.edit",
  resource: async (input) => applicationResource(await attachmentApplicationId(input.attachmentId)),
  run: ({ input, ctx }) => removeEvidence(ctx, input.attachmentId),
  successMessage: "applications.attachments.removed",
  revalidate: (_input, result) => [`/applications/${result.applicationId}`],
});

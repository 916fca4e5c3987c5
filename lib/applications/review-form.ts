/**
 * The zod schemas of the application page's forms (《办法》第十八条 steps, art. 6–10
 * measures, art. 17 re-employment, evidence): parsed by the server actions
 * (app/(portal)/applications/actions.ts) and, with the same schema, validated in
 * the browser by react-hook-form (components/form).
 */
import { z } from "zod";
import { missingFields } from "@/lib/approval/chain";
import { ApplicationStage } from "@/lib/generated/prisma/enums";
import { zOptionalYuan } from "@/lib/money";
import { zConfirmed, zDate, zId, zOptionalDate, zOptionalInt, zOptionalText, zText } from "@/lib/validation";
import { zVersion } from "./application-form";
import { ART18_CHAIN } from "./chain";

/** The application and the version the person saw (optimistic concurrency). */
const applicationRef = { applicationId: zId, version: zVersion };

/** Submit a draft (art. 18.1). */
export const submitApplicationSchema = z.object(applicationRef);

/** Resubmit after a return, with an optional note. */
export const resubmitApplicationSchema = z.object({ ...applicationRef, note: zOptionalText(2000) });

/** Withdraw, with the reason. */
export const withdrawApplicationSchema = z.object({ ...applicationRef, reason: zText(2000) });

/** Quantity fields of an opinion: yuan (art. 15/16) or months (art. 17). */
const quantity = { amount: zOptionalYuan, months: zOptionalInt(1, 99) };

/** The review decisions of a stage (art. 18). */
export const REVIEW_DECISIONS = ["FORWARD", "RETURN", "REJECT", "APPROVE"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/**
 * A reviewer's step at `stage` (art. 18): the opinion, and at the district stage
 * (18.2) the verification findings and date before forwarding.
 */
export const reviewApplicationSchema = z
  .object({
    ...applicationRef,
    stage: z.enum(ApplicationStage),
    decision: z.enum(REVIEW_DECISIONS),
    opinion: zText(4000),
    verificationFindings: zOptionalText(4000),
    verifiedOn: zOptionalDate,
    ...quantity,
    confirmed: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    // 18.2: the district records what it verified and when, before reporting on — the chain's one check.
    for (const field of missingFields(ART18_CHAIN, v.stage, v.decision, v)) ctx.addIssue({ code: "custom", path: [field], message: "validation.required" });
    // Approving and rejecting are final: confirmed first (issue 11.5).
    if ((v.decision === "APPROVE" || v.decision === "REJECT") && v.confirmed !== "yes")
      ctx.addIssue({ code: "custom", path: ["confirmed"], message: "validation.confirmRequired" });
  });

/** 18.3 特殊情况可直接由各级主席办公会议审定批准. */
export const fastTrackSchema = z.object({ ...applicationRef, stage: z.enum(ApplicationStage), opinion: zText(4000), ...quantity, confirmed: zConfirmed });

/** Close a protective measure (art. 6–10) with its outcome. */
export const closeMeasureSchema = z.object({ measureId: zId, version: zVersion, status: z.enum(["DONE", "CANCELLED"]), completedOn: zDate, outcome: zText(2000) });

/** Art. 17 "至重新领薪或工作为止": the re-employment date. */
export const reemploymentSchema = z.object({ ...applicationRef, reemployedOn: zDate });

/** One evidence file (type and size are checked by the server, lib/applications/evidence.ts). */
export const evidenceSchema = z.object({ applicationId: zId, file: z.file() });

/** Remove one evidence file. */
export const removeEvidenceSchema = z.object({ attachmentId: z.uuid() });

/**
 * The zod schemas of the rights protection fund's forms (第十一条至第十四条):
 * parsed by the server actions (app/(portal)/fund/actions.ts) and, with the same
 * schema, validated in the browser by react-hook-form (components/form).
 * Steps that move money or are final carry `confirmed` (components/form/confirm-submit.tsx).
 */
import { z } from "zod";
import { PAYMENT_METHODS } from "@/lib/ledger/methods";
import { zYuan } from "@/lib/money";
import { zConfirmed, zDate, zId, zOptionalDate, zOptionalText, zText } from "@/lib/validation";
import { zFundYear } from "./params";

/** A ledger entry id (bigint as decimal digits). */
const zEntryId = z
  .string()
  .trim()
  .regex(/^\d{1,18}$/, "validation.invalid")
  .transform((s) => BigInt(s));

/** Open a fund-year (posts its appropriation, 第十一条、第十三条). */
export const openYearSchema = z.object({ fundId: zId, year: zFundYear });

/** Pay one payable (第十五至十七条); `payableVersion` makes a replay idempotent. */
export const paySchema = z.object({
  payableId: zId,
  payableVersion: z.coerce.number().int().min(0),
  paidOn: zDate,
  method: z.enum(PAYMENT_METHODS),
  reference: zOptionalText(100),
  confirmed: zConfirmed,
});

/** Request a top-up appropriation or a subsidy from the upper union (第十一条); amount in yuan. */
export const createRequestSchema = z.object({
  fundId: zId,
  year: zFundYear,
  kind: z.enum(["TOP_UP", "SUBSIDY"]),
  amount: zYuan,
  reason: zText(2000),
});

/** Approve (posts) or reject a pending request. */
export const decideRequestSchema = z.object({
  requestId: zId,
  decision: z.enum(["approve", "reject"]),
  note: zText(2000),
  postedOn: zOptionalDate,
  confirmed: zConfirmed,
});

/** Settle a fund-year (第十四条). */
export const settleSchema = z.object({ fundId: zId, year: zFundYear, confirmed: zConfirmed });

/** Reopen a settled year, with the reason (audited). */
export const reopenSchema = z.object({ fundId: zId, year: zFundYear, reason: zText(400), confirmed: zConfirmed });

/** Reverse one entry (corrections by reversal, never by edit). */
export const reverseSchema = z.object({ entryId: zEntryId, reason: zText(300) });

"use server";

/**
 * Server actions of the rights protection fund (第十一条至第十四条): thin —
 * zod parse → authorize (lib/authz/policy.ts fund.*) → lib/fund service.
 */
import { z } from "zod";
import { defineAction } from "@/lib/server/action";
import { entryFundResource, fundResource, payableFundResource, requestDeciderResource } from "@/lib/ledger/access";
import { openFundYear } from "@/lib/ledger/years";
import { payPayable } from "@/lib/ledger/payout";
import { PAYMENT_METHODS } from "@/lib/ledger/methods";
import { createFundRequest, decideFundRequest } from "@/lib/ledger/requests";
import { reopenYear, settleYear } from "@/lib/ledger/settlement";
import { reverseEntry } from "@/lib/ledger/reversal";
import { zYuan } from "@/lib/money";
import { zDate, zId, zOptionalDate, zOptionalText, zText } from "@/lib/validation";
import { zFundYear } from "@/lib/fund/params";

/** Pages showing fund data, refreshed after every change (literal paths, see revalidatePath). */
const paths = (...fundIds: number[]) => ["/", "/fund", "/fund/pay", "/fund/requests", "/fund/reports", "/fund/reports/annual", ...fundIds.map((id) => `/fund/${id}`)];
const zEntryId = z
  .string()
  .trim()
  .regex(/^\d{1,18}$/, "validation.invalid")
  .transform((s) => BigInt(s));

export const openYearAction = defineAction({
  schema: z.object({ fundId: zId, year: zFundYear }),
  permission: "fund.manage",
  resource: (input) => fundResource(input.fundId),
  run: ({ input, ctx }) => openFundYear(ctx, input),
  successMessage: "fund.years.opened",
  revalidate: (input) => paths(input.fundId),
});

export const payAction = defineAction({
  schema: z.object({
    payableId: zId,
    payableVersion: z.coerce.number().int().min(0),
    paidOn: zDate,
    method: z.enum(PAYMENT_METHODS),
    reference: zOptionalText(100),
  }),
  permission: "fund.pay",
  resource: (input) => payableFundResource(input.payableId),
  run: ({ input, ctx }) => payPayable(ctx, input),
  successMessage: "fund.pay.paid",
  revalidate: (_input, result) => paths(result.fundId),
});

export const createRequestAction = defineAction({
  schema: z.object({
    fundId: zId,
    year: zFundYear,
    kind: z.enum(["TOP_UP", "SUBSIDY"]),
    amount: zYuan,
    reason: zText(2000),
  }),
  permission: "fund.manage",
  resource: (input) => fundResource(input.fundId),
  run: ({ input, ctx }) => createFundRequest(ctx, { ...input, amount: input.amount.toFixed(2) }),
  successMessage: "fund.requests.created",
  revalidate: (input) => paths(input.fundId),
});

export const decideRequestAction = defineAction({
  schema: z.object({
    requestId: zId,
    decision: z.enum(["approve", "reject"]),
    note: zText(2000),
    postedOn: zOptionalDate,
  }),
  permission: "fund.manage",
  resource: (input) => requestDeciderResource(input.requestId),
  run: ({ input, ctx }) => decideFundRequest(ctx, { requestId: input.requestId, approve: input.decision === "approve", note: input.note, postedOn: input.postedOn }),
  successMessage: "fund.requests.decided",
  revalidate: (_input, result) => paths(...result.fundIds),
});

export const settleAction = defineAction({
  schema: z.object({ fundId: zId, year: zFundYear }),
  permission: "fund.settle",
  resource: (input) => fundResource(input.fundId),
  run: ({ input, ctx }) => settleYear(ctx, input),
  successMessage: "fund.settlement.settled",
  revalidate: (input) => paths(input.fundId),
});

export const reopenAction = defineAction({
  schema: z.object({ fundId: zId, year: zFundYear, reason: zText(400) }),
  permission: "fund.settle",
  resource: (input) => fundResource(input.fundId),
  run: ({ input, ctx }) => reopenYear(ctx, input),
  successMessage: "fund.settlement.reopened",
  revalidate: (input) => paths(input.fundId),
});

export const reverseAction = defineAction({
  schema: z.object({ entryId: zEntryId, reason: zText(300) }),
  permission: "fund.manage",
  resource: (input) => entryFundResource(input.entryId),
  run: ({ input, ctx }) => reverseEntry(ctx, input),
  successMessage: "fund.entries.reversed",
  revalidate: (_input, result) => paths(...result.fundIds),
});

"use server";

/**
 * Server actions of the rights protection fund (第十一条至第十四条): thin —
 * zod parse → authorize (lib/authz/policy.ts fund.*) → lib/fund service.
 */
import { defineAction } from "@/lib/server/action";
import { entryFundResource, fundResource, payableFundResource, requestDeciderResource } from "@/lib/ledger/access";
import { openFundYear } from "@/lib/ledger/years";
import { payPayable } from "@/lib/ledger/payout";
import { createFundRequest, decideFundRequest } from "@/lib/ledger/requests";
import { reopenYear, settleYear } from "@/lib/ledger/settlement";
import { reverseEntry } from "@/lib/ledger/reversal";
import { createRequestSchema, decideRequestSchema, openYearSchema, paySchema, reopenSchema, reverseSchema, settleSchema } from "@/lib/fund/forms";

/** Pages showing fund data, refreshed after every change (literal paths, see revalidatePath). */
const paths = (...fundIds: number[]) => ["/", "/fund", "/fund/pay", "/fund/requests", "/fund/reports", "/fund/reports/annual", ...fundIds.map((id) => `/fund/${id}`)];
export const openYearAction = defineAction({
  schema: openYearSchema,
  permission: "fund.manage",
  resource: (input) => fundResource(input.fundId),
  run: ({ input, ctx }) => openFundYear(ctx, input),
  successMessage: "fund.years.opened",
  flash: true,
  revalidate: (input) => paths(input.fundId),
});

export const payAction = defineAction({
  schema: paySchema,
  permission: "fund.pay",
  resource: (input) => payableFundResource(input.payableId),
  run: ({ input, ctx }) => payPayable(ctx, input),
  successMessage: "fund.pay.paid",
  flash: true,
  revalidate: (_input, result) => paths(result.fundId),
});

export const createRequestAction = defineAction({
  schema: createRequestSchema,
  permission: "fund.manage",
  resource: (input) => fundResource(input.fundId),
  run: ({ input, ctx }) => createFundRequest(ctx, { ...input, amount: input.amount.toFixed(2) }),
  successMessage: "fund.requests.created",
  flash: true,
  revalidate: (input) => paths(input.fundId),
});

export const decideRequestAction = defineAction({
  schema: decideRequestSchema,
  permission: "fund.manage",
  resource: (input) => requestDeciderResource(input.requestId),
  run: ({ input, ctx }) => decideFundRequest(ctx, { requestId: input.requestId, approve: input.decision === "approve", note: input.note, postedOn: input.postedOn }),
  successMessage: "fund.requests.decided",
  flash: true,
  revalidate: (_input, result) => paths(...result.fundIds),
});

export const settleAction = defineAction({
  schema: settleSchema,
  permission: "fund.settle",
  resource: (input) => fundResource(input.fundId),
  run: ({ input, ctx }) => settleYear(ctx, input),
  successMessage: "fund.settlement.settled",
  flash: true,
  revalidate: (input) => paths(input.fundId),
});

export const reopenAction = defineAction({
  schema: reopenSchema,
  permission: "fund.settle",
  resource: (input) => fundResource(input.fundId),
  run: ({ input, ctx }) => reopenYear(ctx, input),
  successMessage: "fund.settlement.reopened",
  flash: true,
  revalidate: (input) => paths(input.fundId),
});

export const reverseAction = defineAction({
  schema: reverseSchema,
  permission: "fund.manage",
  resource: (input) => entryFundResource(input.entryId),
  run: ({ input, ctx }) => reverseEntry(ctx, input),
  successMessage: "fund.entries.reversed",
  flash: true,
  revalidate: (_input, result) => paths(...result.fundIds),
});

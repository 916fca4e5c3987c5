"use server";

import { z } from "zod";
import { addMinimumWage, setReviewDeadlines } from "@/lib/cases/settings";
import { zYuan } from "@/lib/money";
import { defineAction } from "@/lib/server/action";
import { zDate, zOptionalText } from "@/lib/validation";

export const addMinimumWageAction = defineAction({
  schema: z.object({
    effectiveFrom: zDate,
    tier: zOptionalText(20),
    monthlyAmount: zYuan.refine((v) => v.greaterThan(0) && v.lessThan(1_000_000), "validation.caseWage"),
    source: zOptionalText(200),
  }),
  permission: "policy.manage",
  resource: () => ({ type: "system" }),
  run: ({ input, ctx }) => addMinimumWage(ctx, input),
  successMessage: "cases.settings.wageAdded",
  revalidate: () => ["/cases/settings"],
});

const days = z.coerce.number().int().min(1).max(90);

export const setReviewDeadlinesAction = defineAction({
  schema: z.object({ GRASSROOTS: days, DISTRICT: days, OFFICE: days, LEADING_GROUP: days }),
  permission: "policy.manage",
  resource: () => ({ type: "system" }),
  run: ({ input, ctx }) => setReviewDeadlines(ctx, input),
  successMessage: "cases.settings.deadlineSaved",
  revalidate: () => ["/cases/settings"],
});

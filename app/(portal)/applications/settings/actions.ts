"use server";

import { z } from "zod";
import { addMinimumWage, setReviewDeadlines } from "@/lib/applications/settings";
import { reviewDeadlinesSchema } from "@/lib/applications/settings-form";
import { zYuan } from "@/lib/money";
import { defineAction } from "@/lib/server/action";
import { zDate, zOptionalText } from "@/lib/validation";

export const addMinimumWageAction = defineAction({
  schema: z.object({
    effectiveFrom: zDate,
    tier: zOptionalText(20),
    monthlyAmount: zYuan.refine((v) => v.greaterThan(0) && v.lessThan(1_000_000), "validation.applicationWage"),
    source: zOptionalText(200),
  }),
  permission: "policy.manage",
  resource: () => ({ type: "system" }),
  run: ({ input, ctx }) => addMinimumWage(ctx, input),
  successMessage: "applications.settings.wageAdded",
  revalidate: () => ["/applications/settings"],
});

export const setReviewDeadlinesAction = defineAction({
  schema: reviewDeadlinesSchema,
  permission: "policy.manage",
  resource: () => ({ type: "system" }),
  run: ({ input, ctx }) => setReviewDeadlines(ctx, input),
  // Saving the values already in force changes nothing and says so ("没有修改").
  successMessage: (result) => (result.saved ? "applications.settings.deadlineSaved" : "applications.settings.deadlineUnchanged"),
  revalidate: () => ["/applications/settings"],
});

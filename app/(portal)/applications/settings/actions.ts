"use server";

import { addMinimumWage, setReviewDeadlines } from "@/lib/applications/settings";
import { minimumWageSchema, reviewDeadlinesSchema } from "@/lib/applications/settings-form";
import { defineAction } from "@/lib/server/action";

export const addMinimumWageAction = defineAction({
  schema: minimumWageSchema,
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

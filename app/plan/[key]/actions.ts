"use server";

import { z } from "zod";
import { todayInChina } from "@/lib/dates";
import { definePublicAction } from "@/lib/server/action";
import { addSuggestion } from "@/lib/vitality/plans";

/**
 * A member's anonymous suggestion on a published plan (《实施方案》四.1 计划实施过程要接受会员（代表）的日常监督).
 * Public by design: members have no account; nothing about the sender is kept (the date only, lib/vitality/plans.ts).
 */
export const suggestionAction = definePublicAction({
  schema: z.object({ key: z.string().min(10).max(60), text: z.string().trim().min(1).max(1000) }),
  async run({ input }) {
    await addSuggestion(input.key, input.text, todayInChina());
    return null;
  },
  redirectTo: (input) => `/plan/${encodeURIComponent(input.key)}/thanks`,
});

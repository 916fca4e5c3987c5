/**
 * Form schema of the review deadlines (art. 18, 第十八条): calendar days per
 * stage, whole numbers 1–90, validated with the shared zInt helper so a blank,
 * a non-number or a fraction gets a clear message instead of reaching the database.
 */
import { z } from "zod";
import type { ApplicationStage } from "@/lib/generated/prisma/enums";
import { zYuan } from "@/lib/money";
import { zDate, zInt, zOptionalText } from "@/lib/validation";
import { ART18_CHAIN } from "./chain";

/** Days of one review stage: a whole number of calendar days, 1–90. */
export const zDeadlineDays = zInt(1, 90);

/** The deadlines form: one number of days per stage of the art. 18 chain. */
export const reviewDeadlinesSchema = z.object(Object.fromEntries(ART18_CHAIN.stages.map((stage) => [stage, zDeadlineDays])) as Record<ApplicationStage, typeof zDeadlineDays>);

/** A minimum-wage rate (art. 17 support is paid at it), in yuan per month, dated from `effectiveFrom`. */
export const minimumWageSchema = z.object({
  effectiveFrom: zDate,
  tier: zOptionalText(20),
  monthlyAmount: zYuan.refine((v) => v.greaterThan(0) && v.lessThan(1_000_000), "validation.applicationWage"),
  source: zOptionalText(200),
});

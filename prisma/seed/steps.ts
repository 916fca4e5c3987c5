/**
 * Feature seed steps, run in order after the organisation tree and policy data.
 * A feature adds its demo data by appending a step here.
 */
import type { RequestContext } from "@/lib/audit/writer";
import { seedApplications } from "./applications";
import { fundSeedStep, payoutSeedStep } from "./fund";
import { seedVitality } from "./vitality";

export type SeedStep = { name: string; run: (ctx: RequestContext) => Promise<void> };

export const SEED_STEPS: SeedStep[] = [fundSeedStep, { name: "applications (art. 15–18 demo applications)", run: seedApplications }, payoutSeedStep, { name: "vitality project (seed 001 policy, two evaluated demo units)", run: seedVitality }];

/**
 * Fixtures of the applications tests: a fresh city → district → grassroots tree with
 * every art. 18 role, the policy data the seed provides (policy version,
 * review deadlines) and a minimum-wage table for a tier unique to this tree.
 */
import { db } from "@/lib/db";
import { createDraft } from "@/lib/applications/drafts";
import type { ApplicationForm } from "@/lib/applications/application-form";
import { day } from "@/lib/dates";
import { runApplicationCommand, type ApplicationCommandInput } from "@/lib/applications/commands";
import type { Actor } from "@/lib/authz/types";
import type { ApplicationStage } from "@/lib/generated/prisma/enums";
import { yuan } from "@/lib/money";
import { actorOf, createTree, createUser, ctxOf, ensurePolicy, uniq } from "../helpers/fixtures";


/** The seeded review deadlines (days per stage), created when missing. */
export async function ensureDeadlines() {
  const seeded: [ApplicationStage, number][] = [
    ["GRASSROOTS", 7],
    ["DISTRICT", 15],
    ["OFFICE", 10],
    ["LEADING_GROUP", 15],
  ];
  for (const [stage, days] of seeded) {
    await db().reviewDeadline.upsert({ where: { stage }, update: {}, create: { stage, days } });
  }
}

/** A tree with every role of the chain; the city has a wage tier of its own (1,910.00 → 2,100.00 from 2026-10-01). */
export async function applicationWorld() {
  const tree = await createTree();
  const policy = await ensurePolicy();
  await ensureDeadlines();
  const tier = uniq("档");
  await db().organization.update({ where: { id: tree.city.id }, data: { wageTier: tier } });
  await db().minimumWage.createMany({
    data: [
      { effectiveFrom: day("2021-12-01"), tier, monthlyAmount: "1910.00" },
      { effectiveFrom: day("2026-10-01"), tier, monthlyAmount: "2100.00" },
    ],
  });
  const users = {
    cadre: await createUser(tree.grassroots.id, ["CADRE"], { position: "CHAIRPERSON", fullTime: true }),
    partTime: await createUser(tree.grassroots.id, ["CADRE"], { position: "OTHER", fullTime: false }),
    otherCadre: await createUser(tree.otherGrassroots.id, ["CADRE"], { position: "VICE_CHAIRPERSON", fullTime: true }),
    grassroots: await createUser(tree.grassroots.id, ["GRASSROOTS_OFFICER"]),
    district: await createUser(tree.district.id, ["DISTRICT_REVIEWER"]),
    otherDistrict: await createUser(tree.otherDistrict.id, ["DISTRICT_REVIEWER"]),
    office: await createUser(tree.city.id, ["LEADING_GROUP_OFFICE"]),
    office2: await createUser(tree.city.id, ["LEADING_GROUP_OFFICE"]),
    leader: await createUser(tree.city.id, ["LEADING_GROUP_MEMBER"]),
    leader2: await createUser(tree.city.id, ["LEADING_GROUP_MEMBER"]),
    chair: await createUser(tree.city.id, ["CHAIRPERSON_MEETING"]),
    districtChair: await createUser(tree.district.id, ["CHAIRPERSON_MEETING"]),
  };
  const actors = Object.fromEntries(Object.entries(users).map(([k, u]) => [k, actorOf(u)])) as Record<keyof typeof users, Actor>;
  return { tree, policy, tier, users, actors };
}
export type ApplicationWorld = Awaited<ReturnType<typeof applicationWorld>>;

/** A valid application form; art. 16 by default. */
export function form(overrides: Partial<ApplicationForm> = {}): ApplicationForm {
  const base: ApplicationForm = {
    article: "ART16",
    eventType: "REMOVAL",
    eventDate: day("2026-09-01"),
    eventDescription: "因代表职工开展集体协商，被单位无正当理由免去工会主席职务。",
    harmDescription: "职务被免，岗位津贴停发。",
    requestedAmount: yuan("3000"),
    requestedMonths: undefined,
    unemployedFrom: undefined,
    phone: undefined,
    bankName: "中国工商银行大连分行",
    bankAccountName: "测试申请人",
    bankAccountNumber: "6222020000000000001",
  };
  return { ...base, ...overrides };
}

/** An art. 17 form: contract terminated, unemployed from `from`, `months` requested. */
export function art17Form(from: string, months: number): ApplicationForm {
  return form({ article: "ART17", eventType: "CONTRACT_TERMINATED", eventDate: day(from), unemployedFrom: day(from), requestedMonths: months, requestedAmount: undefined });
}

/** Run a command as `actor` with the application's current version. */
export async function step(actor: Actor, applicationId: number, command: ApplicationCommandInput["command"], extra: Partial<ApplicationCommandInput> = {}) {
  const { version } = await db().application.findUniqueOrThrow({ where: { id: applicationId }, select: { version: true } });
  return runApplicationCommand(ctxOf(actor), { applicationId, version, command, opinion: "经研究，同意。", ...extra });
}

/** A submitted application of the world's cadre (at the grassroots stage). */
export async function submitted(w: ApplicationWorld, f: ApplicationForm = form()) {
  const { id } = await createDraft(ctxOf(w.actors.cadre), f);
  await step(w.actors.cadre, id, { type: "SUBMIT" }, { opinion: undefined });
  return id;
}

/** Walk a submitted application to `stage` with the proper reviewers (district verification, office proposal). */
export async function advanceTo(w: ApplicationWorld, id: number, stage: "DISTRICT" | "OFFICE" | "LEADING_GROUP") {
  await step(w.actors.grassroots, id, { type: "FORWARD", stage: "GRASSROOTS" });
  if (stage === "DISTRICT") return;
  await step(w.actors.district, id, { type: "FORWARD", stage: "DISTRICT" }, { verificationFindings: "经走访单位与职工核实，情况属实。", verifiedOn: day("2026-11-10") });
  if (stage === "OFFICE") return;
  const app = await db().application.findUniqueOrThrow({ where: { id } });
  await step(
    w.actors.office,
    id,
    { type: "FORWARD", stage: "OFFICE" },
    app.article === "ART17" ? { months: app.requestedMonths } : { amount: yuan(app.requestedAmount!.toString()) },
  );
}

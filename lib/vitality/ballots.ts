/**
 * Members' ballots of 双评 (《实施方案》四.2 "会员（代表）评议采取无记名投票的方式进行，参加评议的会员（代表）
 * 不少于应到会会员（代表）总数的三分之二").
 *
 * Secrecy by design:
 * - a vote row (VitalityVote) holds a random id and the answers — no time, sequence, code, person or address;
 * - codes are stored only as sha256 hashes with a `used` flag (no time) and are assigned to nobody;
 * - a cast is never audited and never logged; opening, issuing codes (a count), closing and the tally are;
 * - nobody sees a tally or a turnout while the ballot is open (`ballotResult` refuses);
 * - closing deletes the codes and gives every vote a new random id in the closing transaction, so no
 *   per-cast transaction id (xmin) or code row survives to link a vote to the moment it was cast.
 */
import { createHash, randomUUID } from "node:crypto";
import { mutate, type RequestContext } from "@/lib/audit/writer";
import { lockedUntil, recordFailure, reserveAttempt } from "@/lib/auth/throttle";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import type { VitalityAnswer, VitalityBallotItem, VitalityBallotKind } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashBallotCode, newBallotCode, newPublicKey, normalizeBallotCode } from "./codes";
import { policyData, vitalityPolicyInForce } from "./policy";
import { turnout } from "./rules";

/** Answers per item, in the ballot's item order: [满意, 基本满意, 不满意]. */
export type Tally = [number, number, number][];

/** The most codes one ballot may have: the number due plus this many spares per 10 due (at least 5). */
export function maxCodes(due: number): number {
  return due + Math.max(5, Math.ceil(due / 10));
}

export type NewBallot = {
  enrolmentId: number;
  kind: VitalityBallotKind;
  meetingName: string;
  /** the congress date; the policy in force on it is fixed on the ballot */
  meetingDate: Date;
  /** 应到会会员（代表）人数 */
  due: number;
  /** must include COMMITTEE (it drives the members' rate) */
  items: VitalityBallotItem[];
};

/**
 * Create a ballot (DRAFT) for an enrolled unit.
 * @throws NotFoundError; DomainError vitality.ballot.dueInvalid, vitality.ballot.committeeItemRequired, vitality.policy.missing
 */
export async function createBallot(ctx: RequestContext, input: NewBallot, rerunOfId: number | null = null) {
  if (!Number.isSafeInteger(input.due) || input.due < 1 || input.due > 100_000) throw new DomainError("vitality.ballot.dueInvalid");
  const items = [...new Set(input.items)];
  if (!items.includes("COMMITTEE")) throw new DomainError("vitality.ballot.committeeItemRequired");
  return mutate(ctx, async (tx, record) => {
    const enrolment = await tx.vitalityEnrolment.findUnique({ where: { id: input.enrolmentId } });
    if (!enrolment) throw new NotFoundError();
    const policy = await vitalityPolicyInForce(tx, input.meetingDate);
    const ballot = await tx.vitalityBallot.create({
      data: {
        enrolmentId: enrolment.id,
        policyId: policy.id,
        kind: input.kind,
        publicKey: newPublicKey(),
        meetingName: input.meetingName,
        meetingDate: input.meetingDate,
        due: input.due,
        items,
        rerunOfId,
      },
    });
    record({
      action: rerunOfId ? "vitality.ballot.rerun" : "vitality.ballot.create",
      entityType: "VitalityBallot",
      entityId: ballot.id,
      after: { enrolmentId: ballot.enrolmentId, kind: ballot.kind, meetingName: ballot.meetingName, due: ballot.due, items, policy: policy.code, rerunOfId },
    });
    return ballot;
  });
}

type LockedBallot = { id: number; status: string; kind: string; due: number; codesIssued: number; version: number };

async function lockBallot(tx: Tx, id: number): Promise<LockedBallot> {
  const rows = await tx.$queryRaw<LockedBallot[]>`
    SELECT id, status::text AS status, kind::text AS kind, due, "codesIssued", version FROM "VitalityBallot" WHERE id = ${id} FOR UPDATE`;
  if (!rows[0]) throw new NotFoundError();
  return rows[0];
}

/**
 * Open voting: the number due and the items are frozen from now on.
 * @throws ConflictError vitality.ballot.notDraft when it is not a draft; vitality.ballot.paperNotOpened for paper ballots
 */
export async function openBallot(ctx: RequestContext, ballotId: number) {
  return mutate(ctx, async (tx, record) => {
    const b = await lockBallot(tx, ballotId);
    if (b.kind !== "ONLINE") throw new DomainError("vitality.ballot.paperNotOpened");
    if (b.status !== "DRAFT") throw new ConflictError("vitality.ballot.notDraft");
    const opened = await tx.vitalityBallot.update({ where: { id: ballotId }, data: { status: "OPEN", openedAt: new Date(), version: { increment: 1 } } });
    record({ action: "vitality.ballot.open", entityType: "VitalityBallot", entityId: ballotId, before: { status: "DRAFT" }, after: { status: "OPEN", due: opened.due } });
    return opened;
  });
}

/**
 * Issue `count` new one-time codes (the slip sheet). The plain codes are returned once, here, and never
 * stored; only their hashes are. Allowed on a draft or open online ballot, up to `maxCodes(due)` in all.
 * @throws DomainError vitality.ballot.tooManyCodes, vitality.ballot.closed, vitality.ballot.paperNotOpened
 */
export async function issueCodes(ctx: RequestContext, ballotId: number, count: number): Promise<string[]> {
  if (!Number.isSafeInteger(count) || count < 1) throw new DomainError("vitality.ballot.codeCountInvalid");
  return mutate(ctx, async (tx, record) => {
    const b = await lockBallot(tx, ballotId);
    if (b.kind !== "ONLINE") throw new DomainError("vitality.ballot.paperNotOpened");
    if (b.status === "CLOSED") throw new ConflictError("vitality.ballot.closed");
    if (b.codesIssued + count > maxCodes(b.due)) throw new DomainError("vitality.ballot.tooManyCodes", { max: maxCodes(b.due), issued: b.codesIssued });
    const codes: string[] = [];
    const hashes = new Set<string>();
    while (codes.length < count) {
      const code = newBallotCode();
      const hash = hashBallotCode(normalizeBallotCode(code)!);
      if (hashes.has(hash)) continue;
      hashes.add(hash);
      codes.push(code);
    }
    // Random ids: the code rows carry no order either.
    await tx.vitalityBallotCode.createMany({ data: [...hashes].map((hash) => ({ id: randomUUID(), ballotId, hash })) });
    await tx.vitalityBallot.update({ where: { id: ballotId }, data: { codesIssued: { increment: count }, version: { increment: 1 } } });
    record({ action: "vitality.ballot.codesIssued", entityType: "VitalityBallot", entityId: ballotId, after: { count, total: b.codesIssued + count } });
    return codes;
  });
}

/** Throttle key of a ballot client: a hash of its address (only failed attempts are ever recorded). */
export function ballotClientKey(address: string | null): string | null {
  return address ? `ballot:${createHash("sha256").update(`vitality-ballot-client:${address}`).digest("hex").slice(0, 32)}` : null;
}

/** A ballot's public view for the members' page (no figures). */
export async function publicBallot(publicKey: string) {
  const b = await db().vitalityBallot.findUnique({
    where: { publicKey },
    select: { id: true, status: true, kind: true, meetingName: true, meetingDate: true, items: true, enrolment: { select: { organization: { select: { name: true } } } } },
  });
  if (!b || b.kind !== "ONLINE") throw new NotFoundError("vitality.ballot.notFound");
  return { status: b.status, meetingName: b.meetingName, meetingDate: b.meetingDate, items: b.items, unitName: b.enrolment.organization.name };
}

/**
 * A member casts a vote with a one-time code. Not audited, not logged (secrecy, 四.2). The code is marked
 * used and the vote inserted in one transaction; of concurrent casts with one code exactly one counts.
 * @param clientKey `ballotClientKey(ip)`: after LOGIN_MAX_FAILURES_IP wrong codes in LOGIN_WINDOW_MINUTES the
 *   client is locked out for a window (guessing); successes never touch the throttle
 * @throws NotFoundError vitality.ballot.notFound; DomainError vitality.ballot.notOpen, vitality.ballot.codeInvalid
 *   (wrong, used, or of another ballot — one message), vitality.ballot.answersInvalid, vitality.ballot.tooManyAttempts (429)
 */
export async function castVote(input: { publicKey: string; code: string; answers: string[]; clientKey: string | null }): Promise<{ meetingName: string }> {
  if (input.clientKey && (await lockedUntil([input.clientKey]))) throw new DomainError("vitality.ballot.tooManyAttempts", {}, 429);
  const ballot = await db().vitalityBallot.findUnique({ where: { publicKey: input.publicKey }, select: { id: true, kind: true, items: true, meetingName: true } });
  if (!ballot || ballot.kind !== "ONLINE") throw new NotFoundError("vitality.ballot.notFound");
  const answers = input.answers as VitalityAnswer[];
  const allowed: string[] = ["SATISFIED", "BASIC", "DISSATISFIED"];
  if (answers.length !== ballot.items.length || answers.some((a) => !allowed.includes(a))) throw new DomainError("vitality.ballot.answersInvalid");
  const canonical = normalizeBallotCode(input.code);
  const fail = async (code: string): Promise<never> => {
    if (input.clientKey) {
      // Only failures are counted (one atomic statement), and the client is locked once they reach the limit.
      const max = env().LOGIN_MAX_FAILURES_IP;
      await reserveAttempt(input.clientKey, max);
      await recordFailure(input.clientKey, max);
    }
    throw new DomainError(code);
  };
  if (!canonical) return fail("vitality.ballot.codeInvalid");
  const hash = hashBallotCode(canonical);
  const outcome = await db().$transaction(
    async (tx) => {
      // A shared lock: casts run side by side; closing (FOR UPDATE) waits for them and then stops new ones.
      const rows = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "VitalityBallot" WHERE id = ${ballot.id} FOR SHARE`;
      if (rows[0]?.status !== "OPEN") return "notOpen" as const;
      const used = await tx.$executeRaw`UPDATE "VitalityBallotCode" SET used = true WHERE "ballotId" = ${ballot.id} AND hash = ${hash} AND NOT used`;
      if (used !== 1) return "codeInvalid" as const;
      await tx.vitalityVote.create({ data: { id: randomUUID(), ballotId: ballot.id, answers } });
      return "ok" as const;
    },
    { timeout: env().TX_TIMEOUT_MS, maxWait: env().TX_MAX_WAIT_MS },
  );
  if (outcome === "notOpen") throw new DomainError("vitality.ballot.notOpen", {}, 409);
  if (outcome === "codeInvalid") return fail("vitality.ballot.codeInvalid");
  return { meetingName: ballot.meetingName };
}

function emptyTally(items: number): Tally {
  return Array.from({ length: items }, () => [0, 0, 0] as [number, number, number]);
}

const ANSWER_INDEX: Record<string, 0 | 1 | 2> = { SATISFIED: 0, BASIC: 1, DISSATISFIED: 2 };

/** Count the votes of a ballot in the database (inside the closing transaction). */
async function countVotes(tx: Tx, ballotId: number, items: number): Promise<{ votes: number; tally: Tally }> {
  const counted = await tx.$queryRaw<{ votes: number }[]>`SELECT count(*)::int AS votes FROM "VitalityVote" WHERE "ballotId" = ${ballotId}`;
  const votes = counted[0]?.votes ?? 0;
  const rows = await tx.$queryRaw<{ pos: number; answer: string; n: number }[]>`
    SELECT a.pos::int AS pos, a.answer::text AS answer, count(*)::int AS n
    FROM "VitalityVote" v CROSS JOIN LATERAL unnest(v.answers) WITH ORDINALITY AS a(answer, pos)
    WHERE v."ballotId" = ${ballotId} GROUP BY 1, 2`;
  const tally = emptyTally(items);
  for (const r of rows) tally[r.pos - 1]![ANSWER_INDEX[r.answer]!] = r.n;
  return { votes, tally };
}

export type SlipCounts = { slipsHandedOut?: number | null; slipsReturned?: number | null; present?: number | null };

/**
 * Close an online ballot and tally it (四.2 validity: votes ≥ ⌈2/3 × due⌉, never more than handed out —
 * the slips handed out when recorded, else the codes issued). Deletes the codes and re-randomises the vote ids.
 * @throws ConflictError vitality.ballot.notOpen
 */
export async function closeBallot(ctx: RequestContext, ballotId: number, slips: SlipCounts = {}) {
  return mutate(ctx, async (tx, record) => {
    const b = await lockBallot(tx, ballotId);
    if (b.status !== "OPEN") throw new ConflictError("vitality.ballot.notOpen");
    const full = await tx.vitalityBallot.findUniqueOrThrow({ where: { id: ballotId }, include: { policy: true } });
    const { votes, tally } = await countVotes(tx, ballotId, full.items.length);
    const handedOut = slips.slipsHandedOut ?? b.codesIssued;
    const t = turnout(votes, full.due, handedOut, policyData(full.policy));
    await tx.vitalityBallotCode.deleteMany({ where: { ballotId } });
    await tx.$executeRaw`UPDATE "VitalityVote" SET id = gen_random_uuid() WHERE "ballotId" = ${ballotId}`;
    const closed = await tx.vitalityBallot.update({
      where: { id: ballotId },
      data: {
        status: "CLOSED",
        closedAt: new Date(),
        votes,
        required: t.required,
        valid: t.valid,
        tally,
        slipsHandedOut: slips.slipsHandedOut ?? null,
        slipsReturned: slips.slipsReturned ?? null,
        present: slips.present ?? null,
        version: { increment: 1 },
      },
    });
    record({ action: "vitality.ballot.close", entityType: "VitalityBallot", entityId: ballotId, before: { status: "OPEN" }, after: { status: "CLOSED" } });
    record({
      action: "vitality.ballot.tally",
      entityType: "VitalityBallot",
      entityId: ballotId,
      after: { votes, due: full.due, required: t.required, valid: t.valid, problem: t.problem, handedOut, tally },
    });
    return closed;
  });
}

export type PaperTotals = {
  /** per item in the ballot's order: [满意, 基本满意, 不满意] */
  tally: Tally;
  tellerName: string;
  scrutineerName: string;
  slipsHandedOut?: number | null;
  slipsReturned?: number | null;
  present?: number | null;
};

/**
 * Paper ballots counted at the meeting: enter the totals, confirmed by two named tellers (计票人, 监票人),
 * under the same validity rule. Every item must total the same number of papers.
 * @throws DomainError vitality.ballot.tellersSame, vitality.ballot.paperTotalsInvalid; ConflictError vitality.ballot.closed
 */
export async function enterPaperTotals(ctx: RequestContext, ballotId: number, input: PaperTotals) {
  const teller = input.tellerName.trim();
  const scrutineer = input.scrutineerName.trim();
  if (!teller || !scrutineer || teller === scrutineer) throw new DomainError("vitality.ballot.tellersSame");
  return mutate(ctx, async (tx, record) => {
    const b = await lockBallot(tx, ballotId);
    if (b.kind !== "PAPER") throw new DomainError("vitality.ballot.notPaper");
    if (b.status === "CLOSED") throw new ConflictError("vitality.ballot.closed");
    const full = await tx.vitalityBallot.findUniqueOrThrow({ where: { id: ballotId }, include: { policy: true } });
    const ok =
      input.tally.length === full.items.length &&
      input.tally.every((row) => row.length === 3 && row.every((n) => Number.isSafeInteger(n) && n >= 0)) &&
      new Set(input.tally.map((row) => row[0] + row[1] + row[2])).size === 1;
    if (!ok) throw new DomainError("vitality.ballot.paperTotalsInvalid");
    const votes = input.tally[0]!.reduce((a, n) => a + n, 0);
    const t = turnout(votes, full.due, input.slipsHandedOut ?? null, policyData(full.policy));
    const closed = await tx.vitalityBallot.update({
      where: { id: ballotId },
      data: {
        status: "CLOSED",
        closedAt: new Date(),
        votes,
        required: t.required,
        valid: t.valid,
        tally: input.tally,
        tellerName: teller,
        scrutineerName: scrutineer,
        slipsHandedOut: input.slipsHandedOut ?? null,
        slipsReturned: input.slipsReturned ?? null,
        present: input.present ?? null,
        version: { increment: 1 },
      },
    });
    record({
      action: "vitality.ballot.paperTotals",
      entityType: "VitalityBallot",
      entityId: ballotId,
      before: { status: b.status },
      after: { status: "CLOSED", votes, due: full.due, required: t.required, valid: t.valid, tally: input.tally, tellerName: teller, scrutineerName: scrutineer },
    });
    return closed;
  });
}

/**
 * The result of a closed ballot: figures and validity. Refused while the ballot is not closed — nobody,
 * administrators included, sees a partial tally or a turnout (四.2 无记名投票).
 * @throws NotFoundError; ConflictError vitality.ballot.resultsAfterClose
 */
export async function ballotResult(client: Tx, ballotId: number) {
  const b = await client.vitalityBallot.findUnique({ where: { id: ballotId }, include: { policy: true } });
  if (!b) throw new NotFoundError();
  if (b.status !== "CLOSED") throw new ConflictError("vitality.ballot.resultsAfterClose");
  return { ...b, tally: b.tally as Tally, votes: b.votes!, required: b.required!, valid: b.valid! };
}

/**
 * Rerun an invalid ballot: a new draft with the same meeting, due count and items.
 * @throws ConflictError vitality.ballot.rerunOnlyInvalid (open, valid, or already rerun)
 */
export async function rerunBallot(ctx: RequestContext, ballotId: number, meetingDate: Date) {
  const b = await db().vitalityBallot.findUnique({ where: { id: ballotId }, include: { rerun: { select: { id: true } } } });
  if (!b) throw new NotFoundError();
  if (b.status !== "CLOSED" || b.valid !== false || b.rerun) throw new ConflictError("vitality.ballot.rerunOnlyInvalid");
  try {
    return await createBallot(ctx, { enrolmentId: b.enrolmentId, kind: b.kind, meetingName: b.meetingName, meetingDate, due: b.due, items: b.items }, b.id);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ConflictError("vitality.ballot.rerunOnlyInvalid");
    throw error;
  }
}

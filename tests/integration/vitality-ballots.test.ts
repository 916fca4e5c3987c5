/**
 * Members' ballots of 双评 (《实施方案》四.2 无记名投票, ≥ 2/3 of those due) on real PostgreSQL:
 * one code counts once under 200 concurrent casts, 50 codes count 50, a code of one ballot is refused
 * on another, no partial tally while open, and — secrecy by design — no column, audit row or log line
 * links a vote to a code, a person, a moment or an address.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Writable } from "node:stream";
import pino from "pino";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/audit/writer";
import { ballotClientKey, ballotResult, castVote, closeBallot, createBallot, enterPaperTotals, issueCodes, openBallot, rerunBallot } from "@/lib/vitality/ballots";
import { hashBallotCode, normalizeBallotCode } from "@/lib/vitality/codes";
import { enrolUnit, recordHigherEvaluation, unitResult } from "@/lib/vitality/units";
import { actorOf, createOrg, createTree, createUser, ctxOf } from "../helpers/fixtures";
import { ensureVitalityPolicy } from "./vitality-fixtures";

// Every log line of this file's code, captured (the ballot path must write none that links a vote).
const logLines: string[] = [];
vi.mock("@/lib/logger", () => {
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const instance = pino({ level: "trace" }, sink);
  return { logger: () => instance };
});

// 200 casts queue on one code row; let them wait for a connection (integrity, not latency, is tested here).
process.env.TX_MAX_WAIT_MS = "120000";
process.env.TX_TIMEOUT_MS = "120000";
resetEnvCache();

const POOL = 30;
const ANSWERS3 = ["SATISFIED", "BASIC", "DISSATISFIED"];
let ctx: RequestContext;
let enrolmentId: number;

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return "accepted";
}

async function openedBallot(due: number, codes: number) {
  const ballot = await createBallot(ctx, { enrolmentId, kind: "ONLINE", meetingName: "会员代表大会", meetingDate: new Date("2026-06-30T00:00:00Z"), due, items: ["COMMITTEE", "CHAIRPERSON", "ORGANISATION"] });
  const issued = await issueCodes(ctx, ballot.id, codes);
  await openBallot(ctx, ballot.id);
  return { ballot, codes: issued };
}

beforeAll(async () => {
  (globalThis as { __prisma?: PrismaClient }).__prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: POOL }) });
  await ensureVitalityPolicy();
  const tree = await createTree();
  const reviewer = await createUser(tree.district.id, ["DISTRICT_REVIEWER"]);
  ctx = ctxOf(actorOf(reviewer));
  const unit = await createOrg("GRASSROOTS_UNION", tree.district.id, "测试活力企业工会");
  const enrolment = await enrolUnit(ctx, {
    organizationId: unit.id,
    year: 2026,
    unitNature: "PRIVATE",
    ownership: "NON_PUBLIC",
    staffCount: 120,
    memberCount: 110,
    chairpersonName: "王主席",
    partyOrganisation: "测试企业党支部",
    enterpriseManaged: false,
    industryUnion: false,
    extendTo50: false,
  });
  enrolmentId = enrolment.id;
});

afterAll(async () => {
  await db().$disconnect();
});

describe("one-time codes under concurrency", () => {
  it("200 concurrent casts of one code count once", async () => {
    const { ballot, codes } = await openedBallot(30, 1);
    const results = await Promise.all(
      Array.from({ length: 200 }, () => refusal(castVote({ publicKey: ballot.publicKey, code: codes[0]!, answers: ANSWERS3, clientKey: null }))),
    );
    expect(results.filter((r) => r === "accepted")).toHaveLength(1);
    expect(results.filter((r) => r === "vitality.ballot.codeInvalid")).toHaveLength(199);
    expect(await db().vitalityVote.count({ where: { ballotId: ballot.id } })).toBe(1);
  });

  it("50 codes cast concurrently count 50, and the closed ballot is tallied", async () => {
    const { ballot, codes } = await openedBallot(60, 50);
    const results = await Promise.all(codes.map((code) => refusal(castVote({ publicKey: ballot.publicKey, code, answers: ANSWERS3, clientKey: null }))));
    expect(results.every((r) => r === "accepted")).toBe(true);
    const closed = await closeBallot(ctx, ballot.id);
    expect(closed).toMatchObject({ status: "CLOSED", votes: 50, required: 40, valid: true });
    expect(closed.tally).toEqual([
      [50, 0, 0],
      [0, 50, 0],
      [0, 0, 50],
    ]);
  });

  it("a code of one ballot is refused on another; a typo and a used code get the same message", async () => {
    const a = await openedBallot(30, 2);
    const b = await openedBallot(30, 2);
    expect(await refusal(castVote({ publicKey: b.ballot.publicKey, code: a.codes[0]!, answers: ANSWERS3, clientKey: null }))).toBe("vitality.ballot.codeInvalid");
    expect(await refusal(castVote({ publicKey: a.ballot.publicKey, code: a.codes[0]!.toLowerCase().replace(/-/g, " "), answers: ANSWERS3, clientKey: null }))).toBe("accepted");
    expect(await refusal(castVote({ publicKey: a.ballot.publicKey, code: a.codes[0]!, answers: ANSWERS3, clientKey: null }))).toBe("vitality.ballot.codeInvalid");
    expect(await refusal(castVote({ publicKey: a.ballot.publicKey, code: "not a code", answers: ANSWERS3, clientKey: null }))).toBe("vitality.ballot.codeInvalid");
    expect(await refusal(castVote({ publicKey: a.ballot.publicKey, code: a.codes[1]!, answers: ["SATISFIED"], clientKey: null }))).toBe("vitality.ballot.answersInvalid");
    expect(await db().vitalityVote.count({ where: { ballotId: b.ballot.id } })).toBe(0);
  });

  it("guessing is rate-limited per client, and a locked client cannot vote even with a good code", async () => {
    const { ballot, codes } = await openedBallot(30, 1);
    const clientKey = ballotClientKey(`198.51.100.${Math.floor(Math.random() * 250)}`)!;
    const guesses = [];
    for (let i = 0; i < 20; i++) guesses.push(await refusal(castVote({ publicKey: ballot.publicKey, code: `AAAA-AAAA-AA${String(i).padStart(2, "0")}`, answers: ANSWERS3, clientKey })));
    expect(guesses.every((g) => g === "vitality.ballot.codeInvalid")).toBe(true);
    expect(await refusal(castVote({ publicKey: ballot.publicKey, code: codes[0]!, answers: ANSWERS3, clientKey }))).toBe("vitality.ballot.tooManyAttempts");
    expect(await refusal(castVote({ publicKey: ballot.publicKey, code: codes[0]!, answers: ANSWERS3, clientKey: ballotClientKey("203.0.113.9") }))).toBe("accepted");
    const stored = await db().loginThrottle.findMany({ where: { key: { startsWith: "ballot:" } } });
    expect(stored.some((row) => row.key.includes("198.51.100") || row.key.includes("203.0.113"))).toBe(false);
  });
});

describe("no results while open", () => {
  it("refuses a partial tally while open, refuses settings changes after opening, shows the result after closing", async () => {
    const { ballot, codes } = await openedBallot(3, 3);
    await castVote({ publicKey: ballot.publicKey, code: codes[0]!, answers: ANSWERS3, clientKey: null });
    expect(await refusal(ballotResult(db(), ballot.id))).toBe("vitality.ballot.resultsAfterClose");
    expect(await refusal(openBallot(ctx, ballot.id))).toBe("vitality.ballot.notDraft");
    // the ballot row is not touched by a cast: nothing on it moves while voting
    const row = await db().vitalityBallot.findUniqueOrThrow({ where: { id: ballot.id } });
    expect(row).toMatchObject({ votes: null, tally: null, valid: null, version: 2 });
    await closeBallot(ctx, ballot.id);
    expect(await refusal(castVote({ publicKey: ballot.publicKey, code: codes[1]!, answers: ANSWERS3, clientKey: null }))).toBe("vitality.ballot.notOpen");
    const result = await ballotResult(db(), ballot.id);
    expect(result).toMatchObject({ votes: 1, required: 2, valid: false });
  });
});

describe("validity 四.2 and the combined result", () => {
  it("19 of 30 is invalid and can be rerun once; 20 of 30 is valid; the result combines 80/20", async () => {
    const first = await openedBallot(30, 30);
    for (const code of first.codes.slice(0, 19)) await castVote({ publicKey: first.ballot.publicKey, code, answers: ["DISSATISFIED", "SATISFIED", "SATISFIED"], clientKey: null });
    const invalid = await closeBallot(ctx, first.ballot.id, { slipsHandedOut: 30, slipsReturned: 19, present: 19 });
    expect(invalid).toMatchObject({ votes: 19, required: 20, valid: false });

    const rerun = await rerunBallot(ctx, first.ballot.id, new Date("2026-07-10T00:00:00Z"));
    expect(rerun).toMatchObject({ rerunOfId: first.ballot.id, due: 30, status: "DRAFT" });
    expect(await refusal(rerunBallot(ctx, first.ballot.id, new Date("2026-07-11T00:00:00Z")))).toBe("vitality.ballot.rerunOnlyInvalid");
    const codes = await issueCodes(ctx, rerun.id, 30);
    await openBallot(ctx, rerun.id);
    // 20 papers on the committee: 12 satisfied, 6 basic, 2 dissatisfied → 90% satisfied, 10% dissatisfied
    const committee = [...Array(12).fill("SATISFIED"), ...Array(6).fill("BASIC"), ...Array(2).fill("DISSATISFIED")];
    for (const [i, code] of codes.slice(0, 20).entries()) await castVote({ publicKey: rerun.publicKey, code, answers: [committee[i], "SATISFIED", "BASIC"], clientKey: null });
    const valid = await closeBallot(ctx, rerun.id, { slipsHandedOut: 30, slipsReturned: 20, present: 20 });
    expect(valid).toMatchObject({ votes: 20, required: 20, valid: true });

    await recordHigherEvaluation(ctx, enrolmentId, { scorePercent: "60", partyOrganisation: "测试企业党支部", evaluatedOn: new Date("2026-07-15T00:00:00Z") });
    const result = await unitResult(db(), enrolmentId);
    expect(result.ballot).toMatchObject({ id: rerun.id, votes: 20, due: 30, required: 20, valid: true });
    expect(result.member?.denominator).toBe(20);
    expect(result.member?.satisfactionPercent.toString()).toBe("90");
    expect(result.combined?.toString()).toBe("84"); // 90 × 80% + 60 × 20%
    // no plan published and no dual report receipts yet (五: 3+x and 双述 required)
    expect(result.class).toBe("BELOW_STANDARD");
    expect(result.consequences).toMatchObject({ admonitionDue: false, awardPriority: false, chairpersonAdjustmentDue: false });
  });

  it("paper totals need two different tellers and consistent totals, under the same rule", async () => {
    const ballot = await createBallot(ctx, { enrolmentId, kind: "PAPER", meetingName: "会员大会（纸质）", meetingDate: new Date("2026-06-30T00:00:00Z"), due: 30, items: ["COMMITTEE", "CHAIRPERSON"] });
    const totals = { tally: [[10, 5, 5], [15, 5, 0]] as [number, number, number][], tellerName: "李计票", scrutineerName: "李计票" };
    expect(await refusal(enterPaperTotals(ctx, ballot.id, totals))).toBe("vitality.ballot.tellersSame");
    expect(await refusal(enterPaperTotals(ctx, ballot.id, { ...totals, scrutineerName: "赵监票", tally: [[10, 5, 5], [15, 5, 1]] }))).toBe("vitality.ballot.paperTotalsInvalid");
    const closed = await enterPaperTotals(ctx, ballot.id, { ...totals, scrutineerName: "赵监票", slipsHandedOut: 30 });
    expect(closed).toMatchObject({ status: "CLOSED", votes: 20, required: 20, valid: true, tellerName: "李计票", scrutineerName: "赵监票" });
    expect(await refusal(enterPaperTotals(ctx, ballot.id, { ...totals, scrutineerName: "赵监票" }))).toBe("vitality.ballot.closed");
  });
});

describe("secrecy by design (四.2 无记名投票)", () => {
  it("the schema gives a vote no time, sequence, code, person or address", async () => {
    const columns = await db().$queryRaw<{ table_name: string; column_name: string; data_type: string; column_default: string | null }[]>`
      SELECT table_name::text, column_name::text, data_type::text, column_default::text FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name IN ('VitalityVote', 'VitalityBallotCode') ORDER BY table_name, ordinal_position`;
    const of = (t: string) => columns.filter((c) => c.table_name === t);
    expect(of("VitalityVote").map((c) => c.column_name)).toEqual(["id", "ballotId", "answers"]);
    expect(of("VitalityBallotCode").map((c) => c.column_name)).toEqual(["id", "ballotId", "hash", "used"]);
    for (const c of columns) {
      expect(c.data_type).not.toMatch(/time|date|interval|inet|cidr/);
      expect(c.column_default ?? "").not.toMatch(/nextval|now|current_/i);
    }
    expect(of("VitalityVote").find((c) => c.column_name === "id")?.data_type).toBe("uuid");
    // Foreign keys out of the vote table: only to its ballot.
    const fks = await db().$queryRaw<{ target: string }[]>`
      SELECT confrelid::regclass::text AS target FROM pg_constraint WHERE contype = 'f' AND conrelid = '"VitalityVote"'::regclass`;
    expect(fks.map((f) => f.target)).toEqual(['"VitalityBallot"']);
    // No other table refers to a vote or a code.
    const refs = await db().$queryRaw<{ source: string }[]>`
      SELECT conrelid::regclass::text AS source FROM pg_constraint WHERE contype = 'f' AND confrelid IN ('"VitalityVote"'::regclass, '"VitalityBallotCode"'::regclass)`;
    expect(refs).toEqual([]);
  });

  it("after a ballot, nothing links a vote to a code, a moment, a person or an address", async () => {
    const auditBefore = await db().auditLog.count();
    const logsBefore = logLines.length;
    const { ballot, codes } = await openedBallot(30, 25);
    const hashes = codes.map((c) => hashBallotCode(normalizeBallotCode(c)!));
    const auditAfterOpen = await db().auditLog.count();
    const ip = "192.0.2.77";
    for (const code of codes.slice(0, 22)) await castVote({ publicKey: ballot.publicKey, code, answers: ANSWERS3, clientKey: ballotClientKey(ip) });
    await refusal(castVote({ publicKey: ballot.publicKey, code: codes[0]!, answers: ANSWERS3, clientKey: ballotClientKey(ip) }));
    // Casting wrote no audit row.
    expect(await db().auditLog.count()).toBe(auditAfterOpen);

    const idsWhileOpen = (await db().vitalityVote.findMany({ where: { ballotId: ballot.id }, select: { id: true } })).map((v) => v.id);
    await closeBallot(ctx, ballot.id);

    // The codes are gone; every vote got a new random id and one shared transaction id (no per-cast xmin).
    expect(await db().vitalityBallotCode.count({ where: { ballotId: ballot.id } })).toBe(0);
    const votes = await db().$queryRaw<{ id: string; xmin: string }[]>`SELECT id::text, xmin::text FROM "VitalityVote" WHERE "ballotId" = ${ballot.id}`;
    expect(votes).toHaveLength(22);
    expect(votes.filter((v) => idsWhileOpen.includes(v.id))).toEqual([]);
    expect(new Set(votes.map((v) => v.xmin)).size).toBe(1);

    // Audit rows of the ballot: created, codes issued (a count), opened, closed, tallied — never a cast, code or hash.
    const audit = await db().auditLog.findMany({ where: { entityType: "VitalityBallot", entityId: String(ballot.id) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["vitality.ballot.create", "vitality.ballot.codesIssued", "vitality.ballot.open", "vitality.ballot.close", "vitality.ballot.tally"]);
    expect(await db().auditLog.count()).toBe(auditBefore + 5);
    const auditText = JSON.stringify(audit, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    for (const secret of [...codes, ...codes.map((c) => normalizeBallotCode(c)!), ...hashes, ip, ...votes.map((v) => v.id)]) expect(auditText).not.toContain(secret);

    // Log output of the whole flow (logger at trace): no code, hash, address or vote id.
    const logText = logLines.slice(logsBefore).join("");
    for (const secret of [...codes, ...hashes, ip, ...votes.map((v) => v.id)]) expect(logText).not.toContain(secret);

    // The throttle keeps only a hash of the address, and only for failures.
    expect((await db().loginThrottle.findMany()).some((r) => r.key.includes(ip))).toBe(false);
  });

  it("a vote's answers cannot be changed or deleted by the application role", async () => {
    const { ballot, codes } = await openedBallot(3, 1);
    await castVote({ publicKey: ballot.publicKey, code: codes[0]!, answers: ANSWERS3, clientKey: null });
    await closeBallot(ctx, ballot.id);
    await expect(db().$executeRaw`UPDATE "VitalityVote" SET answers = ARRAY['SATISFIED','SATISFIED','SATISFIED']::"VitalityAnswer"[] WHERE "ballotId" = ${ballot.id}`).rejects.toThrow();
    await expect(db().$executeRaw`DELETE FROM "VitalityVote" WHERE "ballotId" = ${ballot.id}`).rejects.toThrow();
    expect((await ballotResult(db(), ballot.id)).tally[0]).toEqual([1, 0, 0]);
  });
});

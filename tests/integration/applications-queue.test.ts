/**
 * Review queues against PostgreSQL: each role sees its own stage in its own
 * subtree, overdue applications first, with filters, search and pagination; the
 * chairperson's meeting sees every stage (18.3); drafts are never listed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createDraft } from "@/lib/applications/drafts";
import { runApplicationCommand } from "@/lib/applications/commands";
import { QUEUE_PAGE_SIZE, loadApplicationPage, queueCount, reviewQueue, type QueueFilters } from "@/lib/applications/queries";
import { db } from "@/lib/db";
import { yuan } from "@/lib/money";
import { actorOf, createUser, ctxOf } from "../helpers/fixtures";
import { advanceTo, applicationWorld, form, submitted, type ApplicationWorld } from "./applications-fixtures";

let w: ApplicationWorld;
const mine: QueueFilters = { view: "mine", sort: "due", page: 1 };
const ids = (rows: { id: number }[]) => rows.map((r) => r.id);
let atDistrict: number[] = [];
let otherDistrictApplication = 0;
let atOffice = 0;
let draft = 0;

beforeAll(async () => {
  w = await applicationWorld();
  atDistrict = [];
  for (let i = 0; i < 3; i++) {
    const id = await submitted(w, form({ requestedAmount: yuan(String(1000 + i * 500)), article: i === 2 ? "ART15" : "ART16", eventType: i === 2 ? "UNFAIR_TREATMENT_LOSS" : "REMOVAL" }));
    await advanceTo(w, id, "DISTRICT");
    atDistrict.push(id);
  }
  // The second one is overdue.
  await db().application.update({ where: { id: atDistrict[1]! }, data: { stageDueAt: new Date(Date.now() - 86_400_000) } });
  atOffice = await submitted(w);
  await advanceTo(w, atOffice, "OFFICE");
  const otherCadre = w.actors.otherCadre;
  const other = await createDraft(ctxOf(otherCadre), form());
  const otherGrassroots = actorOf(await createUser(w.tree.otherGrassroots.id, ["GRASSROOTS_OFFICER"]));
  const { version } = await db().application.findUniqueOrThrow({ where: { id: other.id } });
  await runApplicationCommand(ctxOf(otherCadre), { applicationId: other.id, version, command: { type: "SUBMIT" } });
  await runApplicationCommand(ctxOf(otherGrassroots), { applicationId: other.id, version: version + 1, command: { type: "FORWARD", stage: "GRASSROOTS" }, opinion: "同意" });
  otherDistrictApplication = other.id;
  draft = (await createDraft(ctxOf(w.actors.cadre), form())).id;
});

describe("review queues", () => {
  it("gives the district reviewer its own stage in its subtree, overdue first", async () => {
    const q = await reviewQueue(w.actors.district, mine);
    expect(ids(q.rows)).toEqual([atDistrict[1], atDistrict[0], atDistrict[2]]);
    expect(q.rows.map((r) => r.overdue)).toEqual([true, false, false]);
    expect(q).toMatchObject({ total: 3, overdueTotal: 1, page: 1, pages: 1 });
    expect(ids(q.rows)).not.toContain(otherDistrictApplication);
    expect(await queueCount(w.actors.district)).toBe(3);
    expect(ids((await reviewQueue(w.actors.otherDistrict, mine)).rows)).toEqual([otherDistrictApplication]);
  });

  it("keeps overdue first under every sort, and sorts the rest", async () => {
    const byAmount = await reviewQueue(w.actors.district, { ...mine, sort: "amount" });
    expect(ids(byAmount.rows)).toEqual([atDistrict[1], atDistrict[2], atDistrict[0]]);
    const bySubmission = await reviewQueue(w.actors.district, { ...mine, sort: "submitted" });
    expect(ids(bySubmission.rows)).toEqual([atDistrict[1], atDistrict[2], atDistrict[0]]);
  });

  it("filters by article and finds by number, id or applicant name", async () => {
    expect(ids((await reviewQueue(w.actors.district, { ...mine, article: "ART15" })).rows)).toEqual([atDistrict[2]]);
    const number = (await db().application.findUniqueOrThrow({ where: { id: atDistrict[0]! } })).number;
    expect(ids((await reviewQueue(w.actors.district, { ...mine, q: number.toLowerCase() })).rows)).toEqual([atDistrict[0]]);
    expect(ids((await reviewQueue(w.actors.district, { ...mine, q: String(atDistrict[2]) })).rows)).toEqual([atDistrict[2]]);
    expect((await reviewQueue(w.actors.district, { ...mine, q: w.users.cadre.displayName })).total).toBe(3);
    expect((await reviewQueue(w.actors.district, { ...mine, q: "没有这个人" })).total).toBe(0);
  });

  it("shows the office its stage city-wide, the chairperson's meeting every stage, and never drafts", async () => {
    expect(ids((await reviewQueue(w.actors.office, mine)).rows)).toEqual([atOffice]);
    const chair = await reviewQueue(w.actors.chair, mine);
    expect(ids(chair.rows).sort()).toEqual([...atDistrict, atOffice, otherDistrictApplication].sort());
    const all = await reviewQueue(w.actors.office, { ...mine, view: "all" });
    expect(ids(all.rows)).not.toContain(draft);
    expect(ids(all.rows)).toEqual(expect.arrayContaining([...atDistrict, atOffice, otherDistrictApplication]));
    expect(ids((await reviewQueue(w.actors.office, { ...mine, view: "all", status: "DRAFT" })).rows)).toEqual([]);
  });

  it("pages through a long queue", async () => {
    const extra: number[] = [];
    for (let i = 0; i < QUEUE_PAGE_SIZE; i++) extra.push(await submitted(w));
    const first = await reviewQueue(w.actors.grassroots, mine);
    const second = await reviewQueue(w.actors.grassroots, { ...mine, page: 2 });
    const beyond = await reviewQueue(w.actors.grassroots, { ...mine, page: 99 });
    expect(first.total).toBe(QUEUE_PAGE_SIZE);
    expect(first.rows).toHaveLength(QUEUE_PAGE_SIZE);
    expect(second.page).toBe(1);
    expect(beyond.page).toBe(1);
    expect(ids(first.rows).sort()).toEqual(extra.sort());
    const next = await submitted(w);
    const two = await reviewQueue(w.actors.grassroots, { ...mine, page: 2 });
    expect(two).toMatchObject({ page: 2, pages: 2, total: QUEUE_PAGE_SIZE + 1 });
    expect(ids(two.rows)).toEqual([next]);
  });

  it("loads the application page with history, audit trail and duplicate hints", async () => {
    const page = await loadApplicationPage(atDistrict[0]!);
    expect(page?.app.reviews.map((r) => r.action)).toEqual(["SUBMIT", "FORWARD"]);
    expect(page?.audit.map((a) => a.action)).toEqual(expect.arrayContaining(["application.create", "application.submit", "application.forward", "review.create"]));
    expect(page?.duplicates.length).toBeGreaterThan(0);
    expect(await loadApplicationPage(2_000_000_000)).toBeNull();
  });
});

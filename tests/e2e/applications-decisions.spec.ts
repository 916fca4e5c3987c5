/**
 * The other endings of the art. 18 chain as the real demo roles: an ineligible
 * part-time cadre (art. 2), a rejection with reasons, and a special case
 * approved directly by the 中山区 chairperson's office meeting (18.3). Also the
 * reviewer's queue scope, the English UI of the application page, and accessibility
 * (axe) of the applications pages at desktop and phone width.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { as, fileApplication, isoDate, openFromQueue, personas, review } from "./applications-helpers";
import { confirmStep } from "./helpers";

test("a part-time cadre sees why they are not covered (art. 2) and cannot submit", async ({ browser }) => {
  const cadre3 = await as(browser, "cadre3");
  await cadre3.goto("/applications/new");
  const eligibility = cadre3.getByTestId("eligibility");
  await expect(eligibility).toContainText("不符合申请条件（《办法》第二条），不能提交申请");
  await expect(eligibility).toContainText("您的职务不是工会主席、副主席或专职工会干部（第二条）");
  await fileApplication(cadre3, { article: "第十五条 受不公正待遇", eventType: "受不公正待遇，造成一定经济损失", eventDate: isoDate(0, -5), amount: "1000" });
  await expect(cadre3.getByTestId("eligibility")).toContainText("不符合申请条件");
  await expect(cadre3.getByRole("button", { name: "提交申请" })).toBeDisabled();
});

// Each flow below is split into its steps (serial, one application per flow) so none needs more than a
// fraction of its timeout on a busy machine.
test.describe.serial("the own union rejects an application with reasons and the applicant sees them", () => {
  const person = personas();
  let url = "";
  let number = "";

  test("rejection (1/3): the applicant files and submits; another district's reviewer cannot open it", async ({ browser }) => {
    const cadre = await person(browser, "dl-shk-002.cadre");
    ({ url, number } = await fileApplication(cadre, { article: "第十六条 打击报复或人身侵害", eventType: "诽谤", eventDate: isoDate(0, -3), amount: "1200" }));
    await cadre.getByRole("button", { name: "提交申请" }).click();
    await expect(cadre.getByTestId("application-status")).toHaveText("审核中 · 基层工会研究提出意见");

    // Another district's reviewer cannot open it (subtree scope).
    const outsider = await person(browser, "xg.reviewer");
    const denied = await outsider.goto(url);
    expect(denied?.status()).toBe(403);
    await expect(outsider.getByRole("heading", { level: 1 })).toHaveText("无权访问（403）");
  });

  test("rejection (2/3): the own union rejects it with reasons", async ({ browser }) => {
    const officer = await person(browser, "dl-shk-002.officer");
    await openFromQueue(officer, number);
    await review(officer, "不予支持", "理由（申请人可见）", "经工会委员会核实，所述言论与履行工会职责无关。", "未获支持");
    await expect(officer.getByTestId("action-panel")).toHaveCount(0);
  });

  test("rejection (3/3): the applicant sees the reasons and a notification", async ({ browser }) => {
    const cadre = await person(browser, "dl-shk-002.cadre");
    await cadre.goto(url);
    await expect(cadre.getByTestId("closing-reason")).toContainText("经工会委员会核实，所述言论与履行工会职责无关。");
    await cadre.goto("/notifications");
    await expect(cadre.getByTestId("notifications")).toContainText(`申请未获支持：${number}`);
  });
});

test.describe.serial("the 中山区 chairperson's office meeting approves a special case directly (18.3)", () => {
  const person = personas();
  let url = "";
  let number = "";

  test("fast track (1/3): the applicant submits and the own union reports on", async ({ browser }) => {
    const cadre = await person(browser, "dl-zs-001.cadre");
    ({ url, number } = await fileApplication(cadre, { article: "第十六条 打击报复或人身侵害", eventType: "人身伤害", eventDate: isoDate(0, -2), amount: "3000" }));
    await cadre.getByRole("button", { name: "提交申请" }).click();
    await expect(cadre.getByTestId("application-status")).toHaveText("审核中 · 基层工会研究提出意见");

    const officer = await person(browser, "dl-zs-001.officer");
    await openFromQueue(officer, number);
    await review(officer, "同意并上报", "所在单位工会意见", "情况紧急，同意上报。", "审核中 · 区市县/产业工会调查核实");
  });

  test("fast track (2/3): the 中山区 chairperson's office meeting approves it directly", async ({ browser }) => {
    const chair = await person(browser, "zs.chair");
    await openFromQueue(chair, number);
    const fastTrack = chair.getByRole("form", { name: "主席办公会议审定（特殊情况）" });
    await expect(fastTrack).toContainText("特殊情况可直接由各级主席办公会议审定批准");
    await fastTrack.getByLabel("批准金额或月数").fill("3000");
    await fastTrack.getByLabel("审定意见").fill("中山区总工会主席办公会议第 15 次会议审定：人身受到伤害，情况紧急，直接批准。");
    await fastTrack.getByRole("button", { name: "审定批准" }).click();
    await confirmStep(chair, "确认批准");
    await expect(chair.getByTestId("application-status")).toHaveText("已批准");
    await expect(chair.getByTestId("decision")).toHaveText("申请已由主席办公会议审定（特殊情况）批准：一次性补助 3,000.00 元。");
    await expect(chair.getByTestId("history")).toContainText("主席办公会议审定（特殊情况）");
    await expect(chair.getByTestId("payables")).toContainText("中山区总工会基层工会干部权益保障基金");
  });

  test("fast track (3/3): the applicant reads the decision in English too", async ({ browser }) => {
    const cadre = await person(browser, "dl-zs-001.cadre");
    await cadre.goto(url);
    await cadre.getByRole("button", { name: /English/ }).click();
    await expect(cadre.getByRole("link", { name: "My applications" }).first()).toBeVisible();
    await cadre.goto(url);
    await expect(cadre.getByTestId("application-status")).toHaveText("Approved");
    await expect(cadre.getByTestId("decision")).toHaveText("Approved (Chairperson's office meeting (special case)): a one-off subsidy of 3,000.00 yuan.");
  });
});

test("each reviewer's queue holds only their stage in their subtree", async ({ browser }) => {
  // Seeded: DLQB-…-000005 waits at 西岗区 (district stage), …-000006 at the office.
  const xg = await as(browser, "xg.reviewer");
  await xg.goto("/applications/queue");
  await expect(xg.getByRole("heading", { level: 1 })).toHaveText("待办审核");
  await expect(xg.getByTestId("queue-summary")).toContainText("共");
  const rows = xg.getByRole("table", { name: "待办审核" }).getByRole("row");
  await expect(rows.filter({ hasText: "刘文博" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "陈晓东" })).toHaveCount(0);

  const office = await as(browser, "office");
  await office.goto("/applications/queue?article=ART16&sort=submitted");
  await expect(office.getByRole("table", { name: "待办审核" }).getByRole("row").filter({ hasText: "陈晓东" })).toHaveCount(1);
  await expect(office.getByRole("table", { name: "待办审核" }).getByRole("row").filter({ hasText: "刘文博" })).toHaveCount(0);
});

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} @ ${page.url()}`);
}

// One test per page (axe over a page is slow on a busy machine): each well below its timeout.
for (const [username, path] of [
  ["cadre", "/applications"],
  ["cadre", "/applications/new"],
  ["office", "/applications/queue"],
  ["office", "/notifications"],
] as const) {
  test(`the applications pages have no serious accessibility violations and fit a phone: ${path} (${username})`, async ({ browser }) => {
    const page = await as(browser, username);
    await page.goto(path);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
}

/** The office opens an application in review at its stage (with its action panel). */
async function officeApplication(browser: Browser): Promise<Page> {
  const office = await as(browser, "office");
  await office.goto("/applications/queue?view=all&q=陈晓东");
  await office.getByRole("table", { name: "待办审核" }).getByRole("link").first().click();
  await expect(office.getByTestId("action-panel")).toBeVisible();
  return office;
}

test("the applications pages have no serious accessibility violations and fit a phone: an application with its action panel", async ({ browser }) => {
  const office = await officeApplication(browser);
  expect(await seriousViolations(office)).toEqual([]);
  await office.setViewportSize({ width: 375, height: 800 });
  await office.reload();
  await expect(office.getByTestId("action-panel")).toBeVisible();
  expect(await office.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await office.context().close();
});

test("the applications pages have no serious accessibility violations and fit a phone: the printable form", async ({ browser }) => {
  const office = await officeApplication(browser);
  await office.setViewportSize({ width: 375, height: 800 });
  await office.getByRole("link", { name: "打印申报表" }).click();
  await expect(office.getByTestId("print-sheet")).toBeVisible();
  expect(await office.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(office)).toEqual([]);
  await office.context().close();
});

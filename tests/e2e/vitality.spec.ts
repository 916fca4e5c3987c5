/**
 * The vitality project's dual evaluation end to end (《实施方案》三, 四.2): a district reviewer enrols a unit,
 * runs a members' ballot for 30 (slip sheet with 30 QR codes), 20 members vote from phone-sized browsers
 * without an account (one with JavaScript disabled), a reused code is refused, the ballot closes valid, the
 * higher evaluation is entered and the result shows the combined rate and class; a second ballot with
 * 19 of 30 is invalid.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const UNIT = "大连中山商业大厦股份有限公司工会";
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "zh-CN" };

async function enrol(page: Page) {
  await page.goto("/vitality?year=2026");
  const form = page.getByRole("form", { name: "纳入项目单位" });
  await form.getByLabel("基层工会").selectOption({ label: UNIT });
  await form.getByLabel("年度").fill("2026");
  await form.getByLabel("单位性质").selectOption("JOINT_STOCK");
  await form.getByLabel("所有制").selectOption("NON_PUBLIC");
  await form.getByLabel("职工人数").fill("410");
  await form.getByLabel("会员人数").fill("30");
  await form.getByLabel("工会主席", { exact: false }).first().fill("周主席");
  await form.getByLabel("同级党组织").fill("中山商业大厦党委");
  await form.getByRole("button", { name: "纳入项目" }).click();
  await expect(form.getByTestId("form-message")).toHaveText("已纳入项目。");
}

/** Create an online ballot for 30 from the unit page, issue 30 codes, read them off the slip sheet, open it. */
async function ballotOf30(page: Page, meetingDate: string): Promise<{ link: string; codes: string[] }> {
  await page.goto("/vitality?year=2026");
  await page.getByRole("link", { name: UNIT }).click();
  const create = page.getByRole("form", { name: "建立评议投票" });
  await create.getByLabel("会议日期").fill(meetingDate);
  await expect(create.getByLabel("应到会会员（代表）人数")).toHaveValue("30");
  await create.getByRole("button", { name: "建立投票" }).click();
  await expect(page.getByTestId("ballot-status")).toContainText("未开始");
  const issue = page.getByRole("form", { name: "生成投票码" });
  await issue.getByLabel("数量").fill("30");
  await issue.getByRole("button", { name: "生成投票码" }).click();
  const slips = page.getByTestId("slip");
  await expect(slips).toHaveCount(30);
  await expect(page.getByTestId("slip-sheet").locator("svg")).toHaveCount(30);
  const codes = await page.getByTestId("slip-code").allTextContents();
  expect(new Set(codes).size).toBe(30);
  await page.getByRole("form", { name: "开始投票" }).getByRole("button", { name: "开始投票" }).click();
  await expect(page.getByTestId("ballot-status")).toContainText("投票中");
  const link = (await page.getByTestId("member-link").getAttribute("href"))!;
  return { link, codes };
}

async function vote(browser: Browser, link: string, code: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(`${link}?c=${encodeURIComponent(code)}`);
  await expect(page.getByRole("heading", { name: "工会工作民主评议（无记名投票）" })).toBeVisible();
  for (const group of await page.getByRole("group").all()) await group.getByLabel("满意", { exact: true }).check();
  await page.getByRole("button", { name: "提交评议" }).click();
  return page;
}

async function close(page: Page) {
  const form = page.getByRole("form", { name: "结束投票并计票" });
  await form.getByLabel("发出票条数").fill("30");
  await form.getByRole("button", { name: "结束投票并计票" }).click();
}

test("enrol, ballot of 30 with 20 phone votes (one without JavaScript), reuse refused, valid, combined result", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signIn(page, "zs.reviewer");
  await enrol(page);
  const { link, codes } = await ballotOf30(page, "2026-06-30");

  for (const [i, code] of codes.slice(0, 20).entries()) {
    const member = await vote(browser, link, code, i !== 7);
    await expect(member.getByTestId("ballot-receipt")).toHaveText("您的评议已计入");
    if (i === 0) expect((await new AxeBuilder({ page: member }).withTags(["wcag2a", "wcag2aa"]).analyze()).violations).toEqual([]);
    await member.context().close();
  }
  const reused = await vote(browser, link, codes[0]!);
  await expect(reused.getByTestId("ballot-error")).toHaveText("投票码无效或已使用，请核对票条上的投票码。");
  await reused.context().close();

  await page.reload();
  await expect(page.getByText("投票进行中：任何人（包括管理员）都不能查看已投票数或计票结果，结束后才显示。")).toBeVisible();
  await close(page);
  await expect(page.getByTestId("ballot-validity")).toHaveText("有效：20 票，应到 30 人，至少需要 20 票。");

  await page.getByRole("link", { name: `${UNIT} · 2026` }).click();
  const evaluation = page.getByRole("form", { name: "上级组织工作评价" });
  await evaluation.getByLabel("评价满意率（%）").fill("80");
  await evaluation.getByLabel("评价日期").fill("2026-07-05");
  await evaluation.getByRole("button", { name: "保存评价" }).click();
  await expect(evaluation.getByTestId("form-message")).toHaveText("评价已保存。");
  await page.reload();
  // 100% × 80% + 80% × 20% = 96%
  await expect(page.getByTestId("combined")).toHaveText("96.00%（会员权重 80%）");
  await expect(page.getByTestId("unit-result")).toContainText("满意 100.00% · 不满意 0.00%（分母 20 票）");
  await expect(page.getByTestId("unit-result")).toContainText("综合满意率超过90%：评先选优时优先考虑");
});

test("a second ballot with 19 of 30 is invalid", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signIn(page, "zs.reviewer");
  const { link, codes } = await ballotOf30(page, "2026-07-10");
  for (const code of codes.slice(0, 19)) {
    const member = await vote(browser, link, code, false);
    await expect(member.getByTestId("ballot-receipt")).toBeVisible();
    await member.context().close();
  }
  await page.reload();
  await close(page);
  await expect(page.getByTestId("ballot-validity")).toHaveText("无效：19 票，应到 30 人，至少需要 20 票（不足三分之二），可重新组织评议。");
  await expect(page.getByRole("form", { name: "重新组织评议" })).toBeVisible();
});

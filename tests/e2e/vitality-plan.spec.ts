/**
 * The vitality project's plan, 双述 report and consequences end to end (《实施方案》四.1, 四.2): the unit's officer
 * records and publishes the "3+x" plan, a member opens the plan link on a phone without signing in (JavaScript off)
 * and leaves an anonymous suggestion, the officer sees it and submits the dual report with both receipts; the upper
 * union records the admonition talk the demo unit's 55% dissatisfaction calls for, and the results notice prints.
 * Serial steps, each far below its timeout.
 */
import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

const UNIT = "大连滨海精密仪器有限公司工会";
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "zh-CN" };
const SUGGESTION = "建议每季度公开一次集体协商进展（演示）";
let planLink = "";

async function openUnit(page: Page, username: string) {
  await signIn(page, username);
  await page.goto("/vitality?year=2025");
  await page.getByRole("link", { name: UNIT }).click();
  await expect(page.getByRole("heading", { name: UNIT })).toBeVisible();
}

test("the officer records the 3+x plan and publishes it", async ({ page }) => {
  await openUnit(page, "dl-zs-001.officer");
  await page.getByRole("link", { name: "年度计划" }).click();
  await expect(page.getByRole("heading", { name: "2025 年度工作计划" })).toBeVisible();
  await expect(page.getByTestId("plan-unpublished")).toBeVisible();
  const form = page.getByRole("form", { name: "录入年度计划" });
  const basic = (system: string) => form.getByRole("group", { name: `基本制度：${system}` });
  // A basic system without its goal is refused next to the field (四.1: each basic system has status and goal).
  await basic("工会组织制度").getByLabel("目标").fill("");
  await form.getByRole("button", { name: "保存计划" }).click();
  await expect(form.getByTestId("error-goal_ORGANISATION")).toHaveText("此项为必填项");
  await basic("工会组织制度").getByLabel("现状").fill("工会委员会 7 人，按期换届");
  await basic("工会组织制度").getByLabel("目标").fill("会员入会率达到 95%");
  await basic("集体协商制度").getByLabel("目标").fill("签订年度工资专项集体合同");
  await basic("民主管理制度").getByLabel("目标").fill("每年召开两次职工代表大会");
  const x = form.getByRole("group", { name: "自选项目 x1" });
  await x.getByLabel("项目名称").fill("职工书屋");
  await x.getByLabel("目标").fill("建成职工书屋并开放");
  await x.getByLabel("时间安排").fill("2025 年 9 月前");
  await form.getByRole("button", { name: "保存计划" }).click();
  await expect(form.getByTestId("form-message")).toHaveText("计划已保存。");

  const publish = page.getByRole("form", { name: "向会员（代表）公布" });
  await publish.getByLabel("公布日期").fill("2025-03-01");
  await publish.getByLabel("公布方式").fill("会员代表大会通报");
  await publish.getByRole("button", { name: "公布计划" }).click();
  await expect(publish.getByTestId("form-message")).toHaveText("计划已公布。");
  await expect(page.getByTestId("plan-published")).toContainText("已于 2025-03-01 公布（会员代表大会通报）");
  planLink = (await page.getByTestId("plan-link").getAttribute("href"))!;
  expect(planLink).toMatch(/\/plan\/[A-Za-z0-9_-]{20,}$/);
});

test("a member opens the plan link without signing in and leaves an anonymous suggestion", async ({ browser }) => {
  expect(planLink).not.toBe("");
  // With JavaScript: an empty suggestion is refused next to the field.
  const withJs = await browser.newContext(PHONE);
  const first = await withJs.newPage();
  await first.goto(planLink);
  await expect(first.getByRole("heading", { name: "2025 年度工会工作计划" })).toBeVisible();
  await expect(first.getByTestId("public-plan").getByRole("listitem")).toHaveCount(4);
  await expect(first.getByTestId("public-plan")).toContainText("职工书屋");
  expect((await new AxeBuilder({ page: first }).withTags(["wcag2a", "wcag2aa"]).analyze()).violations).toEqual([]);
  await first.getByRole("button", { name: "匿名提交" }).click();
  await expect(first.getByTestId("error-text")).toHaveText("此项为必填项");
  await withJs.close();

  // Without JavaScript: the plain form posts and lands on the receipt.
  const noJs = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  const member = await noJs.newPage();
  await member.goto(planLink);
  await member.getByLabel("您的意见或建议").fill(SUGGESTION);
  await member.getByRole("button", { name: "匿名提交" }).click();
  await expect(member.getByTestId("suggestion-receipt")).toHaveText("谢谢，您的意见已收到。");
  await noJs.close();
});

test("the officer sees the suggestion and submits the 双述 report with both receipts", async ({ page }) => {
  await openUnit(page, "dl-zs-001.officer");
  await page.getByRole("link", { name: "年度计划" }).click();
  await expect(page.getByTestId("suggestions")).toContainText(SUGGESTION);

  await page.goto(page.url().replace(/\/plan$/, "/report"));
  await expect(page.getByRole("heading", { name: "2025 年度工会主席述职报告" })).toBeVisible();
  const form = page.getByRole("form", { name: "录入述职报告" });
  await form.getByLabel("“3+x”工作模式完成情况").fill("三项基本制度均已建立并运行，职工书屋建成开放。");
  await form.getByLabel("工会经费收缴（元）").fill("十万");
  await form.getByLabel("工会经费管理（元）").fill("120000");
  await form.getByLabel("工会经费使用（元）").fill("98500.5");
  await form.getByLabel("个人履职情况").fill("按期召开委员会议，参与工资集体协商。");
  await form.getByRole("button", { name: "保存述职报告" }).click();
  await expect(form.getByTestId("error-fundsCollected")).toHaveText("请输入金额（元，最多两位小数）");
  await form.getByLabel("工会经费收缴（元）").fill("120000");
  await form.getByRole("button", { name: "保存述职报告" }).click();
  await expect(form.getByTestId("form-message")).toHaveText("述职报告已保存。");
  await expect(page.getByTestId("report-funds")).toHaveText("收缴 120,000.00 元，管理 120,000.00 元，使用 98,500.50 元");

  const receipt = page.getByRole("form", { name: "登记述职回执" });
  await receipt.getByLabel("述职对象").selectOption("CONGRESS");
  await receipt.getByLabel("述职日期").fill("2025-12-20");
  await receipt.getByRole("button", { name: "登记回执" }).click();
  await expect(page.getByTestId("receipt-congress")).toHaveText("已于 2025-12-20 述职");
  await receipt.getByLabel("述职对象").selectOption("HIGHER");
  await receipt.getByLabel("述职日期").fill("2025-12-26");
  await receipt.getByRole("button", { name: "登记回执" }).click();
  await expect(page.getByTestId("receipt-higher")).toHaveText("已于 2025-12-26 述职");
  await expect(page.getByTestId("receipt-congress")).toHaveText("已于 2025-12-20 述职");
});

test("the upper union records the admonition talk (dissatisfaction 55% > 50%) and the results notice prints", async ({ page }) => {
  await openUnit(page, "zs.reviewer");
  await expect(page.getByTestId("unit-result")).toContainText("不满意 55.00%（分母 20 票）");
  // Only the talk is due (one year above 50%), not the chairperson adjustment (四.2: two consecutive times).
  await expect(page.getByRole("form", { name: "登记主席调整决定" })).toHaveCount(0);
  const talk = page.getByRole("form", { name: "登记诫勉谈话" });
  await talk.getByLabel("谈话日期").fill("2026-01-10");
  await talk.getByLabel("整改期限").fill("2026-01-05");
  await talk.getByRole("button", { name: "登记谈话" }).click();
  await expect(talk.getByTestId("error-rectificationDeadline")).toHaveText("整改期限不能早于谈话日期");
  await talk.getByLabel("整改期限").fill("2026-03-31");
  await talk.getByRole("button", { name: "登记谈话" }).click();
  await expect(talk.getByTestId("form-message")).toHaveText("诫勉谈话已登记。");
  await expect(page.getByTestId("talks")).toContainText("2026-01-10 诫勉谈话（上级工会、大连滨海精密仪器有限公司党支部），限 2026-03-31 前整改。");

  await page.getByRole("link", { name: "评议结果通报" }).click();
  const notice = page.getByTestId("results-notice");
  await expect(notice.getByRole("heading", { name: "2025 年度工会工作民主评议结果通报" })).toBeVisible();
  await expect(notice.getByTestId("notice-member")).toHaveText("满意 45.00% · 不满意 55.00%（分母 20 票）");
  await expect(notice.getByTestId("notice-combined")).toHaveText("48.00%（会员权重 80%）");
  await expect(notice.getByTestId("notice-talk")).toContainText("限 2026-03-31 前整改");
  await expect(notice).toContainText("评议结果要向职工和基层单位行政通报");
  // Printing: the button opens the print dialog; in print media the portal's header is hidden and the notice shows.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await page.getByRole("button", { name: "打印通报" }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("button", { name: "打印通报" })).toBeHidden();
  await expect(notice).toBeVisible();
  expect((await page.pdf({ format: "A4" })).length).toBeGreaterThan(1000);
});

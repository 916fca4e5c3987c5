/**
 * Helpers of the applications specs: one browser context per demo role (so several
 * people act on one application in one test), and the steps of the art. 18 chain as a
 * person does them in the Chinese UI.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { confirmStep, signIn } from "./helpers";

/** A signed-in page of `username` in its own context (cookies are per person). */
export async function as(browser: Browser, username: string): Promise<Page> {
  const use = test.info().project.use;
  const context = await browser.newContext({ baseURL: use.baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: use.viewport ?? undefined });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

/**
 * Signed-in pages per demo role kept across the tests of one serial file, so a
 * long flow is split into one test per step (each far below its timeout) without
 * signing everyone in again; the contexts close after the file.
 */
export function personas(): (browser: Browser, username: string) => Promise<Page> {
  const pages = new Map<string, Page>();
  test.afterAll(async () => {
    for (const page of pages.values()) await page.context().close();
    pages.clear();
  });
  return async (browser, username) => {
    const known = pages.get(username);
    if (known && !known.isClosed()) return known;
    const page = await as(browser, username);
    pages.set(username, page);
    return page;
  };
}

/** "YYYY-MM-DD" of today (Beijing time) shifted by `months` and `days`. */
export function isoDate(months = 0, days = 0): string {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, Math.min(now.getUTCDate(), 28) + days));
  return d.toISOString().slice(0, 10);
}

/** A small valid PDF (passive content). */
export const PDF_EVIDENCE = {
  name: "解除劳动合同通知书.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
};
/** A 1×1 PNG. */
export const PNG_EVIDENCE = {
  name: "工资条.png",
  mimeType: "image/png",
  buffer: Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"),
};

export type NewApplication = {
  article: "第十五条 受不公正待遇" | "第十六条 打击报复或人身侵害" | "第十七条 被解除劳动合同";
  eventType: string;
  eventDate: string;
  amount?: string;
  months?: string;
  unemployedFrom?: string;
};

/** Fill and save the application form; returns the application URL and number. */
export async function fileApplication(page: Page, c: NewApplication): Promise<{ url: string; number: string }> {
  await page.goto("/applications/new");
  await expect(page.getByRole("heading", { level: 1, name: "大连市基层工会干部权益保障基金申报表" })).toBeVisible();
  await page.getByRole("radio", { name: new RegExp(c.article) }).check();
  await page.getByLabel("事件类别").selectOption({ label: c.eventType });
  await page.getByLabel("事件发生日期").fill(c.eventDate);
  await page.getByLabel("事件经过").fill("因代表职工开展集体协商，单位作出不利处理。（端到端测试）");
  await page.getByLabel("损害或损失情况").fill("收入减少，名誉受损。（端到端测试）");
  if (c.amount !== undefined) await page.getByLabel("申请补助金额（元）").fill(c.amount);
  if (c.months !== undefined) await page.getByLabel("申请资助月数").fill(c.months);
  if (c.unemployedFrom !== undefined) await page.getByLabel("失业起始日").fill(c.unemployedFrom);
  await page.getByLabel("开户银行").fill("中国工商银行大连分行");
  await page.getByLabel("户名").fill("测试申请人");
  await page.getByLabel("银行账号").fill("6222 0200 0000 0000 888");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page).toHaveURL(/\/applications\/\d+$/);
  const title = await page.getByTestId("application-title").textContent();
  const number = /DLQB-\d{4}-\d{6}/.exec(title ?? "")?.[0];
  if (!number) throw new Error(`no application number in "${title}"`);
  await expect(page.getByTestId("application-status")).toHaveText("草稿");
  return { url: new URL(page.url()).pathname, number };
}

/** Upload one evidence file on the application page and wait until it is listed. */
export async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel("选择文件").setInputFiles(file);
  await page.getByRole("button", { name: "上传", exact: true }).click();
  await expect(page.getByTestId("attachments").getByRole("link", { name: file.name })).toBeVisible();
}

/** A reviewer finds the application in their queue (search by number) and opens it. */
export async function openFromQueue(page: Page, number: string) {
  await page.goto("/applications/queue");
  await page.getByLabel("搜索").fill(number);
  await page.getByRole("button", { name: "筛选" }).click();
  await page.getByTestId(`queue-row-${number}`).getByRole("link", { name: number }).click();
  await expect(page.getByTestId("application-title")).toContainText(number);
}

/** Give the reviewer's opinion at the current stage and wait for the status to change. */
export async function review(
  page: Page,
  decision: "同意并上报" | "批准" | "退回补充材料" | "不予支持",
  opinionLabel: string,
  opinion: string,
  expectedStatus: string,
) {
  const panel = page.getByTestId("action-panel");
  await panel.getByRole("radio", { name: decision }).check();
  await panel.getByLabel(opinionLabel).fill(opinion);
  const button = { 同意并上报: "提交意见并上报", 批准: "批准", 退回补充材料: "退回补充材料", 不予支持: "不予支持" }[decision];
  await panel.getByRole("button", { name: button, exact: true }).click();
  // Approving and rejecting are final: the confirmation comes first (issue 11.5).
  if (decision === "批准") await confirmStep(page, "确认批准");
  if (decision === "不予支持") await confirmStep(page, "确认不予支持");
  await expect(page.getByTestId("application-status")).toHaveText(expectedStatus);
  // Success is visible after the panel that held the form is gone (issue 11.3).
  const flash = { 同意并上报: "审核意见已提交，申请已上报下一审核环节。", 批准: "申请已批准，待领导小组办公室支付。", 退回补充材料: "申请已退回，申请人补充材料后可重新提交。", 不予支持: "已作出不予支持的决定，申请人将收到通知。" }[decision];
  await expect(page.getByTestId("flash")).toHaveText(flash);
}

/**
 * When the year cannot afford a payout (《办法》第十一条): the payment queue
 * shows the shortfall and the options; the office requests a top-up from
 * there, records the leading body's approval, and then pays. Also: a
 * correction by reversal (第十二条), the district auditor's scope, phone width,
 * accessibility and the English UI.
 */
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { confirmStep, query, signIn } from "./helpers";

const suffix = randomUUID().slice(0, 6).toUpperCase();
const DISTRICT = `测试${suffix}县总工会`;
const CASE = `E2E-${suffix}-OPT`;
const YEAR = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()));
let fundId = 0;

async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await query<T & Record<string, unknown>>(sql, params);
  if (!row) throw new Error(`no row from ${sql}`);
  return row;
}

test.beforeAll(async () => {
  const city = await one<{ id: number; path: string }>(`SELECT id, path FROM "Organization" WHERE code = 'DL'`);
  const policy = await one<{ id: number }>(`SELECT id FROM "PolicyVersion" ORDER BY "effectiveFrom" ASC LIMIT 1`);
  const org = await one<{ id: number }>(
    `INSERT INTO "Organization" (code, name, type, "parentId", path, depth, "updatedAt") VALUES ($1, $2, 'DISTRICT_FEDERATION', $3, '/', 1, now()) RETURNING id`,
    [`E2E-${suffix}`, DISTRICT, city.id],
  );
  await query(`UPDATE "Organization" SET path = $1 WHERE id = $2`, [`${city.path}${org.id}/`, org.id]);
  const cadre = await one<{ id: number }>(
    `INSERT INTO "User" (username, "displayName", "passwordHash", "organizationId", roles, "updatedAt") VALUES ($1, $2, '-', $3, '{CADRE}', now()) RETURNING id`,
    [`e2e-opt-${suffix.toLowerCase()}`, `测试干部${suffix}`, org.id],
  );
  fundId = (await one<{ id: number }>(`INSERT INTO "Fund" ("organizationId", kind, name, "accountSubject") VALUES ($1, 'RIGHTS_PROTECTION', $2, '基层工会干部权益保障基金') RETURNING id`, [org.id, `${DISTRICT}基金`])).id;
  const app = await one<{ id: number }>(
    `INSERT INTO "Application" (number, "applicantId", "organizationId", "reportingOrgId", "policyVersionId", position, "fullTime", article, "eventType",
       "eventDate", "eventDescription", "harmDescription", status, "updatedAt")
     VALUES ($1, $2, $3, $3, $4, 'CHAIRPERSON', true, 'ART16', 'E2E', $5::date, '端到端测试', '端到端测试', 'APPROVED', now()) RETURNING id`,
    [CASE, cadre.id, org.id, policy.id, `${YEAR}-01-01`],
  );
  await query(
    `INSERT INTO "Payable" ("sourceType", "sourceId", "fundId", kind, category, "reportingOrgId", "payeeUserId", "instalmentNo", "periodStart", amount, "dueOn")
     VALUES ('application', $1, $2, 'ONE_OFF', 'ART16', $4, $5, 1, $3::date, 2500.00, $3::date)`,
    [app.id, fundId, `${YEAR}-01-01`, org.id, cadre.id],
  );
});

async function flash(page: Page, text: string) {
  await expect(page.getByTestId("flash")).toHaveText(text);
}

test.describe.serial("art. 11 options when the year is short", () => {
  test("options (1/3): the office opens the year and reverses the appropriation (art. 12)", async ({ page }) => {
    await signIn(page, "office");
    await page.goto(`/fund/${fundId}?year=${YEAR}`);
    await page.getByRole("button", { name: `开立 ${YEAR} 年度` }).click();
    await flash(page, "年度已开立，预算拨款已入账。");

    // A correction is a reversal entry (第十二条): the budget did not arrive this year.
    await page.getByRole("button", { name: "冲正第 1 号分录" }).click();
    const dialog = page.getByRole("dialog", { name: "冲正第 1 号分录" });
    await dialog.getByRole("button", { name: "冲正" }).click();
    await expect(dialog.getByTestId("error-reason")).toHaveText("此项为必填项");
    await dialog.getByLabel("冲正原因").fill("预算拨款未到位");
    await dialog.getByRole("button", { name: "冲正" }).click();
    await flash(page, "已登记冲正分录。");
    await expect(page.getByTestId("year-balance")).toHaveText("0.00 元");
    await expect(page.getByTestId("entry-2")).toContainText("冲正第 1 号");
  });

  test("options (2/3): the payment queue shows the shortfall (art. 11); paying is refused; the office requests a top-up and records its approval", async ({ page }) => {
    await signIn(page, "office");
    await page.goto("/fund/pay");
    const card = page.getByTestId(`payable-${CASE}-1`);
    const options = card.getByTestId("art11-options");
    await expect(options).toContainText("本年度余额不足：缺口 2,500.00 元。");
    await expect(options).toContainText("依据《办法》第十一条");
    await expect(options.getByRole("link", { name: "向上级工会申请补助" })).toBeVisible();
    // Paying anyway is refused with the same explanation, and nothing changes.
    await card.getByRole("button", { name: "确认支付" }).click();
    await confirmStep(page, "确认支付并入账");
    await expect(card.getByTestId("form-message")).toContainText("缺口 2,500.00 元");

    await options.getByRole("link", { name: "申请追加拨款（缺口 2,500.00 元）" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "追加拨款与上级补助" })).toBeVisible();
    const form = page.getByRole("form", { name: "提出申请" });
    await expect(form.getByLabel("金额（元）")).toHaveValue("2500.00");
    await expect(form.getByLabel("申请类型")).toHaveValue("TOP_UP");
    await form.getByLabel("申请理由").fill("支付第十六条一次性补助");
    await form.getByRole("button", { name: "提交申请" }).click();
    await flash(page, "申请已登记。");

    const request = page.locator("li", { hasText: "支付第十六条一次性补助" }).first();
    const decide = request.getByRole("form");
    await decide.getByLabel("批准并入账").check();
    await decide.getByLabel("决定及依据").fill("经县总工会主席办公会议研究同意追加");
    await decide.getByRole("button", { name: "提交审批结果" }).click();
    await confirmStep(page, "确认提交");
    await flash(page, "审批结果已登记。");
    await expect(request).toContainText("已批准");
  });

  test("options (3/3): with the top-up booked the payment goes through", async ({ page }) => {
    await signIn(page, "office");
    await page.goto("/fund/pay");
    await expect(page.getByTestId(`payable-${CASE}-1`).getByTestId("art11-options")).toHaveCount(0);
    await page.getByRole("form", { name: `支付 ${CASE} 一次性` }).getByRole("button", { name: "确认支付" }).click();
    await confirmStep(page, "确认支付并入账");
    await flash(page, "支付已入账。");
    await page.goto(`/fund/${fundId}?year=${YEAR}`);
    await expect(page.getByTestId("year-balance")).toHaveText("0.00 元");
    await expect(page.getByTestId("sheet-payout-ART16")).toHaveText("2,500.00");
  });

  // One test per page (axe is slow on a busy machine): none needs more than a fraction of its timeout.
  const FUND_PAGES = () => ["/fund", "/fund/pay", "/fund/requests", "/fund/reports", `/fund/${fundId}?year=${YEAR}`, `/fund/reports/annual?year=${YEAR}`];
  for (let i = 0; i < 6; i++) {
    test(`fund pages fit a phone and pass axe (${i + 1}/6)`, async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 800 });
      await signIn(page, "office");
      const path = FUND_PAGES()[i]!;
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      // The fund's own content (the shell is checked by the foundation's tests).
      const axe = await new AxeBuilder({ page }).include("#main").analyze();
      expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${path}: ${v.id}`)).toEqual([]);
    });
  }

  test("fund pages switch to English at phone width", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, "office");
    await page.goto("/fund");
    await page.getByRole("button", { name: "English" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto("/fund/reports");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Fund reports");
    await expect(page.getByText("For the funds review committee (art. 12), read-only.")).toBeVisible();
  });

  test("a district auditor sees only the district's own fund", async ({ page }) => {
    await signIn(page, "zs.auditor");
    await page.goto("/fund/reports");
    await expect(page.getByTestId("report-fund-中山区总工会")).toBeVisible();
    await expect(page.getByTestId("report-fund-大连市总工会")).toHaveCount(0);
    await page.goto(`/fund/${fundId}`);
    await expect(page.getByRole("heading", { level: 1, name: "无权访问（403）" })).toBeVisible();
    const response = await page.request.get(`/api/fund/export?fundId=${fundId}&year=${YEAR}`);
    expect(response.status()).toBe(403);
  });
});

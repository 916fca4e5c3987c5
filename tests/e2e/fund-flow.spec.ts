/**
 * The rights protection fund in Chromium, as the real roles, in Chinese:
 * the office opens the year (第十一条、第十三条), pays an approved art. 16 application
 * and the first art. 17 instalment; the auditor (经审会, 第十二条) sees both in
 * the year's report, downloads the Excel file (opened with exceljs, totals
 * checked) and cannot pay; the office settles the year (第十四条) once the
 * blocker is gone and the next year opens with the rollover (第十一条).
 *
 * Independent of the applications feature: a district federation, its fund and two
 * approved applications with their payables are created here directly in PostgreSQL.
 */
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { confirmStep, query, signIn } from "./helpers";

const suffix = randomUUID().slice(0, 6).toUpperCase();
const DISTRICT = `测试${suffix}区总工会`;
const APPLICATION16 = `E2E-${suffix}-16`;
const APPLICATION17 = `E2E-${suffix}-17`;

let fundId = 0;
let leaderName = "";

async function insertOne<T>(sql: string, params: unknown[]): Promise<T> {
  const [row] = await query<T & Record<string, unknown>>(sql, params);
  if (!row) throw new Error(`no row from ${sql}`);
  return row;
}

test.beforeAll(async () => {
  const city = await insertOne<{ id: number; path: string }>(`SELECT id, path FROM "Organization" WHERE code = 'DL'`, []);
  const policy = await insertOne<{ id: number }>(`SELECT id FROM "PolicyVersion" ORDER BY "effectiveFrom" ASC LIMIT 1`, []);
  const leader = await insertOne<{ id: number; displayName: string }>(`SELECT id, "displayName" FROM "User" WHERE username = 'leader'`, []);
  leaderName = leader.displayName;
  const newOrg = async (code: string, name: string, type: string, parent: { id: number; path: string }, depth: number) => {
    const org = await insertOne<{ id: number }>(
      `INSERT INTO "Organization" (code, name, type, "parentId", path, depth, "updatedAt") VALUES ($1, $2, $3::"OrgType", $4, '/', $5, now()) RETURNING id`,
      [code, name, type, parent.id, depth],
    );
    const path = `${parent.path}${org.id}/`;
    await query(`UPDATE "Organization" SET path = $1 WHERE id = $2`, [path, org.id]);
    return { id: org.id, path };
  };
  const district = await newOrg(`E2E-${suffix}`, DISTRICT, "DISTRICT_FEDERATION", city, 1);
  const grassroots = await newOrg(`E2E-${suffix}-G`, `测试${suffix}企业工会`, "GRASSROOTS_UNION", district, 2);
  const cadre = await insertOne<{ id: number }>(
    `INSERT INTO "User" (username, "displayName", "passwordHash", "organizationId", roles, position, "fullTime", "updatedAt")
     VALUES ($1, $2, '-', $3, '{CADRE}', 'CHAIRPERSON', true, now()) RETURNING id`,
    [`e2e-${suffix.toLowerCase()}`, `测试主席${suffix}`, grassroots.id],
  );
  fundId = (
    await insertOne<{ id: number }>(`INSERT INTO "Fund" ("organizationId", kind, name, "accountSubject") VALUES ($1, 'RIGHTS_PROTECTION', $2, '基层工会干部权益保障基金') RETURNING id`, [
      district.id,
      `${DISTRICT}基层工会干部权益保障基金`,
    ])
  ).id;
  const approvedApplication = async (number: string, article: string, payables: { no: number; kind: string; start: string; end: string | null; due: string; amount: string }[]) => {
    const app = await insertOne<{ id: number }>(
      `INSERT INTO "Application" (number, "applicantId", "organizationId", "reportingOrgId", "policyVersionId", position, "fullTime", article, "eventType",
         "eventDate", "eventDescription", "harmDescription", status, "decisionPath", "decidedAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, 'CHAIRPERSON', true, $6::"AidArticle", 'E2E', DATE '2025-03-01', '端到端测试', '端到端测试', 'APPROVED', 'LEADING_GROUP', now(), now())
       RETURNING id`,
      [number, cadre.id, grassroots.id, district.id, policy.id, article],
    );
    await query(
      `INSERT INTO "ReviewRecord" ("applicationId", stage, action, round, opinion, "actorId", "actorOrgId") VALUES ($1, 'LEADING_GROUP', 'APPROVE', 0, '同意', $2, $3)`,
      [app.id, leader.id, city.id],
    );
    for (const p of payables) {
      await query(
        `INSERT INTO "Payable" ("sourceType", "sourceId", "fundId", kind, category, "reportingOrgId", "payeeUserId", "instalmentNo", "periodStart", "periodEnd", amount, rate, "dueOn")
         VALUES ('application', $1, $2, $3::"PayableKind", $4, $11, $12, $5, $6::date, $7::date, $8::numeric, $9::numeric, $10::date)`,
        [app.id, fundId, p.kind, article, p.no, p.start, p.end, p.amount, p.kind === "MONTHLY_SUPPORT" ? p.amount : null, p.due, district.id, cadre.id],
      );
    }
  };
  // 第十六条: one-off subsidy ≤ 3,000 yuan.
  await approvedApplication(APPLICATION16, "ART16", [{ no: 1, kind: "ONE_OFF", start: "2025-05-20", end: null, due: "2025-05-20", amount: "3000.00" }]);
  // 第十七条: minimum wage (demo 1,910 yuan) per month from October 2025, paid after each month.
  await approvedApplication(
    APPLICATION17,
    "ART17",
    [
      ["2025-10-01", "2025-10-31", "2025-11-01"],
      ["2025-11-01", "2025-11-30", "2025-12-01"],
      ["2025-12-01", "2025-12-31", "2026-01-01"],
    ].map(([start, end, due], i) => ({ no: i + 1, kind: "MONTHLY_SUPPORT", start: start!, end: end!, due: due!, amount: "1910.00" })),
  );
});

async function pay(page: Page, applicationNumber: string, instalment: string, paidOn: string, voucher: string) {
  await page.goto("/fund/pay");
  const form = page.getByRole("form", { name: `支付 ${applicationNumber} ${instalment}` });
  await form.getByLabel("支付日期").fill(paidOn);
  await form.getByLabel("支付方式").selectOption({ label: "银行转账" });
  await form.getByLabel("凭证号").fill(voucher);
  await form.getByRole("button", { name: "确认支付" }).click();
  await confirmStep(page, "确认支付并入账");
  await expect(page.getByTestId("flash")).toHaveText("支付已入账。");
  await expect(page.getByRole("form", { name: `支付 ${applicationNumber} ${instalment}` })).toHaveCount(0);
}

test.describe.serial("rights protection fund: pay, report, settle, roll over", () => {
  test("the office opens 2025 and pays the art. 16 application and the first art. 17 instalment", async ({ page }) => {
    await signIn(page, "office");
    await page.getByRole("navigation", { name: "菜单" }).getByRole("link", { name: "保障基金" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "权益保障基金" })).toBeVisible();
    await expect(page.getByText("依据《办法》第十一条至第十四条")).toBeVisible();

    await page.goto(`/fund/${fundId}?year=2025`);
    await expect(page.getByRole("heading", { level: 1, name: `${DISTRICT} · 2025 年` })).toBeVisible();
    await expect(page.getByText("2025 年度尚未开立。")).toBeVisible();
    await page.getByRole("button", { name: "开立 2025 年度" }).click();
    await expect(page.getByTestId("flash")).toHaveText("年度已开立，预算拨款已入账。");
    // 第十一条: a district/county federation's fund receives 100,000 yuan a year (policy data).
    await expect(page.getByTestId("year-balance")).toHaveText("100,000.00 元");

    await pay(page, APPLICATION16, "一次性", "2025-05-21", "E2E-V-16");
    await pay(page, APPLICATION17, "第 1 期", "2025-11-03", "E2E-V-17-1");

    await page.goto(`/fund/${fundId}?year=2025`);
    await expect(page.getByTestId("year-balance")).toHaveText("95,090.00 元");
    await expect(page.getByTestId("entry-2")).toContainText(APPLICATION16);
    await expect(page.getByTestId("entry-2")).toContainText("-3,000.00");
    await expect(page.getByTestId("entry-3")).toContainText(APPLICATION17);
    await expect(page.getByTestId("entry-3")).toContainText("第十七条");
  });

  test("the auditor sees both payouts in the year's report, downloads the Excel file and cannot pay", async ({ page }) => {
    await signIn(page, "auditor");
    await page.goto("/fund/reports?year=2025");
    await expect(page.getByRole("heading", { level: 1, name: "基金报表 · 2025 年" })).toBeVisible();
    const row = page.getByTestId(`report-fund-${DISTRICT}`);
    await expect(row).toContainText("100,000.00");
    await expect(row).toContainText("3,000.00");
    await expect(row).toContainText("1,910.00");
    await expect(row).toContainText("95,090.00");

    await row.getByRole("link", { name: DISTRICT }).click();
    await expect(page.getByTestId("entry-2")).toContainText(leaderName);
    await expect(page.getByTestId("sheet-payout-ART16")).toHaveText("3,000.00");
    await expect(page.getByTestId("sheet-payout-ART17")).toHaveText("1,910.00");
    await expect(page.getByTestId("sheet-closing")).toHaveText("95,090.00");
    // 第十二条: read-only — no settlement, no reversal.
    await expect(page.getByRole("button", { name: /结算 2025 年度/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /冲正/ })).toHaveCount(0);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 Excel" }).click()]);
    expect(download.suggestedFilename()).toBe(`权益保障基金_${DISTRICT}_2025年度.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.getWorksheet("收支表")!;
    const line = (label: string) => {
      let value: unknown;
      sheet.eachRow((r) => {
        if (r.getCell(1).value === label) value = r.getCell(2).value;
      });
      return value;
    };
    expect(line("预算拨款（第十三条）")).toBe(100000);
    expect(line("援助支出：第十六条 一次性补助（打击报复）")).toBe(3000);
    expect(line("援助支出：第十七条 最低工资资助（解除劳动合同）")).toBe(1910);
    expect(line("期末余额")).toBe(95090);
    expect(sheet.getRow(4).getCell(2).numFmt).toBe("#,##0.00");
    const ledger = workbook.getWorksheet("明细账")!;
    const amounts: number[] = [];
    const applications: unknown[] = [];
    ledger.eachRow((r, n) => {
      if (n > 3 && typeof r.getCell(1).value === "number") {
        amounts.push(r.getCell(4).value as number);
        applications.push(r.getCell(7).value);
      }
    });
    expect(amounts).toEqual([100000, -3000, -1910]);
    expect(applications).toEqual([null, APPLICATION16, APPLICATION17]);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(95090);

    await page.goto("/fund/pay");
    await expect(page.getByRole("heading", { level: 1, name: "无权访问（403）" })).toBeVisible();
  });

  test("the dashboard charts the burn with a table alternative and the runway", async ({ page }) => {
    await signIn(page, "office");
    await page.goto(`/fund?year=2025&fund=${fundId}`);
    await expect(page.getByTestId("dashboard-balance")).toHaveText("95,090.00 元");
    // Runway = 95,090 ÷ average monthly payout of Jul–Dec (1,910 ÷ 6) = 298.7 months.
    await expect(page.getByTestId("dashboard-runway")).toHaveText("298.7 个月");
    const burn = page.getByRole("figure", { name: "2025 年月度支出与累计支出" });
    await expect(burn.locator("svg.recharts-surface").first()).toBeVisible();
    await burn.getByText("图表数据（表格）").click();
    await expect(burn.getByRole("row", { name: /5 月/ })).toContainText("3,000.00");
    await expect(burn.getByRole("row", { name: /11 月/ })).toContainText("4,910.00");
  });

  test("the office settles 2025 once nothing is due, and 2026 opens with the rollover", async ({ page }) => {
    await signIn(page, "office");
    await page.goto(`/fund/${fundId}?year=2025`);
    // 第十四条: refused while a payable due in the year is unpaid.
    await expect(page.getByTestId("settlement-blockers")).toContainText("2025 年内到期的应付款还有 1 笔未支付。");
    await expect(page.getByRole("button", { name: "结算 2025 年度" })).toBeDisabled();

    await pay(page, APPLICATION17, "第 2 期", "2025-12-02", "E2E-V-17-2");
    await page.goto(`/fund/${fundId}?year=2025`);
    await expect(page.getByText("2025 年度可以结算。")).toBeVisible();
    await page.getByRole("button", { name: "结算 2025 年度" }).click();
    await confirmStep(page, "确认结算");
    await expect(page.getByTestId("flash")).toHaveText("年度已结算，结余已滚存至下一年度。");
    await expect(page.getByTestId("year-status")).toHaveText("已结算");
    await expect(page.getByTestId("settled-info")).toContainText("期末余额 93,180.00 元已滚存至 2026 年度");

    await page.goto(`/fund/${fundId}?year=2026`);
    await expect(page.getByTestId("year-opening")).toHaveText("93,180.00 元");
    await expect(page.getByTestId("year-balance")).toHaveText("193,180.00 元");
    await expect(page.getByTestId("sheet-opening")).toHaveText("93,180.00");
    await expect(page.getByTestId("entry-2")).toContainText("上年滚存结余");

    // Back-dating into the settled year is refused (第十四条): the third instalment paid "in 2025".
    await page.goto("/fund/pay");
    const form = page.getByRole("form", { name: `支付 ${APPLICATION17} 第 3 期` });
    await form.getByLabel("支付日期").fill("2025-12-31");
    await form.getByRole("button", { name: "确认支付" }).click();
    await confirmStep(page, "确认支付并入账");
    await expect(form.getByTestId("form-message")).toHaveText("2025 年度已结算，不能再登记该年度的分录（《办法》第十四条）。如确需更正，请先重新打开该年度。");
  });
});

/**
 * The form pattern (issue 11 items 1–5, 7, 10; issue 10 item 4): forms post to
 * their server action and work with JavaScript off (no secret ever in a URL);
 * with JavaScript the first invalid field is focused and described; success is a
 * flash banner; money moves only after a confirmation stating the amount in
 * figures and in Chinese capitals, the payee and the fund; ids are unique on
 * every page visited; at 390 px no status hides behind a sideways scroll.
 */
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { confirmStep, DEMO_PASSWORD, query, signIn } from "./helpers";

const suffix = randomUUID().slice(0, 6).toUpperCase();
const DISTRICT = `表单${suffix}区总工会`;
const PAYEE = `表单干部${suffix}`;
const CASE_JS = `E2E-${suffix}-JS`;
const CASE_NOJS = `E2E-${suffix}-NOJS`;
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
    [`E2E-F${suffix}`, DISTRICT, city.id],
  );
  await query(`UPDATE "Organization" SET path = $1 WHERE id = $2`, [`${city.path}${org.id}/`, org.id]);
  const cadre = await one<{ id: number }>(
    `INSERT INTO "User" (username, "displayName", "passwordHash", "organizationId", roles, "updatedAt") VALUES ($1, $2, '-', $3, '{CADRE}', now()) RETURNING id`,
    [`e2e-forms-${suffix.toLowerCase()}`, PAYEE, org.id],
  );
  fundId = (await one<{ id: number }>(`INSERT INTO "Fund" ("organizationId", kind, name, "accountSubject") VALUES ($1, 'RIGHTS_PROTECTION', $2, '基层工会干部权益保障基金') RETURNING id`, [org.id, `${DISTRICT}基金`])).id;
  for (const number of [CASE_JS, CASE_NOJS]) {
    const app = await one<{ id: number }>(
      `INSERT INTO "Application" (number, "applicantId", "organizationId", "reportingOrgId", "policyVersionId", position, "fullTime", article, "eventType",
         "eventDate", "eventDescription", "harmDescription", status, "updatedAt")
       VALUES ($1, $2, $3, $3, $4, 'CHAIRPERSON', true, 'ART16', 'E2E', $5::date, '端到端测试', '端到端测试', 'APPROVED', now()) RETURNING id`,
      [number, cadre.id, org.id, policy.id, `${YEAR}-01-01`],
    );
    await query(
      `INSERT INTO "Payable" ("sourceType", "sourceId", "fundId", kind, category, "reportingOrgId", "payeeUserId", "instalmentNo", "periodStart", amount, "dueOn")
       VALUES ('application', $1, $2, 'ONE_OFF', 'ART16', $4, $5, 1, $3::date, 2400.00, $3::date)`,
      [app.id, fundId, `${YEAR}-01-01`, org.id, cadre.id],
    );
  }
});

/** A page of a new context: JavaScript on or off, desktop or phone size. */
async function browse(browser: Browser, options: { javaScript?: boolean; phone?: boolean } = {}): Promise<Page> {
  const use = test.info().project.use;
  const context = await browser.newContext({
    baseURL: use.baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    javaScriptEnabled: options.javaScript ?? true,
    viewport: options.phone ? { width: 390, height: 844 } : (use.viewport ?? undefined),
  });
  return context.newPage();
}

/** Sign in without JavaScript (the form posts to its server action). */
async function signInNoJs(page: Page, username: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("home-title")).toBeVisible();
}

/** Every element id on the page is unique (labels point at their own inputs). */
async function expectUniqueIds(page: Page) {
  const duplicates = await page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of Array.from(document.querySelectorAll("[id]"))) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
  expect(duplicates, `duplicate ids on ${page.url()}`).toEqual([]);
}

/** Every form on the page posts (never GET, which would put its fields in the URL). */
async function expectPostForms(page: Page) {
  // The attribute, not form.method: a field named "method" (the payment method) shadows that property.
  const methods = await page.locator("form").evaluateAll((forms) => forms.map((f) => (f.getAttribute("method") ?? "get").toLowerCase()));
  expect(methods.length).toBeGreaterThan(0);
  expect(methods.every((m) => m === "post"), `form methods on ${page.url()}: ${methods.join(",")}`).toBe(true);
}

/** The fixture fund's current year is open (the office opens it once; a retried worker gets a fresh fixture). */
async function ensureYearOpen(page: Page) {
  await page.goto(`/fund/${fundId}?year=${YEAR}`);
  const open = page.getByRole("button", { name: `开立 ${YEAR} 年度` });
  if ((await open.count()) === 0) return;
  await open.click();
  await expect(page.getByTestId("flash")).toHaveText("年度已开立，预算拨款已入账。");
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} @ ${page.url()}`);
}

test.describe("with JavaScript off", () => {
  test("sign-in posts, shows its error, never puts the password in the URL, and signs in", async ({ browser }) => {
    const page = await browse(browser, { javaScript: false });
    await page.goto("/login");
    await expectPostForms(page);
    await expectUniqueIds(page);
    await page.getByLabel("用户名").fill("cadre");
    await page.getByLabel("密码").fill("wrong-password-1");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("form-message")).toHaveText("用户名或密码错误，请重新输入。");
    expect(page.url()).not.toContain("password");
    expect(page.url()).not.toContain("wrong-password-1");
    await signInNoJs(page, "cadre");
    await page.context().close();
  });

  test("the password form posts and shows its field errors next to the fields", async ({ browser }) => {
    const page = await browse(browser, { javaScript: false });
    await signInNoJs(page, "cadre2");
    await page.goto("/account");
    await expectPostForms(page);
    const form = page.getByRole("form", { name: "修改密码" });
    await form.getByLabel("当前密码").fill("Secret-123");
    await form.getByRole("textbox", { name: "新密码", exact: true }).fill("Newpass123");
    await form.getByLabel("确认新密码").fill("Other123");
    await form.getByRole("button", { name: "保存" }).click();
    await expect(page.getByTestId("error-confirm")).toHaveText("两次输入的密码不一致");
    await expect(page.getByLabel("确认新密码")).toHaveAttribute("aria-invalid", "true");
    expect(page.url()).not.toMatch(/password|Secret|Newpass/);
    await page.context().close();
  });

  test("the application form (with the bank account) posts: errors next to their fields, then a saved draft", async ({ browser }) => {
    const page = await browse(browser, { javaScript: false });
    await signInNoJs(page, "cadre2");
    await page.goto("/applications/new");
    await expectPostForms(page);
    await expectUniqueIds(page);
    await page.getByLabel("银行账号").fill("6222020000000000123");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByTestId("error-eventType")).toHaveText("此项为必填项");
    await expect(page.getByTestId("error-bankName")).toHaveText("此项为必填项");
    await expect(page.getByTestId("form-message")).toHaveText("提交的内容有误，请检查标红的字段。");
    expect(page.url()).not.toContain("6222020000000000123");
    expect(page.url()).toMatch(/\/applications\/new$/);

    await page.getByLabel("事件类别").selectOption({ label: "免职" });
    await page.getByLabel("事件发生日期").fill(new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10));
    await page.getByLabel("事件经过").fill("组织集体协商后被免去工会主席职务。（无脚本测试）");
    await page.getByLabel("损害或损失情况").fill("岗位津贴停发。（无脚本测试）");
    await page.getByLabel("申请补助金额（元）").fill("2400");
    await page.getByLabel("开户银行").fill("中国工商银行大连分行");
    await page.getByLabel("户名").fill("李卫东");
    await page.getByLabel("银行账号").fill("6222020000000000123");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page).toHaveURL(/\/applications\/\d+$/);
    await expect(page.getByTestId("application-status")).toHaveText("草稿");
    await page.context().close();
  });

  test("a payment needs the confirmation checkbox, then posts and shows the flash", async ({ browser }) => {
    const page = await browse(browser, { javaScript: false });
    await signInNoJs(page, "office");
    await ensureYearOpen(page);

    await page.goto("/fund/pay");
    await expectPostForms(page);
    await expectUniqueIds(page);
    const form = page.getByRole("form", { name: `支付 ${CASE_NOJS} 一次性` });
    await expect(form.getByTestId("confirm-capitals")).toHaveText("贰仟肆佰元整");
    await expect(form.getByTestId("confirm-payee")).toHaveText(PAYEE);
    await form.getByRole("button", { name: "确认支付" }).click();
    const again = page.getByRole("form", { name: `支付 ${CASE_NOJS} 一次性` });
    await expect(again.getByTestId("error-confirmed")).toHaveText("请核对后勾选确认");
    await again.getByLabel("我已核对以上内容，确认办理").check();
    await again.getByRole("button", { name: "确认支付" }).click();
    await expect(page.getByTestId("flash")).toHaveText("支付已入账。");
    await expect(page.getByRole("form", { name: `支付 ${CASE_NOJS} 一次性` })).toHaveCount(0);
    await page.context().close();
  });
});

test("with JavaScript: the first invalid field is focused and described, checks run as the user leaves a field", async ({ browser }) => {
  const page = await browse(browser);
  await signIn(page, "cadre2");
  await page.goto("/applications/new");
  // Client checks exist only once the form has hydrated.
  await expect(page.locator("form[data-hydrated]").filter({ has: page.getByLabel("开户银行") })).toHaveCount(1);
  await page.getByLabel("开户银行").focus();
  await page.getByLabel("开户银行").blur();
  await expect(page.getByTestId("error-bankName")).toHaveText("此项为必填项");
  await page.getByRole("button", { name: "保存草稿" }).click();
  const first = page.getByLabel("事件类别");
  await expect(first).toBeFocused();
  await expect(first).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await first.getAttribute("aria-describedby")) ?? "";
  await expect(page.locator(`[id="${describedBy.split(" ").pop()}"]`)).toHaveText("此项为必填项");
  await expect(page.getByTestId("form-message")).toHaveText("提交的内容有误，请检查标红的字段。");
  // Nothing was sent: still on the new form.
  expect(page.url()).toMatch(/\/applications\/new$/);
  await expectUniqueIds(page);
  await page.context().close();
});

test("with JavaScript: paying asks first, with the amount in figures and in Chinese capitals, the payee and the fund", async ({ browser }) => {
  const page = await browse(browser);
  await signIn(page, "office");
  await ensureYearOpen(page);
  await page.goto("/fund/pay");
  await expectUniqueIds(page);
  const card = page.getByTestId(`payable-${CASE_JS}-1`);
  await expect(card.getByTestId("payable-application-link")).toHaveAttribute("href", /\/applications\/\d+$/);
  const form = page.getByRole("form", { name: `支付 ${CASE_JS} 一次性` });
  // Labels point at their own card's inputs (unique ids per form).
  await form.getByLabel("凭证号").fill(`PZ-${suffix}`);
  await expect(form.getByLabel("凭证号")).toHaveValue(`PZ-${suffix}`);
  await form.getByRole("button", { name: "确认支付" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("confirm-amount")).toHaveText("2,400.00 元");
  await expect(dialog.getByTestId("confirm-capitals")).toHaveText("贰仟肆佰元整");
  await expect(dialog.getByTestId("confirm-payee")).toHaveText(PAYEE);
  await expect(dialog.getByTestId("confirm-fund")).toHaveText(`${DISTRICT}`);
  await expect(dialog.getByTestId("confirm-consequence")).toContainText("只能登记冲正分录");
  // Cancel: nothing is paid.
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(form).toBeVisible();
  await form.getByRole("button", { name: "确认支付" }).click();
  await confirmStep(page, "确认支付并入账");
  await expect(page.getByTestId("flash")).toHaveText("支付已入账。");
  await expect(page.getByRole("form", { name: `支付 ${CASE_JS} 一次性` })).toHaveCount(0);
  const [paid] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Payable" p JOIN "Application" a ON a.id = p."sourceId" WHERE a.number = $1 AND p.status = 'PAID'`,
    [CASE_JS],
  );
  expect(paid?.n).toBe(1);
  await page.context().close();
});

for (const [username, path, status] of [
  ["cadre", "/applications", "application-status-cell"],
  ["office", "/applications/queue", "application-status-cell"],
] as const) {
  test(`at 390 px ${path} has no sideways scroll and every status is on screen (${username})`, async ({ browser }) => {
    const page = await browse(browser, { phone: true });
    await signIn(page, username);
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const cells = page.getByTestId(status);
    await expect(cells.first()).toBeVisible();
    const boxes = await cells.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })));
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(390);
    }
    await expectUniqueIds(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
}

test("dates read the same everywhere: 2026年12月2日 style in Chinese, China time", async ({ browser }) => {
  const page = await browse(browser);
  await signIn(page, "cadre");
  await page.goto("/notifications");
  const text = (await page.getByTestId("notification-time").first().textContent()) ?? "";
  expect(text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await page.context().close();
});

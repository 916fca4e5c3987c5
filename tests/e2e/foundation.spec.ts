import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD, orgIdByName, query, signIn } from "./helpers";

const HOMES: [string, string][] = [
  ["cadre", "申请人首页"],
  ["grassroots", "基层工会经办首页"],
  ["zs.reviewer", "区市县 / 产业工会审核首页"],
  ["office", "领导小组办公室首页"],
  ["leader", "领导小组成员首页"],
  ["chair", "主席办公会议首页"],
  ["auditor", "经审会首页"],
  ["admin", "系统管理首页"],
];

test.describe("sign-in and each role's home", () => {
  for (const [username, title] of HOMES) {
    test(`${username} sees ${title}`, async ({ page }) => {
      await signIn(page, username);
      await expect(page.getByTestId("home-title")).toHaveText(title);
      const nav = page.getByRole("navigation", { name: "菜单" });
      await expect(nav.getByRole("link", { name: "首页" })).toBeVisible();
      // Administration is offered to administrators only.
      await expect(nav.getByRole("link", { name: "用户管理" })).toHaveCount(username === "admin" ? 1 : 0);
    });
  }

  test("a wrong password shows a Chinese error and stays on the sign-in page", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("用户名").fill("leader2");
    await page.getByLabel("密码").fill("not-the-password1");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("form-message")).toHaveText("用户名或密码错误，请重新输入。");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("repeated failures lock the account, even against the right password", async ({ page }) => {
    await page.goto("/login");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("用户名").fill("ch.reviewer");
      await page.getByLabel("密码").fill(`wrong-${i}-password`);
      await page.getByRole("button", { name: "登录" }).click();
      await expect(page.getByTestId("form-message")).toHaveText("用户名或密码错误，请重新输入。");
    }
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("form-message")).toContainText("登录失败次数过多");
    await expect(page).toHaveURL(/\/login$/);
    const [row] = await query<{ failures: number }>(`SELECT failures FROM "LoginThrottle" WHERE key = 'acct:ch.reviewer'`);
    expect(row!.failures).toBe(5);
  });

  test("signing out returns to the sign-in page and protects the portal again", async ({ page }) => {
    await signIn(page, "cadre2");
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page.getByRole("heading", { name: "登录", level: 1 })).toBeVisible();
    await page.goto("/orgs");
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe("organisation subtree", () => {
  test("a district reviewer sees its own district and gets 403 for another district's organisation", async ({ page }) => {
    await signIn(page, "zs.reviewer");
    await page.getByRole("navigation", { name: "菜单" }).getByRole("link", { name: "组织架构" }).click();
    const tree = page.getByTestId("org-tree");
    await expect(tree.getByRole("link", { name: "中山区总工会" })).toBeVisible();
    await expect(tree.getByRole("link", { name: "西岗区总工会" })).toHaveCount(0);
    await tree.getByRole("link", { name: "大连滨海精密仪器有限公司工会" }).click();
    await expect(page.getByTestId("org-name")).toHaveText("大连滨海精密仪器有限公司工会");

    const response = await page.goto(`/orgs/${await orgIdByName("西岗区总工会")}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "无权访问（403）" })).toBeVisible();
    const other = await page.goto(`/orgs/${await orgIdByName("大连西岗物流集团有限公司工会")}`);
    expect(other?.status()).toBe(403);
  });
});

test.describe("administration", () => {
  test("bad input gets Chinese messages and creates nothing", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/admin/users");
    const form = page.getByRole("form", { name: "新增用户" });
    const before = (await query<{ count: string }>(`SELECT count(*) FROM "User"`))[0]!.count;

    await form.getByRole("button", { name: "新增用户" }).click();
    await expect(form.getByTestId("form-message")).toHaveText("提交的内容有误，请检查标红的字段。");
    await expect(form.getByTestId("error-username")).toHaveText("用户名只能包含小写字母、数字、点、下划线和连字符（3–64 位）");
    await expect(form.getByTestId("error-displayName")).toHaveText("此项为必填项");
    await expect(form.getByTestId("error-organizationId")).toHaveText("此项为必填项");
    await expect(form.getByTestId("error-roles")).toHaveText("请至少选择一个角色");

    // Oversized and malformed values (the browser's maxlength removed: the server must still refuse).
    await form.getByLabel("姓名").evaluate((el) => el.removeAttribute("maxlength"));
    await form.getByLabel("用户名").fill("张三!");
    await form.getByLabel("姓名").fill("名".repeat(61));
    await form.getByLabel("初始密码").fill("short");
    await form.getByLabel("电子邮箱").fill("not-an-email");
    await form.getByRole("button", { name: "新增用户" }).click();
    await expect(form.getByTestId("error-displayName")).toHaveText("不能超过 60 个字符");
    await expect(form.getByTestId("error-password")).toHaveText("密码需 8–128 位，且同时包含字母和数字");
    await expect(form.getByTestId("error-email")).toHaveText("请输入有效的邮箱地址");
    await expect(form.getByTestId("error-username")).toBeVisible();

    const after = (await query<{ count: string }>(`SELECT count(*) FROM "User"`))[0]!.count;
    expect(after).toBe(before);
  });

  // One user's life in three steps (each signs in afresh), so that none nears its timeout on a busy machine.
  test.describe.serial("a user created by the administrator", () => {
    const username = `e2e.user${Date.now().toString(36)}`;
    // The cookies of the session that was open when the account was disabled (2/3), replayed in 3/3.
    let disabledSession: Awaited<ReturnType<BrowserContext["storageState"]>> | undefined;
    // An administrator-created account can do nothing but change its initial password (issue 10.1).
    const signInWithTemporaryPassword = async (newcomer: Page) => {
      await newcomer.goto("/login");
      await newcomer.getByLabel("用户名").fill(username);
      await newcomer.getByLabel("密码").fill("Start1234");
      await newcomer.getByRole("button", { name: "登录" }).click();
      await expect(newcomer).toHaveURL(/\/change-password$/);
    };

    test("users (1/3): the administrator creates a user, who can do nothing but change the temporary password", async ({ page, browser }) => {
      await signIn(page, "admin");
      await page.goto("/admin/users");
      const form = page.getByRole("form", { name: "新增用户" });
      await form.getByLabel("用户名").fill(username);
      await form.getByLabel("姓名").fill("测试新干部");
      await form.getByLabel("初始密码").fill("Start1234");
      await form.getByLabel("所在组织").selectOption({ label: "大连滨海精密仪器有限公司工会" });
      await form.getByLabel("工会干部（申请人）").check();
      await form.getByLabel("职务").selectOption({ label: "主席" });
      await form.getByRole("button", { name: "新增用户" }).click();
      await expect(form.getByTestId("form-message")).toHaveText("用户已新增，首次登录需修改密码。");

      const newcomer = await browser.newPage();
      await signInWithTemporaryPassword(newcomer);
      await expect(newcomer.getByText("您正在使用管理员设置的临时密码，请立即修改。")).toBeVisible();
      await newcomer.goto("/");
      await expect(newcomer).toHaveURL(/\/change-password$/);
      await newcomer.close();
    });

    test("users (2/3): a disabled user's open session stops working and signing in is refused", async ({ page, browser }) => {
      const newcomer = await browser.newPage();
      await signInWithTemporaryPassword(newcomer);
      disabledSession = await newcomer.context().storageState();

      await signIn(page, "admin");
      await page.goto(`/admin/users?q=${username}`);
      const row = page.getByTestId(`user-row-${username}`);
      await row.getByRole("button", { name: `停用 ${username}` }).click();
      await expect(row.getByText("已停用")).toBeVisible();

      // The disabled user's open session stops working at the next request…
      await newcomer.goto("/orgs");
      await expect(newcomer).toHaveURL(/\/login/);
      // …and signing in again is refused with a clear message.
      await newcomer.getByLabel("用户名").fill(username);
      await newcomer.getByLabel("密码").fill("Start1234");
      await newcomer.getByRole("button", { name: "登录" }).click();
      await expect(newcomer.getByTestId("form-message")).toHaveText("该账号已停用，请联系系统管理员。");
      await newcomer.close();
    });

    test("users (3/3): re-enabling does not revive the old session; a fresh sign-in works", async ({ page, browser }) => {
      expect(disabledSession, "step 2/3 ran").toBeDefined();
      await signIn(page, "admin");
      await page.goto(`/admin/users?q=${username}`);
      const row = page.getByTestId(`user-row-${username}`);
      await row.getByRole("button", { name: `启用 ${username}` }).click();
      await expect(row.getByRole("button", { name: `停用 ${username}` })).toBeVisible();

      // The session that was open when the account was disabled stays dead…
      const stale = await (await browser.newContext({ storageState: disabledSession })).newPage();
      await stale.goto("/");
      await expect(stale).toHaveURL(/\/login/);
      // …while signing in afresh works.
      await signInWithTemporaryPassword(stale);
      await stale.context().close();
    });
  });
});

test.describe("language, phone width and accessibility", () => {
  test("switches the sign-in page to English and back", async ({ page }) => {
    const response = await page.goto("/login");
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: /English/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expect(page.getByLabel("Username")).toBeVisible();
    await page.getByRole("button", { name: /中文/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();
  });

  test("works at phone width with the menu panel", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await signIn(page, "zs.reviewer");
    await page.getByRole("button", { name: "菜单" }).click();
    const panel = page.getByRole("dialog", { name: "菜单" });
    await panel.getByRole("link", { name: "组织架构" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "组织架构" })).toBeVisible();
    await expect(panel).toBeHidden();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("the sign-in page and a home page have no serious accessibility violations", async ({ page }) => {
    await page.goto("/login");
    const login = await new AxeBuilder({ page }).analyze();
    expect(login.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    await signIn(page, "office");
    const home = await new AxeBuilder({ page }).analyze();
    expect(home.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });
});

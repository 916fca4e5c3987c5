/**
 * Security controls that need the real server and a browser (issue 10):
 * nonce CSP, client address from the socket, must-change-password redirect,
 * sign-out revoking a copied cookie.
 */
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, query, signIn } from "./helpers";

test.describe("security", () => {
  test("every response has a nonce CSP without 'unsafe-inline' for scripts, and every script carries the nonce", async ({ request }) => {
    const first = await request.get("/login");
    const csp = first.headers()["content-security-policy"]!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(scriptSrc).not.toContain("unsafe-inline");
    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A fresh nonce per response.
    const second = await request.get("/login");
    expect(second.headers()["content-security-policy"]).not.toBe(csp);
    // Plain http: no HSTS.
    expect(first.headers()["strict-transport-security"]).toBeUndefined();
  });

  test("the page hydrates under the CSP and an injected inline handler does not run", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await signIn(page, "zs.chair");
    expect(violations).toEqual([]);
    await page.evaluate(() => {
      const holder = document.createElement("div");
      holder.innerHTML = '<img id="xss" src="/no-such-image.png" onerror="window.__pwned = 1">';
      holder.querySelector("img")!.addEventListener("error", () => ((window as unknown as { __errored: boolean }).__errored = true));
      document.body.append(holder);
    });
    await page.waitForFunction(() => (window as unknown as { __errored?: boolean }).__errored === true);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect.poll(() => violations.length).toBeGreaterThan(0);
  });

  test("a forged X-Forwarded-For does not reach the audit row: the socket's address does", async ({ browser }) => {
    const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "6.6.6.6", "X-Real-IP": "6.6.6.6" } });
    const page = await context.newPage();
    await signIn(page, "pld.reviewer");
    const [row] = await query<{ after: { ip: string | null } }>(
      `SELECT a.after FROM "AuditLog" a JOIN "User" u ON a."entityId" = u.id::text WHERE a.action = 'auth.signIn' AND u.username = 'pld.reviewer' ORDER BY a.id DESC LIMIT 1`,
    );
    expect(row!.after.ip).toBe("127.0.0.1");
    expect(await query(`SELECT 1 FROM "LoginThrottle" WHERE key = 'ip:6.6.6.6'`)).toEqual([]);
    await context.close();
  });

  test("an account that must change its password is sent to the change-password page until it does", async ({ page }) => {
    await query(`UPDATE "User" SET "mustChangePassword" = true WHERE username = 'lsk.reviewer'`);
    await page.goto("/login");
    await page.getByLabel("用户名").fill("lsk.reviewer");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/change-password$/);
    await page.goto("/applications/queue");
    await expect(page).toHaveURL(/\/change-password$/);
    expect((await page.request.get("/api/fund/export")).status()).toBe(403);
    await page.getByRole("textbox", { name: "当前密码", exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("textbox", { name: "新密码", exact: true }).fill("Changed2026x");
    await page.getByRole("textbox", { name: "确认新密码", exact: true }).fill("Changed2026x");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByTestId("home-title")).toBeVisible();
    const [user] = await query<{ mustChangePassword: boolean }>(`SELECT "mustChangePassword" FROM "User" WHERE username = 'lsk.reviewer'`);
    expect(user!.mustChangePassword).toBe(false);
  });

  test("signing out kills a copied session cookie", async ({ browser }) => {
    const first = await browser.newContext();
    const page = await first.newPage();
    await signIn(page, "jz.reviewer");
    const copy = await browser.newContext();
    await copy.addCookies(await first.cookies());
    const stolen = await copy.newPage();
    await stolen.goto("/");
    await expect(stolen.getByTestId("home-title")).toBeVisible();
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page.getByRole("heading", { name: "登录", level: 1 })).toBeVisible();
    await stolen.goto("/");
    await expect(stolen).toHaveURL(/\/login/);
    await first.close();
    await copy.close();
  });
});

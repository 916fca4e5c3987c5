/**
 * Helpers of the process-level operations tests (npm test -- ops): fresh
 * databases on the run's test cluster (scripts/test.ts passes it in
 * OPS_TEST_CLUSTER), `next start` processes of the production build with their
 * logs, waits on conditions, and a signed-in Chromium page.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { type Cluster, type DatabaseUrls, ensureDatabase, freePort, run, withClient } from "@/scripts/lib/postgres";
import { prepareDatabase } from "@/scripts/lib/provision";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DEMO_PASSWORD = "Demo@2026";

type OpsCluster = { adminUrl: string; roles: Cluster["roles"]; prefix: string };

function opsCluster(): OpsCluster {
  const raw = process.env.OPS_TEST_CLUSTER;
  if (!raw) throw new Error("the ops tests need OPS_TEST_CLUSTER: run them with `npm test -- ops`");
  return JSON.parse(raw) as OpsCluster;
}

/** A fresh, migrated database (owner + application role); `seed` loads the demo data. */
export async function freshDatabase(suffix: string, opts: { seed?: boolean; prepare?: boolean } = {}): Promise<DatabaseUrls & { name: string }> {
  const c = opsCluster();
  const name = `${c.prefix}_${suffix}`;
  const urls = await ensureDatabase({ adminUrl: c.adminUrl, roles: c.roles, embedded: false, async stop() {} }, name);
  if (opts.prepare !== false) await prepareDatabase(urls);
  if (opts.seed) await run("node", ["--import", "tsx", "prisma/seed.ts"], { DATABASE_URL: urls.appUrl, LOG_LEVEL: "warn" }, { quiet: true });
  return { ...urls, name };
}

/** The cluster superuser's URL of database `name` (pg_stat_activity shows other roles' wait events only to it). */
export function adminUrlOf(name: string): string {
  const u = new URL(opsCluster().adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function sql<T extends Record<string, unknown> = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  return withClient(url, async (c) => (await c.query<T>(text, params)).rows);
}

/** Wait until `probe` yields a truthy value (polling; bounded). */
export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 120_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export type Server = { port: number; url: string; child: ChildProcess; output: () => string; exited: Promise<number | string | null> };

/** `next start` of the production build on a free port, as the application role. */
export async function startNext(databaseUrl: string, env: Record<string, string> = {}, preferredPort = 3300): Promise<Server> {
  const port = await freePort(preferredPort);
  let out = "";
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, MIGRATION_DATABASE_URL: "", AUTH_SECRET: crypto.randomBytes(32).toString("base64url"), AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (out += String(d)));
  child.stderr!.on("data", (d) => (out += String(d)));
  const exited = new Promise<number | string | null>((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
  const url = `http://127.0.0.1:${port}`;
  await until(`next start on ${port}`, async () => {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${out}`);
    return fetch(`${url}/login`).then((r) => r.ok, () => false);
  });
  return { port, url, child, output: () => out, exited };
}

/** Log lines at error level or above (pino level ≥ 50), and any connection cut by the server (57P01). */
export function errorLines(output: string): string[] {
  // Next.js renders a server action's redirect target by fetching its own address; while draining the
  // listener is closed, so that fetch is refused and Next falls back to a plain redirect (action-handler.js:
  // console.error("failed to get redirect response")). The payment itself completed; not a failure of ours.
  const redirectFallback = output.includes("failed to get redirect response");
  return output.split("\n").filter((line) => {
    if (redirectFallback && /\[cause\]: Error: connect ECONNREFUSED 127\.0\.0\.1:\d+/.test(line)) return false;
    if (/57P01|terminating connection due to administrator command/.test(line)) return true;
    if (!line.startsWith("{")) return /\b(Error|FATAL|Unhandled)\b/.test(line) && !/CredentialsSignin/.test(line);
    try {
      return (JSON.parse(line) as { level?: number }).level! >= 50;
    } catch {
      return false;
    }
  });
}

let browser: Browser | undefined;

/** A Chromium page signed in as `username` at `baseUrl`. */
export async function signedIn(baseUrl: string, username: string): Promise<Page> {
  browser ??= await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext({ baseURL: baseUrl, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByTestId("home-title").waitFor();
  return page;
}

export async function closeBrowser() {
  await browser?.close();
  browser = undefined;
}

/**
 * An approved art. 16 application of the demo cadre with one SCHEDULED one-off payable
 * of 1,000 yuan in the city fund, due today (what the office can pay).
 * @returns the application number, payable id and fund id
 */
export async function payableToday(ownerUrl: string, tag: string): Promise<{ number: string; payableId: number; fundId: number }> {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const [ctx] = await sql<{ cadre: number; org: number; city: number; policy: number; fund: number; leader: number }>(
    ownerUrl,
    `SELECT (SELECT id FROM "User" WHERE username = 'cadre') AS cadre, (SELECT "organizationId" FROM "User" WHERE username = 'cadre') AS org,
            (SELECT id FROM "Organization" WHERE code = 'DL') AS city, (SELECT id FROM "PolicyVersion" ORDER BY "effectiveFrom" LIMIT 1) AS policy,
            (SELECT f.id FROM "Fund" f JOIN "Organization" o ON o.id = f."organizationId" WHERE o.code = 'DL' AND f.kind = 'RIGHTS_PROTECTION') AS fund,
            (SELECT id FROM "User" WHERE username = 'leader') AS leader`,
  );
  const number = `OPS-${tag}-${crypto.randomUUID().slice(0, 6).toUpperCase()}`;
  const [app] = await sql<{ id: number }>(
    ownerUrl,
    `INSERT INTO "Application" (number, "applicantId", "organizationId", "reportingOrgId", "policyVersionId", position, "fullTime", article, "eventType",
       "eventDate", "eventDescription", "harmDescription", status, "decisionPath", "decidedAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, 'CHAIRPERSON', true, 'ART16', 'OPS', $6::date, '运维测试', '运维测试', 'APPROVED', 'LEADING_GROUP', now(), now()) RETURNING id`,
    [number, ctx!.cadre, ctx!.org, ctx!.city, ctx!.policy, today],
  );
  const [payable] = await sql<{ id: number }>(
    ownerUrl,
    `INSERT INTO "Payable" ("sourceType", "sourceId", "fundId", kind, category, "reportingOrgId", "payeeUserId", "instalmentNo", "periodStart", amount, "dueOn")
     VALUES ('application', $1, $2, 'ONE_OFF', 'ART16', $4, $5, 1, $3::date, 1000.00, $3::date) RETURNING id`,
    [app!.id, ctx!.fund, today, ctx!.city, ctx!.cadre],
  );
  return { number, payableId: payable!.id, fundId: ctx!.fund };
}

/** Submit the pay form of `number` on /fund/pay (the response is awaited by the caller). */
export async function clickPay(page: Page, number: string): Promise<void> {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const form = page.getByRole("form", { name: `支付 ${number} 一次性` });
  // The due list is paged in due order: find the page that holds it.
  for (let n = 1; n <= 20; n++) {
    await page.goto(`/fund/pay?page=${n}`);
    if ((await form.count()) > 0) break;
  }
  // By name: each card's fields have their own ids, but the names are the form's contract.
  await form.locator('input[name="paidOn"]').fill(today);
  await form.locator('select[name="method"]').selectOption({ label: "银行转账" });
  await form.locator('input[name="reference"]').fill(`OPS-${number}`);
  await form.getByRole("button", { name: "确认支付" }).click();
  // Money moves only after the confirmation (amount in figures and capitals, payee, fund).
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor();
  await dialog.getByRole("button", { name: "确认支付并入账", exact: true }).click();
}

/**
 * Issue 12 items 4 and 5: two `next start` processes on one database behind
 * Debian's nginx (round-robin). A short scenario — sign in, upload evidence,
 * submit, review, pay — runs through nginx with requests alternating between
 * the instances (sessions, files and jobs live in PostgreSQL, not in a
 * process); the reminder sweep, scheduled every minute on both, runs once per
 * period; health and metrics answer on each instance.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/scripts/lib/postgres";
import { clickPay, closeBrowser, errorLines, freshDatabase, payableToday, signedIn, sql, startNext, until, type Server } from "./helpers";

const TOKEN = "ops-test-metrics-token-0123456789";
const servers: Server[] = [];
let nginx: ChildProcess | undefined;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-nginx-"));

afterAll(async () => {
  await closeBrowser();
  for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill("SIGKILL");
  if (nginx && nginx.exitCode === null) {
    nginx.kill("SIGQUIT");
    await new Promise((r) => nginx!.once("exit", r));
  }
  fs.rmSync(work, { recursive: true, force: true });
});

async function startNginx(upstreams: number[]): Promise<string> {
  const port = await freePort(8480);
  const conf = path.join(work, "nginx.conf");
  fs.writeFileSync(
    conf,
    `daemon off; master_process on; worker_processes 1; user root root;
pid ${work}/nginx.pid; error_log ${work}/error.log warn;
events { worker_connections 256; }
http {
  log_format upstream '$upstream_addr $request_method $uri $status';
  access_log ${work}/access.log upstream;
  client_body_temp_path ${work}/body; proxy_temp_path ${work}/proxy; fastcgi_temp_path ${work}/fcgi; uwsgi_temp_path ${work}/uwsgi; scgi_temp_path ${work}/scgi;
  client_max_body_size 20m;
  upstream portal { ${upstreams.map((p) => `server 127.0.0.1:${p};`).join(" ")} }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-For $remote_addr;
    }
  }
}
`,
  );
  nginx = spawn(fs.existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx", ["-c", conf, "-p", work], { stdio: ["ignore", "pipe", "pipe"] });
  const url = `http://127.0.0.1:${port}`;
  await until("nginx", () => fetch(`${url}/login`).then((r) => r.ok, () => false), 30_000);
  return url;
}

/** Requests nginx sent to each upstream, by "host:port". */
function upstreamCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of fs.readFileSync(path.join(work, "access.log"), "utf8").split("\n").filter(Boolean)) {
    const addr = line.split(" ")[0]!;
    counts.set(addr, (counts.get(addr) ?? 0) + 1);
  }
  return counts;
}

describe("several instances on one database", () => {
  it("serves one scenario from two instances behind nginx and runs the reminder sweep once per period", async () => {
    const db = await freshDatabase("instances", { seed: true });
    const { number: payNumber } = await payableToday(db.ownerUrl, "LB");
    // Reminders every minute on both instances; something overdue so every sweep has work.
    const env = { PORTAL_JOBS: "on", REMINDER_CRON: "* * * * *", METRICS_TOKEN: TOKEN, AUTH_SECRET: "ops-test-shared-auth-secret-0123456789abcdef" };
    servers.push(await startNext(db.appUrl, env, 3400));
    servers.push(await startNext(db.appUrl, env, servers[0]!.port + 1));
    const started = Date.now();
    const url = await startNginx(servers.map((s) => s.port));

    // Sign in, fill the form, upload evidence and submit — through nginx.
    const cadre = await signedIn(url, "cadre");
    await cadre.goto("/applications/new");
    await cadre.getByRole("radio", { name: /第十五条/ }).check();
    await cadre.getByLabel("事件类别").selectOption({ index: 1 });
    await cadre.getByLabel("事件发生日期").fill(new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10));
    await cadre.getByLabel("事件经过").fill("运维测试：多实例场景。");
    await cadre.getByLabel("损害或损失情况").fill("运维测试。");
    await cadre.getByLabel("申请补助金额（元）").fill("1500");
    await cadre.getByLabel("开户银行").fill("中国工商银行大连分行");
    await cadre.getByLabel("户名").fill("测试申请人");
    await cadre.getByLabel("银行账号").fill("6222020000000000123");
    await cadre.getByRole("button", { name: "保存草稿" }).click();
    await cadre.waitForURL(/\/applications\/\d+$/);
    const applicationNumber = /DLQB-\d{4}-\d{6}/.exec((await cadre.getByTestId("application-title").textContent()) ?? "")![0];
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    await cadre.getByLabel("选择文件").setInputFiles({ name: "多实例.pdf", mimeType: "application/pdf", buffer: pdf });
    await cadre.getByRole("button", { name: "上传", exact: true }).click();
    await cadre.getByTestId("attachments").getByRole("link", { name: "多实例.pdf" }).waitFor();
    // The file, stored by one instance, downloads identically through both.
    const href = await cadre.getByTestId("attachments").getByRole("link", { name: "多实例.pdf" }).getAttribute("href");
    for (let i = 0; i < 4; i++) expect(Buffer.compare(Buffer.from(await (await cadre.request.get(href!)).body()), pdf)).toBe(0);
    await cadre.getByRole("button", { name: "提交申请" }).click();
    await expect.poll(() => cadre.getByTestId("application-status").textContent(), { timeout: 60_000 }).toBe("审核中 · 基层工会研究提出意见");

    // The own union reviews and reports on.
    const grassroots = await signedIn(url, "grassroots");
    await grassroots.goto(`/applications/queue?q=${applicationNumber}`);
    await grassroots.getByRole("link", { name: applicationNumber }).first().click();
    const panel = grassroots.getByTestId("action-panel");
    await panel.getByRole("radio", { name: "同意并上报" }).check();
    await panel.getByLabel("所在单位工会意见").fill("同意上报。（多实例）");
    await panel.getByRole("button", { name: "提交意见并上报", exact: true }).click();
    await expect.poll(() => grassroots.getByTestId("application-status").textContent(), { timeout: 60_000 }).toBe("审核中 · 区市县/产业工会调查核实");

    // The office pays.
    const office = await signedIn(url, "office");
    await clickPay(office, payNumber);
    await expect.poll(() => office.getByTestId("flash").textContent(), { timeout: 60_000 }).toBe("支付已入账。");

    // Requests alternated: both instances served a fair share of the scenario.
    const counts = upstreamCounts();
    const served = servers.map((s) => counts.get(`127.0.0.1:${s.port}`) ?? 0);
    expect(served.every((n) => n >= 10)).toBe(true);
    expect(Math.min(...served) / Math.max(...served)).toBeGreaterThan(0.5);

    // Health and metrics on each instance (metrics only with the token).
    for (const s of servers) {
      const health = await fetch(`${s.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "ok", checks: { database: { ok: true }, migrations: { ok: true }, jobs: { ok: true, detail: "running" }, disk: { ok: true } } });
      expect((await fetch(`${s.url}/api/metrics`)).status).toBe(401);
      expect((await fetch(`${s.url}/api/metrics`, { headers: { authorization: "Bearer wrong-token-wrong-token-xx" } })).status).toBe(401);
      const text = await (await fetch(`${s.url}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
      expect(text).toMatch(/portal_http_request_duration_seconds_count\{[^}]*route="\/applications\/\[id\]"/);
      expect(text).toMatch(/portal_db_pool_connections\{[^}]*state="total"[^}]*\} [1-9]/);
      expect(text).toContain("process_cpu_seconds_total");
    }
    const metricsText = (await Promise.all(servers.map(async (s) => (await fetch(`${s.url}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text()))).join("\n");
    expect(metricsText).toMatch(/portal_action_outcomes_total\{[^}]*action="fund.pay"[^}]*outcome="ok"[^}]*\} 1/);

    // One sweep per period across both instances: wait for two full periods after both started.
    const perMinute = () =>
      sql<{ minute: string; n: number }>(
        db.ownerUrl,
        `SELECT to_char(date_trunc('minute', created_on), 'HH24:MI') AS minute, count(*)::int AS n FROM
           (SELECT created_on FROM pgboss.job WHERE name = 'application-deadline-reminders' UNION ALL SELECT created_on FROM pgboss.archive WHERE name = 'application-deadline-reminders') j
         WHERE created_on > to_timestamp($1 / 1000.0) GROUP BY 1 ORDER BY 1`,
        [started],
      );
    const runs = await until("two reminder periods", async () => ((await perMinute()).length >= 2 ? perMinute() : null), 200_000);
    for (const r of runs) expect(r.n, `sweeps in ${r.minute}`).toBe(1);
    await until("the sweeps to finish", async () => {
      const done = servers.map((s) => s.output().split("\n").filter((l) => l.includes('"job":"application-deadline-reminders"') && l.includes('"msg":"job done"')).length);
      return done.reduce((a, b) => a + b, 0) >= runs.length;
    }, 60_000);

    // Stop both cleanly.
    for (const s of servers) s.child.kill("SIGTERM");
    await Promise.all(servers.map((s) => s.exited));
    for (const s of servers) expect(errorLines(s.output())).toEqual([]);
  });
});

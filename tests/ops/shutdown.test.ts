/**
 * Issue 12 item 2: SIGTERM while a payout request and a reminder sweep are in
 * flight. The test holds the audit chain's advisory lock, which every
 * mutation takes last (lib/audit/writer.ts), so both are caught mid-way; then
 * it sends SIGTERM and lets them go. The server must stop accepting, finish
 * both, stop pg-boss, close its pool and exit — no error-level log line, no
 * connection cut (57P01), no partial state — and start again cleanly.
 */
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, adminUrlOf, clickPay, closeBrowser, errorLines, freshDatabase, payableToday, signedIn, sql, startNext, until, type Server } from "./helpers";
import { spawnSync } from "node:child_process";

const CHAIN_LOCK_KEY = 727_001; // lib/audit/writer.ts
let server: Server | undefined;
let holder: pg.Client | undefined;

afterAll(async () => {
  if (server && server.child.exitCode === null) server.child.kill("SIGKILL");
  await holder?.end().catch(() => undefined);
  await closeBrowser();
});

describe("stop on SIGTERM", () => {
  it("finishes a payout and a reminder sweep in flight, logs no error and restarts cleanly", async () => {
    const db = await freshDatabase("shutdown", { seed: true });
    const { number, payableId, fundId } = await payableToday(db.ownerUrl, "TERM");
    // An application overdue at its stage: the sweep has something to remind.
    const [overdue] = await sql<{ id: number }>(db.ownerUrl, `UPDATE "Application" SET "stageDueAt" = now() - interval '1 day', "stageRemindedAt" = NULL WHERE id = (SELECT id FROM "Application" WHERE status = 'IN_REVIEW' ORDER BY id LIMIT 1) RETURNING id`);
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    const [before] = await sql<{ balance: string; entries: number }>(db.ownerUrl, `SELECT balance::text, "entryCount" AS entries FROM "FundYear" WHERE "fundId" = $1 AND year = $2`, [fundId, year]);

    server = await startNext(db.appUrl, { PORTAL_JOBS: "on", REMINDER_CRON: "0 3 1 1 *", SHUTDOWN_TIMEOUT_SECONDS: "60" });
    const office = await signedIn(server.url, "office");
    await until("the job runner", () => server!.output().includes("background jobs started"));

    holder = new pg.Client({ connectionString: db.ownerUrl });
    await holder.connect();
    await holder.query("SELECT pg_advisory_lock($1)", [CHAIN_LOCK_KEY]);

    // 1. The payout: the office presses 确认支付; the request blocks inside its transaction.
    await clickPay(office, number);
    // 2. The sweep: queued now (as the cron would), picked up by the server's worker.
    const boss = new PgBoss({ connectionString: db.appUrl, schema: "pgboss", migrate: false, supervise: false, schedule: false });
    await boss.start();
    await boss.send("application-deadline-reminders", {});
    await boss.stop({ graceful: false });
    const waiting = () =>
      sql<{ n: number }>(adminUrlOf(db.name), `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'`).then((r) => r[0]!.n);
    await until("the payout and the sweep to wait on the chain lock", async () => (await waiting()) >= 2, 120_000).catch(async (error) => {
      const jobs = await sql(db.ownerUrl, `SELECT state, output FROM pgboss.job WHERE name = 'application-deadline-reminders'`);
      const activity = await sql(adminUrlOf(db.name), `SELECT application_name, state, wait_event_type, wait_event, left(query, 80) AS q FROM pg_stat_activity WHERE datname = current_database()`);
      throw new Error(`${(error as Error).message}\njobs: ${JSON.stringify(jobs)}\nactivity: ${JSON.stringify(activity)}\nserver: ${server!.output().slice(-3000)}`);
    });
    expect((await sql(db.ownerUrl, `SELECT 1 FROM pgboss.job WHERE name = 'application-deadline-reminders' AND state = 'active'`)).length).toBe(1);

    // 3. SIGTERM mid-way: the server stops accepting new connections and drains.
    server.child.kill("SIGTERM");
    await until("the listening socket to close", async () => fetch(`${server!.url}/login`).then(() => false, () => true), 30_000);
    expect(await waiting()).toBeGreaterThanOrEqual(2); // nothing was cut
    await holder.query("SELECT pg_advisory_unlock($1)", [CHAIN_LOCK_KEY]);

    // The payout's response still arrives, then the process exits.
    await office.getByTestId("flash").waitFor();
    expect(await office.getByTestId("flash").textContent()).toBe("支付已入账。");
    const exit = await server.exited;
    const log = server.output();
    expect(exit === 143 || exit === 0 || exit === 130).toBe(true);
    expect(errorLines(log)).toEqual([]);
    expect(log).toContain("shutting down: draining requests and jobs");
    expect(log).toMatch(/"msg":"stopped"/);

    // 4. No partial state: the payout is whole, the sweep is whole and its job completed.
    const [payable] = await sql<{ status: string }>(db.ownerUrl, `SELECT status FROM "Payable" WHERE id = $1`, [payableId]);
    expect(payable!.status).toBe("PAID");
    expect((await sql(db.ownerUrl, `SELECT 1 FROM "LedgerEntry" WHERE "payableId" = $1 AND kind = 'DISBURSEMENT'`, [payableId])).length).toBe(1);
    const [after] = await sql<{ balance: string; entries: number }>(db.ownerUrl, `SELECT balance::text, "entryCount" AS entries FROM "FundYear" WHERE "fundId" = $1 AND year = $2`, [fundId, year]);
    expect(Number(before!.balance) - Number(after!.balance)).toBe(1000);
    expect(after!.entries).toBe(before!.entries + 1);
    expect((await sql<{ at: Date | null }>(db.ownerUrl, `SELECT "stageRemindedAt" AS at FROM "Application" WHERE id = $1`, [overdue!.id]))[0]!.at).not.toBeNull();
    const states = await sql<{ state: string }>(db.ownerUrl, `SELECT state FROM pgboss.job WHERE name = 'application-deadline-reminders' UNION ALL SELECT state FROM pgboss.archive WHERE name = 'application-deadline-reminders'`);
    expect(states.map((s) => s.state)).toEqual(["completed"]);

    // 5. A clean restart on the same database; the chain and the ledger verify.
    server = await startNext(db.appUrl, { PORTAL_JOBS: "on" });
    // The job runner starts after the server listens: wait for health to turn ok (a condition, not a time).
    const health = await until("health ok after the restart", async () => {
      const response = await fetch(`${server!.url}/api/health`);
      return response.status === 200 ? ((await response.json()) as { status: string }) : null;
    });
    expect(health.status).toBe("ok");
    server.child.kill("SIGTERM");
    await server.exited;
    expect(errorLines(server.output())).toEqual([]);
    for (const script of ["audit:verify", "ledger:verify"]) {
      const result = spawnSync("npm", ["run", "--silent", script], { cwd: ROOT, env: { ...process.env, DATABASE_URL: db.appUrl, LOG_LEVEL: "silent" }, encoding: "utf8" });
      expect(result.status, `${script}: ${result.stdout}${result.stderr}`).toBe(0);
    }
  });
});

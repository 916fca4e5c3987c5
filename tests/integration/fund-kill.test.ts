/**
 * A process killed in the middle of a payout leaves no partial ledger state:
 * the entry, the payable's PAID status and the FundYear balance are written in
 * one transaction that never commits.
 *
 * How the child is caught mid-transaction: the audit writer takes the audit
 * chain's advisory lock at the END of every mutation (lib/audit/writer.ts),
 * after the ledger entry is inserted. The test holds that lock, so the child
 * blocks there with its entry inserted but uncommitted; then it is SIGKILLed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { openFundYear } from "@/lib/ledger/years";
import { payPayable } from "@/lib/ledger/payout";
import { approvedApplication, balanceOf, day, fundWorld, type FundWorld } from "./fund-fixtures";

const CHAIN_LOCK_KEY = 727_001; // lib/audit/writer.ts
const NOW = new Date("2026-11-21T04:00:00Z");
const ROOT = path.resolve(__dirname, "..", "..");

let w: FundWorld;
let holder: pg.Client;
let child: ChildProcess | undefined;

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  w = await fundWorld();
  await openFundYear(w.ctx, { fundId: w.funds.district.id, year: 2025 }, NOW);
  holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await holder.connect();
});

afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await holder.end();
});

describe("kill mid-payout", () => {
  it("leaves no entry, no PAID payable and the balance unchanged; the next payout works", async () => {
    const { payables } = await approvedApplication(w, "ART16", w.funds.district.id, [{ amount: "3000.00", periodStart: "2025-04-01" }]);
    const payableId = payables[0]!.id;
    const entriesBefore = await db().ledgerEntry.count({ where: { fundId: w.funds.district.id, year: 2025 } });

    await holder.query("SELECT pg_advisory_lock($1)", [CHAIN_LOCK_KEY]);
    let output = "";
    child = spawn(process.execPath, ["--import", "tsx", "tests/integration/fund-payout-child.ts", String(w.office.id), String(payableId), "2025-04-02"], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (d) => (output += String(d)));
    child.stderr!.on("data", (d) => (output += String(d)));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child!.once("exit", (code, signal) => resolve(signal ?? code)));

    // The child's backend waits for the chain lock *after* inserting its ledger entry.
    const pid = await until("the child's payout to block on the audit lock", async () => {
      const { rows } = await holder.query<{ pid: number }>(
        `SELECT a.pid FROM pg_stat_activity a
         WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()
           AND a.wait_event_type = 'Lock' AND a.wait_event = 'advisory'
           AND EXISTS (SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                       WHERE l.pid = a.pid AND c.relname = 'LedgerEntry' AND l.mode = 'RowExclusiveLock' AND l.granted)`,
      );
      return rows[0]?.pid;
    });
    // Mid-transaction: nothing is visible to others.
    expect(await db().ledgerEntry.count({ where: { payableId } })).toBe(0);

    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(output).not.toContain("paid\n");
    await holder.query("SELECT pg_advisory_unlock($1)", [CHAIN_LOCK_KEY]);
    await until("the killed backend to end", async () => {
      const { rows } = await holder.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [pid]);
      return rows.length === 0;
    });

    expect(await db().ledgerEntry.count({ where: { payableId } })).toBe(0);
    expect(await db().ledgerEntry.count({ where: { fundId: w.funds.district.id, year: 2025 } })).toBe(entriesBefore);
    expect(await db().payable.findUniqueOrThrow({ where: { id: payableId } })).toMatchObject({ status: "SCHEDULED", version: 0, paidAt: null });
    const year = await db().fundYear.findUniqueOrThrow({ where: { fundId_year: { fundId: w.funds.district.id, year: 2025 } } });
    expect(year.balance.toFixed(2)).toBe("100000.00");
    expect(year.entryCount).toBe(entriesBefore);

    const paid = await payPayable(w.ctx, { payableId, payableVersion: 0, paidOn: day("2025-04-02"), method: "BANK_TRANSFER" }, NOW);
    expect(paid).toMatchObject({ replayed: false, balanceAfter: "97000.00" });
    expect(await balanceOf(w.funds.district.id, 2025)).toBe("97000.00");
  });
});

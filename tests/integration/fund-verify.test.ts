/**
 * `npm run ledger:verify` end to end: exit 0 on a consistent ledger, exit 1
 * naming the fund-year when an entry was tampered with behind the append-only
 * trigger (which refuses UPDATE through the normal path).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openFundYear } from "@/lib/ledger/years";
import { payPayable } from "@/lib/ledger/payout";
import { ownerDb } from "../helpers/owner";
import { approvedApplication, day, fundWorld } from "./fund-fixtures";

const NOW = new Date("2026-11-21T04:00:00Z");
const ROOT = path.resolve(__dirname, "..", "..");

function ledgerVerify() {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/ledger-verify.ts"], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "silent" }, encoding: "utf8", timeout: 60_000 });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

describe("npm run ledger:verify", () => {
  it("passes on a consistent ledger and fails, naming the fund-year, on a tampered entry", async () => {
    const w = await fundWorld();
    await openFundYear(w.ctx, { fundId: w.funds.district.id, year: 2025 }, NOW);
    const { payables } = await approvedApplication(w, "ART16", w.funds.district.id, [{ amount: "3000.00", periodStart: "2025-05-01" }]);
    const paid = await payPayable(w.ctx, { payableId: payables[0]!.id, payableVersion: 0, paidOn: day("2025-05-02"), method: "CASH" }, NOW);

    const ok = ledgerVerify();
    expect(ok.out).toContain("ledger consistent");
    expect(ok.code).toBe(0);

    // Tampering as the owner could (the application role cannot: least-privilege.test.ts).
    await expect(ownerDb().$executeRaw`UPDATE "LedgerEntry" SET amount = -300.00 WHERE id = ${BigInt(paid.entryId)}`).rejects.toThrow(/append-only/);
    await ownerDb().$executeRawUnsafe(`ALTER TABLE "LedgerEntry" DISABLE TRIGGER "LedgerEntry_append_only"`);
    try {
      await ownerDb().$executeRaw`UPDATE "LedgerEntry" SET amount = -300.00 WHERE id = ${BigInt(paid.entryId)}`;
      const broken = ledgerVerify();
      expect(broken.code).toBe(1);
      expect(broken.out).toContain(`✗ fund ${w.funds.district.id} `);
      expect(broken.out).toContain("balance 97000.00 ≠ Σ entries 99700.00");
      expect(broken.out).toContain("ledger INCONSISTENT");
    } finally {
      await ownerDb().$executeRaw`UPDATE "LedgerEntry" SET amount = -3000.00 WHERE id = ${BigInt(paid.entryId)}`;
      await ownerDb().$executeRawUnsafe(`ALTER TABLE "LedgerEntry" ENABLE TRIGGER "LedgerEntry_append_only"`);
    }
    expect(ledgerVerify().code).toBe(0);
  });
});

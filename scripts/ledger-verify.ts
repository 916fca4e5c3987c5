/**
 * `npm run ledger:verify`: check every fund (of every kind) and year of the
 * ledger (README "The ledger"): stored balance = Σ entries, seq
 * 1..n contiguous, balanceAfter chain, openingBalance = net rollover, settled
 * years' closing balance = next year's rollover. Exit 1 on any mismatch.
 */
import { runWithAppDb } from "./lib/app-db";

runWithAppDb(async () => {
  const { db } = await import("@/lib/db");
  const { verifyLedger } = await import("@/lib/ledger/verify");
  const report = await verifyLedger(db());
  for (const y of report.years) {
    const mark = y.problems.length ? "✗" : "✓";
    console.log(`${mark} fund ${y.fundId} ${y.fundName} ${y.year} ${y.status} balance ${y.balance} entries ${y.entryCount}`);
    for (const p of y.problems) console.log(`    ${p}`);
  }
  if (report.orphanEntries) console.log(`✗ ${report.orphanEntries} entries belong to no fund-year`);
  const bad = report.years.filter((y) => y.problems.length).length;
  if (report.ok) {
    console.log(`账实一致 / ledger consistent: ${report.years.length} fund-years, ${report.entries} entries verified`);
    return 0;
  }
  console.error(`账实不符 / ledger INCONSISTENT: ${bad} of ${report.years.length} fund-years, ${report.orphanEntries} orphan entries`);
  return 1;
});

/**
 * `npm run ledger:verify`: check every fund and year of the rights protection
 * fund ledger (README "The fund ledger"): stored balance = Σ entries, seq
 * 1..n contiguous, balanceAfter chain, openingBalance = net rollover, settled
 * years' closing balance = next year's rollover. Exit 1 on any mismatch.
 */
import { runWithAppDb } from "./lib/app-db";

/** Write and wait until the text is handed to the OS: runWithAppDb exits the process right after, and a pipe would lose the tail. */
const write = (stream: NodeJS.WriteStream, text: string) => new Promise<void>((resolve, reject) => stream.write(text, (err) => (err ? reject(err) : resolve())));

runWithAppDb(async () => {
  const { db } = await import("@/lib/db");
  const { verifyLedger } = await import("@/lib/fund/verify");
  const report = await verifyLedger(db());
  const lines: string[] = [];
  for (const y of report.years) {
    const mark = y.problems.length ? "✗" : "✓";
    lines.push(`${mark} fund ${y.fundId} ${y.fundName} ${y.year} ${y.status} balance ${y.balance} entries ${y.entryCount}`);
    for (const p of y.problems) lines.push(`    ${p}`);
  }
  if (report.orphanEntries) lines.push(`✗ ${report.orphanEntries} entries belong to no fund-year`);
  const bad = report.years.filter((y) => y.problems.length).length;
  if (report.ok) {
    lines.push(`账实一致 / ledger consistent: ${report.years.length} fund-years, ${report.entries} entries verified`);
    await write(process.stdout, `${lines.join("\n")}\n`);
    return 0;
  }
  await write(process.stdout, `${lines.join("\n")}\n`);
  await write(process.stderr, `账实不符 / ledger INCONSISTENT: ${bad} of ${report.years.length} fund-years, ${report.orphanEntries} orphan entries\n`);
  return 1;
});

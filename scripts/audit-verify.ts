/**
 * `npm run audit:verify [-- --checkpoint]`: recompute the audit hash chain and
 * check it against the signed checkpoints (lib/audit/checkpoint.ts): an edited,
 * deleted or reordered row, a rewritten chain, a cut tail. Exit 1 on any break.
 * `--checkpoint` first records a checkpoint of the current head.
 */
import { runWithAppDb } from "./lib/app-db";

runWithAppDb(async () => {
  const { loadCheckpointKey, recordCheckpoint, verifyAgainstCheckpoints, describeReport } = await import("@/lib/audit/checkpoint");
  if (process.argv.includes("--checkpoint")) await recordCheckpoint("manual", loadCheckpointKey());
  const report = await verifyAgainstCheckpoints(undefined, loadCheckpointKey());
  if (report.ok) {
    console.log(`审计链完整 / audit chain intact: ${report.chain.rows} rows verified; ${report.checkpoints} checkpoint(s)` +
      (report.latest ? `, latest #${report.latest.id} at row ${report.latest.headId} (${report.latest.at.toISOString()}), ${report.unanchoredRows} row(s) after it` : ", none yet: the chain's tail is not anchored"));
    return 0;
  }
  console.error("审计链校验失败 / audit chain BROKEN:");
  for (const line of describeReport(report)) console.error(`- ${line}`);
  return 1;
});

/** `npm run audit:verify`: recompute the audit hash chain; exit 1 when it is broken. */
import { runWithAppDb } from "./lib/app-db";

runWithAppDb(async () => {
  const { db } = await import("@/lib/db");
  const { verifyAuditChain } = await import("@/lib/audit/verify");
  const report = await verifyAuditChain(db());
  if (report.ok) {
    console.log(`审计链完整 / audit chain intact: ${report.rows} rows verified`);
    return 0;
  }
  console.error(`审计链被篡改 / audit chain BROKEN at row ${report.brokenAtId} (${report.reason}); ${report.rows} rows before it are intact`);
  return 1;
});

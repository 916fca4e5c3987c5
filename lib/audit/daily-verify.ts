/**
 * The daily `audit:verify` job (issue 10.8): verify the chain against its
 * checkpoints and, on any break, notify every administrator of the city
 * federation (in-app + e-mail/SMS copy) and log an error.
 */
import { db, type Tx } from "@/lib/db";
import { logger } from "@/lib/logger";
import { createNotifications, deliver } from "@/lib/notifications/service";
import { mutate, systemContext } from "./writer";
import { describeReport, loadCheckpointKey, verifyAgainstCheckpoints, type AuditReport, type CheckpointKey } from "./checkpoint";

/**
 * Run the verification; notify administrators when it fails.
 * @param client where the chain is read (tests pass a tampered transaction)
 * @returns the report and who was told
 */
export async function verifyAndAlert(key: CheckpointKey = loadCheckpointKey(), client: Tx = db()): Promise<{ report: AuditReport; notified: number[] }> {
  const report = await verifyAgainstCheckpoints(client, key);
  if (report.ok) return { report, notified: [] };
  const lines = describeReport(report);
  logger().error({ problems: lines }, "audit chain verification FAILED");
  const admins = await db().user.findMany({
    where: { roles: { has: "ADMIN" }, disabled: false, organization: { type: "CITY_FEDERATION" } },
    select: { id: true },
  });
  const userIds = admins.map((a) => a.id);
  if (userIds.length === 0) return { report, notified: [] };
  const messages = await mutate(systemContext("audit-verify"), async (tx, record) => {
    record({ action: "audit.verifyFailed", entityType: "AuditLog", entityId: report.chain.ok ? "checkpoints" : (report.chain.brokenAtId ?? "chain"), after: { problems: lines } });
    return createNotifications(tx, record, [{ userIds, kind: "auditChainBroken", values: { problem: lines.join("；").slice(0, 600) }, link: "/audit" }]);
  });
  await deliver(messages);
  return { report, notified: userIds };
}

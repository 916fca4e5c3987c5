/**
 * Child process of the ops tests: as the application (DATABASE_URL), pay one
 * payable as the demo office user and upload evidence files to an application as its
 * applicant, through the portal's own services (audited, like the UI).
 * Usage: node --import tsx tests/ops/fixture-child.ts <payableId> <applicationId>
 */
import { randomUUID } from "node:crypto";
import { actorFromUser } from "@/lib/authz/actor";
import { storeEvidence } from "@/lib/applications/attachments";
import { db, disconnectDb } from "@/lib/db";
import "@/lib/plugins";
import { payPayable } from "@/lib/ledger/payout";

async function actor(username: string) {
  return actorFromUser(await db().user.findUniqueOrThrow({ where: { username }, include: { organization: true } }));
}

async function main() {
  const [payableId, applicationId] = process.argv.slice(2).map(Number);
  const office = await actor("office");
  const today = new Date(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10) + "T00:00:00Z");
  await payPayable({ actor: office, requestId: randomUUID() }, { payableId: payableId!, payableVersion: 0, paidOn: today, method: "BANK_TRANSFER" });
  const app = await db().application.findUniqueOrThrow({ where: { id: applicationId! }, include: { applicant: true } });
  const applicant = await actor(app.applicant.username);
  // A PDF and a PNG spanning several storage chunks.
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: 600_000 }, (_, i) => (i * 7) % 256))]);
  for (const [bytes, name, type] of [[pdf, "备份测试.pdf", "application/pdf"], [png, "备份测试.png", "image/png"]] as const) {
    await storeEvidence({ actor: applicant, requestId: randomUUID() }, { applicationId: applicationId!, file: new File([new Uint8Array(bytes)], name, { type }), permission: "application.edit" });
  }
  console.log("fixtures done");
}

main().then(
  async () => {
    await disconnectDb();
    process.exit(0);
  },
  async (error) => {
    console.error(error);
    await disconnectDb();
    process.exit(1);
  },
);

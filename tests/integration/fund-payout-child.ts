/**
 * Child process of fund-kill.test.ts: pays one payable as the given office
 * user. The test SIGKILLs this process while its payout transaction is open.
 * Usage: node --import tsx tests/integration/fund-payout-child.ts <userId> <payableId> <paidOn>
 */
import { randomUUID } from "node:crypto";
import { actorFromUser } from "@/lib/authz/actor";
import { db } from "@/lib/db";
import { payPayable } from "@/lib/ledger/payout";
import "@/lib/plugins";

async function main() {
  const [userId, payableId, paidOn] = process.argv.slice(2).map(String);
  const user = await db().user.findUniqueOrThrow({ where: { id: Number(userId) }, include: { organization: true } });
  const actor = actorFromUser(user);
  console.log("paying");
  await payPayable({ actor, requestId: randomUUID() }, { payableId: Number(payableId), payableVersion: 0, paidOn: new Date(`${paidOn}T00:00:00Z`), method: "BANK_TRANSFER" });
  console.log("paid");
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

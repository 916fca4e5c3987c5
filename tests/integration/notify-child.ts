/**
 * Child process of notifications-outbox.test.ts: commits one notification for
 * user <userId> (through the same service the workflow uses) and then hangs in
 * the e-mail/SMS sender, where the test SIGKILLs it — a crash after the commit,
 * before the copy went out.
 * Usage: node --import tsx tests/integration/notify-child.ts <userId>
 */
import { mutate, systemContext } from "@/lib/audit/writer";
import { createNotifications, deliver } from "@/lib/notifications/service";
import { setNotificationSender } from "@/lib/notifications/sender";

async function main() {
  const userId = Number(process.argv[2]);
  setNotificationSender({
    name: "hang",
    send: async (message) => {
      console.log(`sending ${message.notificationId}`);
      await new Promise(() => undefined);
    },
  });
  const outbox = await mutate(systemContext("crash-test"), (tx, record) =>
    createNotifications(tx, record, [{ userIds: [userId], kind: "applicationProgress", values: { number: "CRASH-1", stage: "测试" } }]),
  );
  console.log(`committed ${outbox[0]!.notificationId}`);
  await deliver(outbox);
}

void main();

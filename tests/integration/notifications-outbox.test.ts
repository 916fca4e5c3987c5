/**
 * Issue 10 item 17: e-mail/SMS copies are queued in the same transaction as
 * the notification (outbox), so a crash between the commit and the send loses
 * none; and a failed job-runner start at boot is retried with back-off.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { mutate, systemContext } from "@/lib/audit/writer";
import { db } from "@/lib/db";
import { keepStartingJobs, startJobs, stopJobs } from "@/lib/jobs";
import { drainDeliveries, MAX_ATTEMPTS } from "@/lib/notifications/outbox";
import { setNotificationSender, type OutgoingMessage } from "@/lib/notifications/sender";
import { createNotifications, deliver } from "@/lib/notifications/service";
import { runtime } from "@/lib/ops/runtime";
import { createTree, createUser } from "../helpers/fixtures";

const ROOT = path.resolve(__dirname, "..", "..");
let userId = 0;
const sent: OutgoingMessage[] = [];
const recorder = { name: "recorder", send: async (m: OutgoingMessage) => void sent.push(m) };

beforeAll(async () => {
  const { grassroots } = await createTree();
  userId = (await createUser(grassroots.id, ["CADRE"])).id;
});
afterEach(() => {
  setNotificationSender(null);
  sent.length = 0;
});
afterAll(() => stopJobs());

const notify = (number: string) =>
  mutate(systemContext("outbox-test"), (tx, record) => createNotifications(tx, record, [{ userIds: [userId], kind: "applicationProgress", values: { number, stage: "测试" } }]));
const deliveryOf = (notificationId: number) => db().notificationDelivery.findUniqueOrThrow({ where: { notificationId } });

describe("notification outbox", () => {
  it("writes the copy with the notification: both or neither", async () => {
    await expect(
      mutate(systemContext("outbox-test"), async (tx, record) => {
        await createNotifications(tx, record, [{ userIds: [userId], kind: "applicationProgress", values: { number: "ROLLBACK-1", stage: "测试" } }]);
        throw new Error("the change fails after the notification was written");
      }),
    ).rejects.toThrow(/change fails/);
    expect(await db().notification.count({ where: { title: { contains: "ROLLBACK-1" } } })).toBe(0);
    expect(await db().notificationDelivery.count({ where: { notification: { title: { contains: "ROLLBACK-1" } } } })).toBe(0);

    const [message] = await notify("COMMIT-1");
    expect(await deliveryOf(message!.notificationId)).toMatchObject({ status: "PENDING", attempts: 0 });
    setNotificationSender(recorder);
    await deliver([message!]);
    expect(sent.map((m) => m.notificationId)).toEqual([message!.notificationId]);
    expect(await deliveryOf(message!.notificationId)).toMatchObject({ status: "SENT", attempts: 1 });
    // Sent once: a later drain (the job) finds nothing to send.
    await drainDeliveries();
    expect(sent.length).toBe(1);
  });

  it("loses no copy when the process dies after the commit, before the send: the job sends it once", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/integration/notify-child.ts", String(userId)], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "silent" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
    const sending = new Promise<number>((resolve, reject) => {
      child.stdout!.on("data", (d) => {
        output += String(d);
        const m = /sending (\d+)/.exec(output);
        if (m) resolve(Number(m[1]));
      });
      child.stderr!.on("data", (d) => (output += String(d)));
      child.once("exit", () => reject(new Error(`child exited early:\n${output}`)));
    });
    const notificationId = await sending;
    expect(output).toContain(`committed ${notificationId}`);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    expect(await db().notification.findUnique({ where: { id: notificationId } })).not.toBeNull();
    expect(await deliveryOf(notificationId)).toMatchObject({ status: "PENDING", sentAt: null });
    setNotificationSender(recorder);
    // The claim of the killed process ended with its connection: the row is free to take.
    const deadline = Date.now() + 30_000;
    while (!sent.some((m) => m.notificationId === notificationId) && Date.now() < deadline) {
      await drainDeliveries();
      if (!sent.some((m) => m.notificationId === notificationId)) await new Promise((r) => setTimeout(r, 100));
    }
    expect(sent.filter((m) => m.notificationId === notificationId).length).toBe(1);
    expect(await deliveryOf(notificationId)).toMatchObject({ status: "SENT" });
  });

  it("retries a failed send with back-off and gives up after the last attempt", async () => {
    const [message] = await notify("FAIL-1");
    const id = message!.notificationId;
    setNotificationSender({ name: "down", send: async () => Promise.reject(new Error("gateway down")) });
    const t0 = new Date();
    await deliver([message!]);
    expect(await deliveryOf(id)).toMatchObject({ status: "PENDING", attempts: 1, lastError: "gateway down" });
    expect((await deliveryOf(id)).nextAttemptAt.getTime()).toBeGreaterThanOrEqual(t0.getTime() + 60_000 - 1000);
    // Not due yet: the job leaves it alone.
    setNotificationSender(recorder);
    await drainDeliveries({ now: t0 });
    expect(sent.length).toBe(0);
    // Failing until the last attempt marks it FAILED.
    setNotificationSender({ name: "down", send: async () => Promise.reject(new Error("gateway down")) });
    for (let i = 2; i <= MAX_ATTEMPTS; i++) await drainDeliveries({ now: new Date(Date.now() + 2 ** i * 60_000) });
    expect(await deliveryOf(id)).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
  });
});

describe("job runner start at boot", () => {
  it("retries a failed start with back-off until the database answers", async () => {
    const unreachable = "postgresql://nobody:x@127.0.0.1:9/portal";
    const attempts: string[] = [];
    const ok = await keepStartingJobs({
      baseDelayMs: 20,
      start: async () => {
        const url = attempts.length < 2 ? unreachable : process.env.DATABASE_URL!;
        attempts.push(url === unreachable ? "unreachable" : "database");
        return startJobs([{ name: "application-deadline-reminders", cron: null, run: async () => ({}) }], url);
      },
    });
    expect(ok).toBe(true);
    expect(attempts).toEqual(["unreachable", "unreachable", "database"]);
    expect(runtime()).toMatchObject({ jobs: "running", jobsError: null });
    await stopJobs();
    expect(runtime().jobs).toBe("stopped");
  });
});

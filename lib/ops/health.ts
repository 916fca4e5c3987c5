/**
 * Health of this server process for a load balancer (GET /api/health):
 * database reachable, every committed migration applied, job runner alive
 * (or switched off with PORTAL_JOBS=off), free space on the data volume above
 * HEALTH_MIN_FREE_MB, and not draining for shutdown. No check reveals data:
 * only names, states and numbers.
 */
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { runtime } from "./runtime";

export type Check = { ok: boolean; detail?: string | number };
export type Health = { status: "ok" | "fail" | "draining"; checks: Record<"database" | "migrations" | "jobs" | "disk", Check> };

/** Names of the committed migrations (prisma/migrations/<name>/migration.sql). */
function committedMigrations(): string[] {
  const dir = path.join(process.cwd(), "prisma", "migrations");
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, "migration.sql"))).sort();
}

async function check(fn: () => Promise<Check>): Promise<Check> {
  try {
    return await fn();
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message.slice(0, 200) : "error" };
  }
}

/** Run every check. */
export async function health(): Promise<Health> {
  const e = env();
  const state = runtime();
  const [database, migrations, disk] = await Promise.all([
    check(async () => {
      await db().$queryRaw`SELECT 1`;
      return { ok: true };
    }),
    check(async () => {
      const applied = await db().$queryRaw<{ name: string }[]>`SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
      const have = new Set(applied.map((r) => r.name));
      const pending = committedMigrations().filter((m) => !have.has(m));
      return pending.length ? { ok: false, detail: `pending: ${pending.join(", ")}` } : { ok: true, detail: have.size };
    }),
    check(async () => {
      const stats = await fs.promises.statfs(fs.existsSync(e.PORTAL_DATA_DIR) ? e.PORTAL_DATA_DIR : process.cwd());
      const freeMb = Math.floor((Number(stats.bavail) * Number(stats.bsize)) / 2 ** 20);
      return { ok: freeMb >= e.HEALTH_MIN_FREE_MB, detail: freeMb };
    }),
  ]);
  const jobs: Check = e.PORTAL_JOBS === "off" ? { ok: true, detail: "off" } : { ok: state.jobs === "running", detail: state.jobs };
  const checks = { database, migrations, jobs, disk };
  const status = state.draining ? "draining" : Object.values(checks).every((c) => c.ok) ? "ok" : "fail";
  return { status, checks };
}

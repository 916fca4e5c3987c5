/**
 * `npm start`: one command from a fresh clone to a running portal.
 *
 * 1. DATABASE_URL given → use it; else start embedded PostgreSQL (.data/pg).
 * 2. Apply every committed migration (`prisma migrate deploy`).
 * 3. Load the demo data once (skipped when present).
 * 4. `next build` when the sources changed since the last build.
 * 5. `next start` (production) on HOST:PORT (default 127.0.0.1:3000).
 * Ctrl-C stops Next.js and PostgreSQL; the next start keeps the data.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { openAppDatabase } from "./lib/app-db";
import { DATA_DIR, ROOT, migrateDeploy, run } from "./lib/postgres";

const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SOURCE_FILES = ["next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json", "proxy.ts"];
const STAMP = path.join(ROOT, ".next", "portal-source-stamp");

/** AUTH_SECRET from the environment, or one generated once and kept in .data/. */
function ensureAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(DATA_DIR, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(DATA_DIR, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

function sourceStamp(): string {
  const hash = crypto.createHash("sha256");
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) visit(path.join(p, name));
    } else hash.update(`${path.relative(ROOT, p)}:${stat.size}:${stat.mtimeMs}\n`);
  };
  for (const d of SOURCE_DIRS) visit(path.join(ROOT, d));
  for (const f of SOURCE_FILES) visit(path.join(ROOT, f));
  return hash.digest("hex");
}

async function buildIfNeeded() {
  const stamp = sourceStamp();
  const built = fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === stamp;
  if (built && !process.env.PORTAL_REBUILD) return;
  console.log("正在构建生产版本（next build）… / building for production…");
  await run("next", ["build"], { NEXT_TELEMETRY_DISABLED: "1" });
  fs.writeFileSync(STAMP, stamp);
}

async function main() {
  const authSecret = ensureAuthSecret();
  const { cluster, databaseUrl } = await openAppDatabase();
  let stopping = false;
  const stopDatabase = async () => {
    try {
      await cluster.stop();
    } catch (error) {
      console.error("stopping PostgreSQL:", error);
    }
  };
  try {
    console.log(cluster.embedded ? "内嵌 PostgreSQL 已启动 / embedded PostgreSQL started (.data/pg)" : "使用 DATABASE_URL / using DATABASE_URL");
    await migrateDeploy(databaseUrl);
    console.log("数据库迁移已应用 / migrations applied");
    await run("node", ["--import", "tsx", "prisma/seed.ts"], { DATABASE_URL: databaseUrl });
    await buildIfNeeded();
  } catch (error) {
    console.error(String(error instanceof Error ? error.message : error));
    await stopDatabase();
    process.exit(1);
  }

  const port = process.env.PORT ?? "3000";
  const host = process.env.HOST ?? "127.0.0.1";
  const next = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-H", host, "-p", port], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret, AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1" },
  });
  console.log(`门户已启动 / portal running: http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`);

  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n正在停止（${signal}）… / stopping…`);
    if (next.exitCode === null) next.kill("SIGTERM");
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  // Stopped through a wrapper (npm, a shell) that exits without passing the signal on:
  // when our parent goes away, stop too rather than leave Next.js and PostgreSQL behind.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) shutdown("SIGHUP");
  }, 2000).unref();
  next.on("exit", async (code) => {
    await stopDatabase();
    process.exit(stopping ? 0 : (code ?? 1));
  });
}

void main();

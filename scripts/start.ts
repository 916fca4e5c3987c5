/**
 * `npm start`: one command from a fresh clone to a running portal.
 *
 * 1. DATABASE_URL given → use it (MIGRATION_DATABASE_URL as the schema owner);
 *    else start the embedded PostgreSQL (clusterHome()/pg, usually .data/pg).
 * 2. As the owner: apply every committed migration (`prisma migrate deploy`),
 *    install the job queue's schema, grant the application role (provision.ts).
 * 3. As the application role: load the demo data once (skipped when present),
 *    import evidence files older versions kept on disk.
 * 4. `next build` when the sources changed since the last build.
 * 5. `next start` (production) on HOST:PORT (default 127.0.0.1:3000), as the application role.
 * Ctrl-C / SIGTERM: Next.js stops accepting, drains requests and jobs and
 * closes its pools (lib/ops/shutdown.ts); only after it exited is PostgreSQL
 * stopped (smart shutdown). The next start keeps the data.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { openAppDatabase } from "./lib/app-db";
import { importLegacyUploads } from "./lib/legacy-uploads";
import { DATA_DIR, ROOT, run } from "./lib/postgres";
import { prepareDatabase, privilegeWarnings } from "./lib/provision";

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
  const { cluster, urls, databaseUrl } = await openAppDatabase();
  let stopping = false;
  const stopDatabase = async () => {
    try {
      await cluster.stop();
    } catch (error) {
      console.error("stopping PostgreSQL:", error);
    }
  };
  try {
    console.log(cluster.embedded ? `内嵌 PostgreSQL 已启动 / embedded PostgreSQL started (${cluster.dataDir})` : "使用 DATABASE_URL / using DATABASE_URL");
    await prepareDatabase(urls);
    console.log("数据库迁移已应用 / migrations applied");
    for (const warning of await privilegeWarnings(databaseUrl)) {
      console.warn(`警告：应用程序的数据库角色权限过大 / WARNING: ${warning}; set MIGRATION_DATABASE_URL to the owner and DATABASE_URL to a restricted role (README, "Least privilege")`);
    }
    await run("node", ["--import", "tsx", "prisma/seed.ts"], { DATABASE_URL: databaseUrl });
    const legacy = await importLegacyUploads(databaseUrl, process.env.UPLOAD_DIR ?? path.join(DATA_DIR, "uploads"));
    if (legacy.imported) console.log(`已将 ${legacy.imported} 个旧版证据文件导入数据库 / imported ${legacy.imported} evidence file(s) from disk into PostgreSQL (the files on disk can be removed after a backup)`);
    if (legacy.missing.length || legacy.mismatched.length) console.warn(`证据文件缺失或不符 / evidence files missing: ${legacy.missing.join(", ") || "-"}; sha256 mismatch: ${legacy.mismatched.join(", ") || "-"}`);
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
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      // The server never holds the owner's credentials.
      MIGRATION_DATABASE_URL: undefined,
      AUTH_SECRET: authSecret,
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      PORTAL_DATA_DIR: process.env.PORTAL_DATA_DIR ?? cluster.dataDir ?? DATA_DIR,
    },
  });
  console.log(`门户已启动 / portal running: http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`);

  // Bound on Next.js's own drain (SHUTDOWN_TIMEOUT_SECONDS) plus a margin; past it, kill it.
  const drainBoundMs = (Number(process.env.SHUTDOWN_TIMEOUT_SECONDS ?? 25) + 10) * 1000;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n正在停止（${signal}）… / stopping…`);
    if (next.exitCode === null && next.signalCode === null) {
      next.kill("SIGTERM");
      setTimeout(() => next.kill("SIGKILL"), drainBoundMs).unref();
    }
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
    // Only now, with every portal connection closed, does PostgreSQL stop.
    await stopDatabase();
    if (cluster.embedded) console.log("PostgreSQL 已停止 / PostgreSQL stopped");
    process.exit(stopping ? 0 : (code ?? 1));
  });
}

void main();

/**
 * `npm run bench`: every benchmark in scripts/bench/*.ts, each against its own
 * fresh, migrated database (embedded PostgreSQL unless DATABASE_URL is set).
 * Benchmarks print their own figures (p50/p95, totals); nothing here asserts.
 * Run one: `npm run bench -- applications`.
 */
import fs from "node:fs";
import path from "node:path";
import { DATA_DIR, ROOT, type Cluster, dropDatabase, ensureDatabase, externalCluster, freePort, migrateDeploy, run, startEmbedded } from "./lib/postgres";

async function main() {
  const dir = path.join(ROOT, "scripts", "bench");
  const all = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => f.replace(/\.ts$/, "")) : [];
  const wanted = process.argv.slice(2);
  const benches = wanted.length ? all.filter((b) => wanted.includes(b)) : all;
  if (benches.length === 0) throw new Error(`no benchmarks found (available: ${all.join(", ") || "none"})`);
  const stamp = `${Date.now().toString(36)}_${process.pid}`;
  const cluster: Cluster = process.env.DATABASE_URL
    ? externalCluster(process.env.DATABASE_URL)
    : await startEmbedded(path.join(DATA_DIR, `bench-pg-${stamp}`), await freePort(56432), false);
  try {
    for (const bench of benches) {
      const name = `portal_bench_${stamp}_${bench}`;
      // Benchmarks seed with bulk SQL (setval…): they run as the owner.
      const url = (await ensureDatabase(cluster, name)).ownerUrl;
      try {
        await migrateDeploy(url);
        console.log(`\n━━ bench: ${bench} ━━`);
        await run("node", ["--import", "tsx", path.join("scripts", "bench", `${bench}.ts`)], { DATABASE_URL: url, LOG_LEVEL: "silent" });
      } finally {
        if (!cluster.embedded) await dropDatabase(cluster.adminUrl, name).catch(() => undefined);
      }
    }
  } finally {
    await cluster.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

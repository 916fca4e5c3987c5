/**
 * `npm run demo:reset`: drop every table of the portal's database, re-apply the
 * migrations and reload the demo data. Refuses a DATABASE_URL database unless
 * `-- --yes` is given.
 */
import { openAppDatabase } from "./lib/app-db";
import { migrateDeploy, run, withClient } from "./lib/postgres";

async function main() {
  const { cluster, databaseUrl } = await openAppDatabase();
  try {
    if (!cluster.embedded && !process.argv.includes("--yes")) {
      throw new Error(`这会清空 ${new URL(databaseUrl).pathname.slice(1)} 数据库的全部数据；确认请运行 npm run demo:reset -- --yes\nThis wipes the DATABASE_URL database; run with -- --yes to confirm.`);
    }
    await withClient(databaseUrl, async (c) => {
      await c.query("DROP SCHEMA IF EXISTS public CASCADE");
      await c.query("DROP SCHEMA IF EXISTS pgboss CASCADE");
      await c.query("CREATE SCHEMA public");
    });
    await migrateDeploy(databaseUrl);
    await run("node", ["--import", "tsx", "prisma/seed.ts"], { DATABASE_URL: databaseUrl });
    console.log("演示数据已重置 / demo data reset");
  } finally {
    await cluster.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

/**
 * `npm run demo:reset`: drop every table of the portal's database, re-apply the
 * migrations and reload the demo data. Refuses a DATABASE_URL database unless
 * `-- --yes` is given.
 */
import { openAppDatabase } from "./lib/app-db";
import { run, withClient } from "./lib/postgres";
import { prepareDatabase } from "./lib/provision";

async function main() {
  const { cluster, urls, databaseUrl } = await openAppDatabase();
  try {
    if (!cluster.embedded && !process.argv.includes("--yes")) {
      throw new Error(`这会清空 ${new URL(databaseUrl).pathname.slice(1)} 数据库的全部数据；确认请运行 npm run demo:reset -- --yes\nThis wipes the DATABASE_URL database; run with -- --yes to confirm.`);
    }
    // As the schema owner: it drops and recreates what it owns.
    await withClient(urls.ownerUrl, async (c) => {
      await c.query("DROP SCHEMA IF EXISTS public CASCADE");
      await c.query("DROP SCHEMA IF EXISTS pgboss CASCADE");
      await c.query("CREATE SCHEMA public");
    });
    await prepareDatabase(urls);
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

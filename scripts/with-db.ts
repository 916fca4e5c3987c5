/**
 * Run a command against the portal's database (embedded when DATABASE_URL is
 * unset), e.g. `npm run with-db -- prisma migrate dev --name add_x`.
 */
import { openAppDatabase } from "./lib/app-db";
import { run } from "./lib/postgres";

async function main() {
  const [cmd, ...args] = process.argv.slice(2);
  if (!cmd) throw new Error("usage: with-db <command> [args…]");
  const { cluster, databaseUrl } = await openAppDatabase();
  let code = 0;
  try {
    await run(cmd, args, { DATABASE_URL: databaseUrl });
  } catch (error) {
    console.error(String(error));
    code = 1;
  } finally {
    await cluster.stop();
  }
  process.exit(code);
}
void main();

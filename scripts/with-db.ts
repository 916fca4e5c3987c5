/**
 * Run a command against the portal's database (embedded when DATABASE_URL is
 * unset), e.g. `npm run with-db -- prisma migrate dev --name add_x`. The
 * command connects as the schema owner (DATABASE_URL is set to the owner's URL,
 * APP_DATABASE_URL to the application role's).
 */
import { openAppDatabase } from "./lib/app-db";
import { run } from "./lib/postgres";

async function main() {
  const [cmd, ...args] = process.argv.slice(2);
  if (!cmd) throw new Error("usage: with-db <command> [args…]");
  const { cluster, urls } = await openAppDatabase();
  let code = 0;
  try {
    await run(cmd, args, { DATABASE_URL: urls.ownerUrl, APP_DATABASE_URL: urls.appUrl });
  } catch (error) {
    console.error(String(error));
    code = 1;
  } finally {
    await cluster.stop();
  }
  process.exit(code);
}
void main();

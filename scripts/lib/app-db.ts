/**
 * The portal's own database: DATABASE_URL when given, else the embedded
 * cluster under `.data/pg` (port PORTAL_PG_PORT, default 54329), database "portal".
 * When that cluster is already running (e.g. `npm start` in another terminal),
 * scripts connect to it instead of starting a second server.
 */
import fs from "node:fs";
import path from "node:path";
import { DATA_DIR, type Cluster, embeddedAdminUrl, ensureDatabase, externalCluster, startEmbedded } from "./postgres";

export const APP_DATABASE = "portal";
export const APP_PG_DIR = path.join(DATA_DIR, "pg");

/** Port of the embedded cluster when its postmaster is alive, else null. */
function runningEmbeddedPort(): number | null {
  const pidFile = path.join(APP_PG_DIR, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
  } catch {
    return null; // stale lock file; PostgreSQL cleans it up itself on start
  }
  return Number(portLine) || null;
}

export async function openAppDatabase(): Promise<{ cluster: Cluster; databaseUrl: string }> {
  const given = process.env.DATABASE_URL;
  if (given) return { cluster: externalCluster(given), databaseUrl: given };
  const runningPort = runningEmbeddedPort();
  const cluster: Cluster = runningPort
    ? { adminUrl: embeddedAdminUrl(runningPort), embedded: true, async stop() {} }
    : await startEmbedded(APP_PG_DIR, Number(process.env.PORTAL_PG_PORT ?? 54329), true);
  try {
    const databaseUrl = await ensureDatabase(cluster.adminUrl, APP_DATABASE);
    return { cluster, databaseUrl };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

/**
 * Run a maintenance command against the portal's database with the app's own
 * Prisma client, then close everything and exit with the command's code once
 * its output is written (errors print their message and exit 1).
 */
export function runWithAppDb(command: () => Promise<number | void>): void {
  const main = async () => {
    const { cluster, databaseUrl } = await openAppDatabase();
    process.env.DATABASE_URL = databaseUrl;
    // Imported only now: lib/db reads DATABASE_URL when first used.
    const { disconnectDb } = await import("@/lib/db");
    try {
      return (await command()) ?? 0;
    } finally {
      await disconnectDb();
      await cluster.stop();
    }
  };
  main().then(
    (code) => exitAfterOutput(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      return exitAfterOutput(1);
    },
  );
}

/**
 * process.exit() does not wait for a piped stdout/stderr to drain (Node writes
 * to pipes asynchronously), so a long report piped to a file or another
 * process would lose its tail (the verdict). Exit only once both are flushed.
 */
async function exitAfterOutput(code: number): Promise<never> {
  const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write("", () => resolve()));
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

/**
 * The portal's own database: DATABASE_URL when given, else the embedded
 * cluster in `clusterHome()/pg` (port PORTAL_PG_PORT, default 54329), database "portal".
 * When that cluster is already running (e.g. `npm start` in another terminal),
 * scripts connect to it instead of starting a second server.
 *
 * Two connections (least privilege, README "Operations"): the schema owner for
 * migrations, backups and restores; the application role for everything else.
 * With an external server: DATABASE_URL is the application role and
 * MIGRATION_DATABASE_URL the owner; with DATABASE_URL alone one role does both
 * (a warning says so at start).
 */
import path from "node:path";
import { type Cluster, type DatabaseUrls, clusterHome, ensureDatabase, externalCluster, runningEmbedded, startEmbedded } from "./postgres";

export const APP_DATABASE = "portal";

/** Data directory of the portal's embedded cluster. */
export function appPgDir(): string {
  return path.join(clusterHome(), "pg");
}

export type AppDatabase = { cluster: Cluster; urls: DatabaseUrls; /** the application role's URL */ databaseUrl: string };

/** Open (start when needed) the portal's database. */
export async function openAppDatabase(): Promise<AppDatabase> {
  const given = process.env.DATABASE_URL;
  if (given) {
    const urls = { ownerUrl: process.env.MIGRATION_DATABASE_URL || given, appUrl: given };
    return { cluster: externalCluster(given), urls, databaseUrl: given };
  }
  const dir = appPgDir();
  const cluster = runningEmbedded(dir) ?? (await startEmbedded(dir, Number(process.env.PORTAL_PG_PORT ?? 54329), true));
  try {
    const urls = await ensureDatabase(cluster, APP_DATABASE);
    return { cluster, urls, databaseUrl: urls.appUrl };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

/**
 * Run a maintenance command against the portal's database with the app's own
 * Prisma client (as the application role), then close everything and exit with
 * the command's code once its output is written (errors print their message and exit 1).
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
export async function exitAfterOutput(code: number): Promise<never> {
  const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write("", () => resolve()));
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

/**
 * The Prisma client (Rust-free `prisma-client` generator, pg driver adapter).
 * Created lazily so `next build` never opens a database; one per process.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "./env";

export type Db = PrismaClient;
/** The client or an interactive transaction client. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

// Known upstream: Prisma's query interpreter fetches nested includes with Promise.all, so
// inside an interactive transaction pg logs "Calling client.query() when the client is
// already executing a query is deprecated" (prisma/orm#29407; fix pending in #29979).
// pg 8 still queues those queries correctly; `pg` is pinned to 8.23.1 until the fix lands.
const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient; __pool?: pg.Pool };

export function db(): PrismaClient {
  if (!globalForPrisma.__prisma) {
    // Our own pool (not one the adapter hides) so the metrics can report its usage.
    const pool = new pg.Pool({ connectionString: databaseUrl(), max: 10, application_name: "union-portal" });
    globalForPrisma.__pool = pool;
    globalForPrisma.__prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  }
  return globalForPrisma.__prisma;
}

/** Connections of this process's pool (metrics): total, idle, and callers waiting for one. */
export function poolUsage(): { total: number; idle: number; waiting: number; max: number } | null {
  const pool = globalForPrisma.__pool;
  return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 } : null;
}

/** Close the pool (scripts, tests and shutdown). */
export async function disconnectDb(): Promise<void> {
  const client = globalForPrisma.__prisma;
  globalForPrisma.__prisma = undefined;
  globalForPrisma.__pool = undefined;
  await client?.$disconnect();
}

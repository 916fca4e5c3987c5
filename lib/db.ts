/**
 * The Prisma client (Rust-free `prisma-client` generator, pg driver adapter).
 * Created lazily so `next build` never opens a database; one per process.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "./env";

export type Db = PrismaClient;
/** The client or an interactive transaction client. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

// Known upstream: Prisma's query interpreter fetches nested includes with Promise.all, so
// inside an interactive transaction pg logs "Calling client.query() when the client is
// already executing a query is deprecated" (prisma/orm#29407; fix pending in #29979).
// pg 8 still queues those queries correctly; `pg` is pinned to 8.23.1 until the fix lands.
const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient };

export function db(): PrismaClient {
  if (!globalForPrisma.__prisma) {
    const adapter = new PrismaPg({ connectionString: databaseUrl(), max: 10 });
    globalForPrisma.__prisma = new PrismaClient({ adapter });
  }
  return globalForPrisma.__prisma;
}

/** Close the pool (scripts and tests). */
export async function disconnectDb(): Promise<void> {
  const client = globalForPrisma.__prisma;
  globalForPrisma.__prisma = undefined;
  await client?.$disconnect();
}

/**
 * The schema owner's connection (MIGRATION_DATABASE_URL), for the few test
 * fixtures that need owner rights — disabling an append-only trigger to tamper
 * the way a superuser could. Application code under test always runs as the
 * restricted role (DATABASE_URL), as in production.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";

let client: PrismaClient | undefined;

/** A Prisma client connected as the owner (closed after the file's tests). */
export function ownerDb(): PrismaClient {
  const url = process.env.MIGRATION_DATABASE_URL;
  if (!url) throw new Error("MIGRATION_DATABASE_URL (the schema owner) is not set: run the tests with `npm test -- integration`");
  client ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
  return client;
}

afterAll(async () => {
  await client?.$disconnect();
  client = undefined;
});

/**
 * Integration tests run against a real PostgreSQL database created fresh and
 * migrated by scripts/test.ts (DATABASE_URL). Files run one at a time.
 */
import { afterAll } from "vitest";
import { disconnectDb } from "@/lib/db";
// Fund kinds and payable sources of the features, as every entry point has them (lib/server/action.ts).
import "@/lib/plugins";

if (!process.env.DATABASE_URL) {
  throw new Error("integration tests need DATABASE_URL: run them with `npm test -- integration`");
}

afterAll(async () => {
  await disconnectDb();
});

/**
 * Prisma CLI configuration (Prisma 6.19 on its WebAssembly schema engine,
 * through the pg driver adapter — ../shared/PRISMA.md). The CLI's upstream
 * workarounds live in scripts/lib/prisma-cli.ts, each citing its issue.
 */
import path from "node:path";
import { defineConfig } from "prisma/config";
import { cliAdapter, installCliWorkarounds } from "./scripts/lib/prisma-cli";

installCliWorkarounds();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "node --import tsx prisma/seed.ts" },
  adapter: async () => cliAdapter(process.env.DATABASE_URL),
});

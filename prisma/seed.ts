/**
 * Demo data, loaded once (skipped when the database already has organisations).
 * Run by `npm start` after migrations; `npm run demo:reset` reloads it.
 * Every row is marked isDemo and every insert is audited (system actor).
 */
import fs from "node:fs";
import path from "node:path";
import { db, disconnectDb } from "@/lib/db";
import { systemContext } from "@/lib/audit/writer";
import { importOrgFile } from "@/lib/org/import";
import { seedPolicy } from "./seed/policy";
import { SEED_STEPS } from "./seed/steps";
// Fund kinds and payable sources of the features (the seed pays through the ledger).
import "@/lib/plugins";

async function main() {
  if ((await db().organization.count()) > 0) {
    console.log("demo data already present — skipped (npm run demo:reset reloads it)");
    return;
  }
  const ctx = systemContext("seed");
  const file = JSON.parse(fs.readFileSync(path.join(__dirname, "seed-data", "dalian.json"), "utf8"));
  const counts = await importOrgFile(ctx, file);
  console.log(`organisations: ${counts.organizations}, users: ${counts.users}`);
  await seedPolicy(ctx);
  for (const step of SEED_STEPS) {
    await step.run(ctx);
    console.log(`seeded: ${step.name}`);
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());

/**
 * Demo data, loaded once (skipped when the database already has organisations).
 * Run by `npm start` after migrations; `npm run demo:reset` reloads it.
 * Every row is marked isDemo and every insert is audited (system actor).
 *
 * With PORTAL_DEMO=off (a real installation) no demo data is loaded: an empty
 * database gets only its city federation and an "admin" account with a random
 * initial password, written once to .data/initial-admin-password-<time>.csv
 * (mode 0600) and printed; it must be changed at first sign-in (issue 10.1).
 */
import fs from "node:fs";
import path from "node:path";
import { db, disconnectDb } from "@/lib/db";
import { systemContext } from "@/lib/audit/writer";
import { importOrgFile } from "@/lib/org/import";
import { createFirstAdministrator } from "@/lib/org/first-start";
import { writeCredentialsFile } from "@/lib/auth/credentials-file";
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
  if (process.env.PORTAL_DEMO === "off") {
    const credential = await createFirstAdministrator(ctx, { orgName: process.env.PORTAL_ROOT_ORG_NAME || "大连市总工会" });
    const out = path.join(__dirname, "..", ".data", `initial-admin-password-${new Date().toISOString().replace(/[:.]/g, "-")}.csv`);
    writeCredentialsFile(out, [credential]);
    console.log(`首次启动：已创建管理员 ${credential.username}，初始密码 ${credential.password}（仅显示这一次，首次登录须修改；亦已写入 ${out}）`);
    console.log(`first start: administrator "${credential.username}" created with initial password ${credential.password} (shown once, also in ${out}, mode 0600); it must be changed at first sign-in`);
    return;
  }
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

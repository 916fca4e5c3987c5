/**
 * `npm run org:import -- <file.json> [--out <passwords.csv> | --print]`: load a city's
 * organisation tree and people (format: prisma/seed-data/dalian.json).
 *
 * A non-demo file gives every user a random initial password of their own
 * (they must change it at first sign-in). The passwords are written ONCE to a
 * new 0600 CSV file (default .data/initial-passwords-<time>.csv) or, with
 * --print, to standard output — hand them over and delete the file.
 */
import fs from "node:fs";
import path from "node:path";
import { runWithAppDb } from "./lib/app-db";
import { DATA_DIR } from "./lib/postgres";

runWithAppDb(async () => {
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--out");
  if (!file) throw new Error("usage: npm run org:import -- <file.json> [--out <passwords.csv> | --print]");
  const outIndex = args.indexOf("--out");
  const out = outIndex >= 0 ? args[outIndex + 1] : path.join(DATA_DIR, `initial-passwords-${new Date().toISOString().replace(/[:.]/g, "-")}.csv`);
  if (!out) throw new Error("--out needs a file name");
  const { systemContext } = await import("@/lib/audit/writer");
  const { importOrgFile } = await import("@/lib/org/import");
  const { writeCredentialsFile } = await import("@/lib/auth/credentials-file");
  const counts = await importOrgFile(systemContext("org-import"), JSON.parse(fs.readFileSync(file, "utf8")));
  console.log(`imported ${counts.organizations} organisations and ${counts.users} users`);
  if (counts.credentials.length === 0) return;
  if (args.includes("--print")) {
    console.log("初始密码（仅显示这一次）/ initial passwords (shown this once):");
    for (const c of counts.credentials) console.log(`${c.username}\t${c.password}`);
  } else {
    writeCredentialsFile(out, counts.credentials);
    console.log(`初始密码已写入 / initial passwords written once to ${out} (mode 0600): hand them over, then delete the file`);
  }
});

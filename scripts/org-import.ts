/** `npm run org:import -- <file.json>`: load a city's organisation tree and people (format: prisma/seed-data/dalian.json). */
import fs from "node:fs";
import { runWithAppDb } from "./lib/app-db";

runWithAppDb(async () => {
  const file = process.argv[2];
  if (!file) throw new Error("usage: npm run org:import -- <file.json>");
  const { systemContext } = await import("@/lib/audit/writer");
  const { importOrgFile } = await import("@/lib/org/import");
  const counts = await importOrgFile(systemContext("org-import"), JSON.parse(fs.readFileSync(file, "utf8")));
  console.log(`imported ${counts.organizations} organisations and ${counts.users} users`);
});

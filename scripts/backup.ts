/**
 * `npm run backup [-- DIR]`: one archive (database dump with the evidence
 * files, and a manifest) of the portal's database — the embedded one or
 * DATABASE_URL's — into DIR (default BACKUP_DIR, .data/backups), then the
 * retention of BACKUP_KEEP / BACKUP_MAX_AGE_DAYS. See lib/ops/backup.ts.
 */
import { exitAfterOutput, openAppDatabase } from "./lib/app-db";

async function main(): Promise<number> {
  const { cluster, urls } = await openAppDatabase();
  try {
    const { createBackup, pruneBackups } = await import("@/lib/ops/backup");
    const { env } = await import("@/lib/env");
    const dir = process.argv.slice(2).find((a) => !a.startsWith("-")) ?? env().BACKUP_DIR;
    // The owner reads every table, including any a later migration adds before its grants.
    const { file, manifest } = await createBackup(urls.ownerUrl, dir);
    const removed = pruneBackups(dir, env().BACKUP_KEEP, env().BACKUP_MAX_AGE_DAYS);
    const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
    console.log(`备份完成 / backup written: ${file}`);
    console.log(`  tables ${Object.keys(manifest.tables).length}, rows ${rows}, files ${manifest.files.length}, audit head ${manifest.auditHead?.id ?? "-"}, migration ${manifest.migrations.at(-1) ?? "-"}`);
    if (removed.length) console.log(`  retention removed ${removed.length} older archive(s)`);
    return 0;
  } finally {
    await cluster.stop();
  }
}

main().then(exitAfterOutput, (error) => {
  console.error(error instanceof Error ? error.message : error);
  return exitAfterOutput(1);
});

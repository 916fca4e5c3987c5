/**
 * `npm run restore -- ARCHIVE [--yes]`: restore a backup (npm run backup) into
 * the portal's database — a fresh embedded data directory when none exists,
 * or DATABASE_URL's database (MIGRATION_DATABASE_URL as the owner) — and
 * verify it before saying it is done:
 * 1. every part's sha256 against the manifest;
 * 2. pg_restore in one transaction as the schema owner, then the application role's grants;
 * 3. every table's row count and checksum, the applied migrations, the audit
 *    chain's head and the fund balances equal the manifest's;
 * 4. audit:verify (the hash chain) and ledger:verify (the ledger invariants);
 * 5. every stored file's sha256, recomputed from its contents, equals the
 *    manifest's and its Attachment row's.
 * A database that already has tables is refused unless `--yes` is given (then it is wiped first).
 * Exit 0 only when every check passed.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { exitAfterOutput, openAppDatabase } from "./lib/app-db";
import { grantAppRole } from "./lib/provision";
import { userOf, withClient } from "./lib/postgres";

function compare(problems: string[], what: string, expected: unknown, actual: unknown) {
  if (JSON.stringify(expected) !== JSON.stringify(actual)) problems.push(`${what}: expected ${JSON.stringify(expected)}, found ${JSON.stringify(actual)}`);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const archive = args.find((a) => !a.startsWith("-"));
  if (!archive || !fs.existsSync(archive)) throw new Error("usage: npm run restore -- ARCHIVE [--yes]  (ARCHIVE: a portal-backup-*.tar written by npm run backup)");
  const { cluster, urls } = await openAppDatabase();
  // Before any lib/ module reads (and caches) the environment: the verifiers connect as the app.
  process.env.DATABASE_URL = urls.appUrl;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-restore-"));
  try {
    const { databaseFacts, exec, pgTool, unpackBackup } = await import("@/lib/ops/backup");
    const manifest = await unpackBackup(path.resolve(archive), work);
    console.log(`archive ${archive}: taken ${manifest.createdAt}, ${manifest.app.name} ${manifest.app.version}, migration ${manifest.migrations.at(-1)}`);

    const major = await withClient(urls.ownerUrl, async (c) => {
      const tables = Number((await c.query<{ n: string }>(`SELECT count(*)::text AS n FROM pg_tables WHERE schemaname IN ('public', 'pgboss')`)).rows[0]!.n);
      if (tables > 0) {
        if (!args.includes("--yes")) {
          throw new Error(
            `目标数据库 ${new URL(urls.ownerUrl).pathname.slice(1)} 不是空的（${tables} 张表）；确认覆盖请加 --yes：npm run restore -- ${archive} --yes\n` +
              `The target database is not empty (${tables} tables); add --yes to wipe it and restore.`,
          );
        }
        await c.query("DROP SCHEMA IF EXISTS pgboss CASCADE");
        await c.query("DROP SCHEMA IF EXISTS public CASCADE");
        await c.query("CREATE SCHEMA public");
      }
      return Math.floor(Number((await c.query<{ v: string }>("SHOW server_version_num")).rows[0]!.v) / 10000);
    });
    await exec(pgTool("pg_restore", major), ["--no-owner", "--no-acl", "--exit-on-error", "--single-transaction", "--dbname", urls.ownerUrl, path.join(work, "database.dump")]);
    if (userOf(urls.appUrl) !== userOf(urls.ownerUrl)) await grantAppRole(urls.ownerUrl, userOf(urls.appUrl));
    console.log("数据库已恢复，正在验证… / database restored, verifying…");

    const problems: string[] = [];
    const client = new pg.Client({ connectionString: urls.ownerUrl });
    await client.connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const facts = await databaseFacts(client);
      await client.query("COMMIT");
      compare(problems, "migrations", manifest.migrations, facts.migrations);
      compare(problems, "audit head", manifest.auditHead, facts.auditHead);
      compare(problems, "fund balances", manifest.balances, facts.balances);
      compare(problems, "tables", Object.keys(manifest.tables), Object.keys(facts.tables));
      for (const [name, t] of Object.entries(manifest.tables)) compare(problems, `table ${name}`, t, facts.tables[name]);
      compare(problems, "stored files", manifest.files, facts.files);
      // Every file's contents, hashed again chunk by chunk, and the digest its Attachment row recorded.
      for (const f of manifest.files) {
        const hash = createHash("sha256");
        let size = 0;
        for (let seq = 0; ; seq++) {
          const { rows } = await client.query<{ data: Buffer }>(`SELECT data FROM "StoredFileChunk" WHERE key = $1 AND seq = $2`, [f.key, seq]);
          if (!rows[0]) break;
          hash.update(rows[0].data);
          size += rows[0].data.byteLength;
        }
        const sha = hash.digest("hex");
        if (sha !== f.sha256 || size !== f.sizeBytes) problems.push(`file ${f.key}: sha256 ${sha} (${size} bytes), expected ${f.sha256} (${f.sizeBytes} bytes)`);
      }
      const { rows: mismatched } = await client.query<{ id: string }>(
        `SELECT a.id::text FROM "Attachment" a LEFT JOIN "StoredFile" f ON f.key::text = a."storageKey" WHERE f.key IS NULL OR f.sha256 <> a.sha256`,
      );
      for (const m of mismatched) problems.push(`attachment ${m.id}: no stored file with its sha256`);
    } finally {
      await client.end();
    }

    // The chain and the ledger, checked by the same code as audit:verify and ledger:verify.
    const { db, disconnectDb } = await import("@/lib/db");
    const { verifyAuditChain } = await import("@/lib/audit/verify");
    const { verifyLedger } = await import("@/lib/ledger/verify");
    try {
      const chain = await verifyAuditChain(db());
      if (!chain.ok) problems.push(`audit:verify: ${JSON.stringify(chain)}`);
      const ledger = await verifyLedger(db());
      if (!ledger.ok) problems.push(`ledger:verify: ${ledger.years.filter((y) => y.problems.length).map((y) => `${y.fundName} ${y.year}: ${y.problems.join("; ")}`).join(" | ")}`);
    } finally {
      await disconnectDb();
    }

    if (problems.length) {
      console.error(`恢复验证失败 / restore verification FAILED (${problems.length}):\n- ${problems.join("\n- ")}`);
      return 1;
    }
    const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
    console.log(`恢复完成并已验证 / restore complete and verified: ${Object.keys(manifest.tables).length} tables, ${rows} rows, ${manifest.files.length} files, audit chain and ledger intact`);
    return 0;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    await cluster.stop();
  }
}

main().then(exitAfterOutput, (error) => {
  console.error(error instanceof Error ? error.message : error);
  return exitAfterOutput(1);
});

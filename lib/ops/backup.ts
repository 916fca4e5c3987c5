/**
 * Backups: one tar archive per run (`npm run backup`, and the daily-backup job)
 * holding
 * - `database.dump` — pg_dump, custom format, of the whole portal database:
 *   every table, the job queue and the evidence files (they live in
 *   StoredFile/StoredFileChunk, lib/storage);
 * - `manifest.json` — format, time, app version, the applied migrations, the
 *   audit chain's head, every table's row count and checksum, every stored
 *   file's size and sha256, the fund balances, and the sha256 of each part.
 * The dump and the manifest's figures are read from one exported snapshot
 * (`pg_dump --snapshot`), so they describe the same instant however busy the
 * portal is. `npm run restore` checks the restored database against them.
 *
 * pg_dump must be at least the server's major version: PG_BIN_DIR, else
 * Debian's /usr/lib/postgresql/<server major>/bin, else pg_dump on PATH.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import * as tar from "tar";
import { databaseUrl, env } from "@/lib/env";
import { logger } from "@/lib/logger";

export const MANIFEST_FORMAT = 1;
const ARCHIVE_PREFIX = "portal-backup-";

export type TableFacts = { rows: number; checksum: string };
export type Manifest = {
  format: number;
  createdAt: string;
  app: { name: string; version: string };
  /** PostgreSQL server version the dump was taken from */
  server: string;
  migrations: string[];
  auditHead: { id: string; hash: string } | null;
  tables: Record<string, TableFacts>;
  files: { key: string; sizeBytes: number; sha256: string }[];
  balances: { fundId: number; year: number; balance: string }[];
  parts: { name: string; bytes: number; sha256: string }[];
};

/** The facts of a database a manifest records (also recomputed by restore to compare). */
export type DatabaseFacts = Omit<Manifest, "format" | "createdAt" | "app" | "parts">;

/** The pg_dump / pg_restore binary to use for a server of `major` version. */
export function pgTool(name: "pg_dump" | "pg_restore", major: number): string {
  const dir = env().PG_BIN_DIR;
  if (dir) return path.join(dir, name);
  const debian = `/usr/lib/postgresql/${major}/bin/${name}`;
  return fs.existsSync(debian) ? debian : name;
}

/** Run a command; rejects with its stderr on failure. */
export function exec(file: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ["ignore", "ignore", "pipe"], env });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += String(d)));
    child.on("error", (error) => reject(new Error(`${file}: ${error.message} (install PostgreSQL's client programs or set PG_BIN_DIR)`)));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(file)} exited with ${code}: ${stderr.trim()}`))));
  });
}

/** sha256 of a file, streamed. */
export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    fs.createReadStream(file).on("data", (d) => hash.update(d)).on("error", reject).on("end", () => resolve(hash.digest("hex")));
  });
}

/**
 * Row count and checksum of every table of the portal's schemas (public and
 * the job queue's), the audit head, migrations, stored files and balances, read
 * in `client`'s current transaction. Checksums are over each row's text in UTC,
 * independent of physical order.
 */
export async function databaseFacts(client: pg.ClientBase): Promise<DatabaseFacts> {
  await client.query("SET LOCAL TimeZone = 'UTC'");
  await client.query("SET LOCAL bytea_output = 'hex'");
  await client.query("SET LOCAL extra_float_digits = 1");
  const server = (await client.query<{ v: string }>("SHOW server_version")).rows[0]!.v;
  const { rows: tableRows } = await client.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND n.nspname IN ('public', 'pgboss') AND NOT c.relispartition ORDER BY 1, 2`,
  );
  const tables: Record<string, TableFacts> = {};
  for (const t of tableRows) {
    const ident = `${client.escapeIdentifier(t.schema)}.${client.escapeIdentifier(t.name)}`;
    const { rows } = await client.query<{ n: string; sum: string | null }>(
      `SELECT count(*)::text AS n, md5(string_agg(h, '' ORDER BY h)) AS sum FROM (SELECT md5(x::text) AS h FROM ${ident} x) s`,
    );
    tables[`${t.schema}.${t.name}`] = { rows: Number(rows[0]!.n), checksum: rows[0]!.sum ?? "" };
  }
  const migrations = (await client.query<{ name: string }>(`SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1`)).rows.map((r) => r.name);
  const head = (await client.query<{ id: string; hash: string }>(`SELECT id::text, hash FROM "AuditLog" ORDER BY id DESC LIMIT 1`)).rows[0] ?? null;
  const files = (await client.query<{ key: string; sizeBytes: number; sha256: string }>(`SELECT key::text, "sizeBytes", sha256 FROM "StoredFile" ORDER BY key`)).rows;
  const balances = (await client.query<{ fundId: number; year: number; balance: string }>(`SELECT "fundId", year, balance::text AS balance FROM "FundYear" ORDER BY 1, 2`)).rows;
  return { server, migrations, auditHead: head, tables, files, balances };
}

function appVersion(): { name: string; version: string } {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { name: string; version: string };
    return { name: pkg.name, version: pkg.version };
  } catch {
    return { name: "union-rights-portal", version: "unknown" };
  }
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace("T", "-").replace(/\..*$/, "");
}

/**
 * Write one backup archive into `dir`.
 * @param url the database to dump (any role that may read every table: the application role will do)
 * @returns the archive's path and its manifest
 * @throws when pg_dump is missing or fails (nothing is left in `dir` then)
 */
export async function createBackup(url: string, dir: string, now = new Date()): Promise<{ file: string; manifest: Manifest }> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const work = fs.mkdtempSync(path.join(dir, ".tmp-"));
  const client = new pg.Client({ connectionString: url, application_name: "union-portal-backup" });
  await client.connect();
  try {
    // One snapshot for the dump and the manifest: the figures describe exactly what was dumped.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const snapshot = (await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id")).rows[0]!.id;
    const major = Number((await client.query<{ v: string }>("SHOW server_version_num")).rows[0]!.v) / 10000;
    const dumpFile = path.join(work, "database.dump");
    const dumped = exec(pgTool("pg_dump", Math.floor(major)), ["--format=custom", "--compress=6", `--snapshot=${snapshot}`, "--file", dumpFile, "--dbname", url]);
    const facts = await databaseFacts(client);
    await dumped;
    await client.query("COMMIT");
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      createdAt: now.toISOString(),
      app: appVersion(),
      ...facts,
      parts: [{ name: "database.dump", bytes: fs.statSync(dumpFile).size, sha256: await sha256File(dumpFile) }],
    };
    fs.writeFileSync(path.join(work, "manifest.json"), JSON.stringify(manifest, null, 2));
    const file = path.join(dir, `${ARCHIVE_PREFIX}${stamp(now)}.tar`);
    const partial = `${file}.partial`;
    await tar.create({ file: partial, cwd: work, portable: true }, ["manifest.json", "database.dump"]);
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, file);
    return { file, manifest };
  } finally {
    await client.end().catch(() => undefined);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Unpack an archive into `into`; returns its manifest after checking every part's sha256. @throws on a missing or altered part */
export async function unpackBackup(archive: string, into: string): Promise<Manifest> {
  await tar.extract({ file: archive, cwd: into, strict: true, filter: (p) => p === "manifest.json" || p === "database.dump" });
  const manifestFile = path.join(into, "manifest.json");
  if (!fs.existsSync(manifestFile)) throw new Error(`${archive}: no manifest.json (not a portal backup)`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;
  if (manifest.format !== MANIFEST_FORMAT) throw new Error(`${archive}: manifest format ${manifest.format} is not ${MANIFEST_FORMAT}`);
  for (const part of manifest.parts) {
    const file = path.join(into, part.name);
    if (!fs.existsSync(file)) throw new Error(`${archive}: part ${part.name} is missing`);
    const sha = await sha256File(file);
    if (sha !== part.sha256) throw new Error(`${archive}: part ${part.name} has sha256 ${sha}, the manifest says ${part.sha256}`);
  }
  return manifest;
}

/**
 * Retention: keep the newest `keep` archives and none older than `maxAgeDays`
 * (the newest is always kept).
 * @returns the archives removed
 */
export function pruneBackups(dir: string, keep: number, maxAgeDays: number, now = new Date()): string[] {
  if (!fs.existsSync(dir)) return [];
  const archives = fs
    .readdirSync(dir)
    .filter((n) => n.startsWith(ARCHIVE_PREFIX) && n.endsWith(".tar"))
    .map((n) => ({ file: path.join(dir, n), mtime: fs.statSync(path.join(dir, n)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  const cutoff = now.getTime() - maxAgeDays * 86_400_000;
  const removed = archives.filter((a, i) => i > 0 && (i >= keep || a.mtime < cutoff)).map((a) => a.file);
  for (const file of removed) fs.rmSync(file, { force: true });
  return removed;
}

/** The daily-backup job: an archive into BACKUP_DIR, then retention (BACKUP_KEEP, BACKUP_MAX_AGE_DAYS). */
export async function scheduledBackup(now = new Date()): Promise<{ file: string; removed: number }> {
  const e = env();
  const { file } = await createBackup(databaseUrl(), e.BACKUP_DIR, now);
  const removed = pruneBackups(e.BACKUP_DIR, e.BACKUP_KEEP, e.BACKUP_MAX_AGE_DAYS, now);
  logger().info({ file, removed }, "backup written");
  return { file, removed: removed.length };
}

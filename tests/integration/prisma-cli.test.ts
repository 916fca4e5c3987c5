/**
 * The Prisma CLI workarounds (scripts/lib/prisma-cli.ts) against real
 * PostgreSQL: for each, the upstream bug still shows without it — so the
 * workaround is still needed; when a Prisma upgrade fixes one, its "still
 * needed" test fails and the workaround can go — and the workaround makes the
 * operation work. (CI also runs `migrate deploy` on a fresh database and
 * `migrate diff --exit-code` through prisma.config.ts: the drift phase.)
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { describe, expect, it } from "vitest";
import { CliPrismaPg, patchQueryable, reportCatalogTypesAsText } from "../../scripts/lib/prisma-cli";

const ROOT = path.resolve(__dirname, "..", "..");
// As the schema owner: the shadow database needs CREATEDB, the scripts create tables.
const URL_ = (process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL)!;
const raw = (sql: string) => ({ sql, args: [], argTypes: [] }) as never;
const currentDatabase = async (adapter: { queryRaw(q: never): Promise<{ rows: unknown[][] }> }) => (await adapter.queryRaw(raw(`SELECT current_database()::text`))).rows[0]![0];
const databaseExists = async (name: string) => {
  const c = new pg.Client({ connectionString: URL_ });
  await c.connect();
  try {
    return (await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1;
  } finally {
    await c.end();
  }
};
/** A PL/pgSQL body with ";" inside it, as in the append-only trigger migration. */
const functionScript = (name: string) => `CREATE FUNCTION ${name}() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$; DROP FUNCTION ${name}();`;

// Order matters: the unpatched adapter is exercised before the process-wide patch (workaround 1a) is installed.
describe("Prisma CLI workarounds", () => {
  it("1 (prisma/orm#27403) is still needed: adapter-pg cannot read the catalog types name and \"char\"", async () => {
    const adapter = await new PrismaPg({ connectionString: URL_, allowExitOnIdle: true }).connect();
    try {
      await expect(adapter.queryRaw(raw(`SELECT typname FROM pg_type LIMIT 1`))).rejects.toMatchObject({ cause: { kind: "UnsupportedNativeDataType", type: "name" } });
      await expect(adapter.queryRaw(raw(`SELECT contype FROM pg_constraint LIMIT 1`))).rejects.toMatchObject({ cause: { kind: "UnsupportedNativeDataType", type: "char" } });
    } finally {
      await adapter.dispose();
    }
  });

  it("4 (prisma/orm#27510) is still needed: adapter-pg's executeScript cuts a PL/pgSQL body at its \";\"", async () => {
    const adapter = await new PrismaPg({ connectionString: URL_, allowExitOnIdle: true }).connect();
    try {
      await expect(adapter.executeScript(functionScript(`cli_probe_${process.pid}`))).rejects.toThrow(/unterminated dollar-quoted string/);
    } finally {
      await adapter.dispose();
    }
  });

  it("3 (prisma/orm#27403 follow-up) is still needed: PrismaPg.connectToShadowDb() connects to the main database, not the shadow", async () => {
    const main = new URL(URL_).pathname.slice(1);
    const shadow = await new PrismaPg({ connectionString: URL_, allowExitOnIdle: true }).connectToShadowDb();
    try {
      expect(await currentDatabase(shadow as never)).toBe(main);
    } finally {
      await shadow.dispose();
    }
  });

  it("1, 3, 4 work: catalog types read (\"char\" as Character), a whole PL/pgSQL script runs, the shadow database is its own and is dropped", async () => {
    reportCatalogTypesAsText();
    const factory = new CliPrismaPg(URL_);
    const adapter = await factory.connect();
    try {
      expect((await adapter.queryRaw(raw(`SELECT typname FROM pg_type WHERE typname = 'int4'`))).rows).toEqual([["int4"]]);
      const chars = await adapter.queryRaw(raw(`SELECT 'c'::"char" AS contype`));
      expect(chars.columnTypes).toEqual([ColumnTypeEnum.Character]);
      await adapter.executeScript(functionScript(`cli_probe_ok_${process.pid}`));
    } finally {
      await adapter.dispose();
    }
    const shadow = await factory.connectToShadowDb();
    const name = String(await currentDatabase(shadow as never));
    expect(name).toMatch(/^prisma_shadow_/);
    expect(await databaseExists(name)).toBe(true);
    await shadow.dispose();
    expect(await databaseExists(name)).toBe(false);
    patchQueryable(adapter); // idempotent
  });

  it("2 (prisma/orm#27403 thread) is still needed: the CLI's WebAssembly engine arms long timers it never clears, and with the workaround the CLI still exits", () => {
    const log = path.join(os.tmpdir(), `prisma-cli-timers-${randomUUID()}.jsonl`);
    try {
      const run = spawnSync(path.join(ROOT, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
        cwd: ROOT,
        env: { ...process.env, TIMER_LOG: log, NODE_OPTIONS: `--import ${path.join(__dirname, "prisma-cli-timers.mjs")}` },
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(run.status, run.stderr).toBe(0);
      const processes = fs.readFileSync(log, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { armed: number; pending: number });
      // Still armed and still pending at exit: without un-referencing them the process would stay alive until they fire.
      expect(processes.some((p) => p.armed > 0 && p.pending > 0), JSON.stringify(processes)).toBe(true);
    } finally {
      fs.rmSync(log, { force: true });
    }
  });
});

/**
 * The Prisma CLI's driver adapter on this offline machine, with the upstream
 * bugs of its WebAssembly path worked around (Prisma 6.19: the CLI runs on the
 * WebAssembly schema engine through the pg driver adapter, because the native
 * schema engine cannot be downloaded here — ../shared/PRISMA.md).
 *
 * Loaded ONLY by the Prisma CLI (prisma.config.ts); the application's runtime
 * client (lib/db.ts) needs none of this. Each workaround cites its upstream
 * issue, and tests/integration/prisma-cli.test.ts proves each is still needed
 * (the bug still shows without it) and works (with it); CI also runs
 * `migrate deploy` on a fresh database and `migrate diff --exit-code` (drift).
 */
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";

const CHAR_OID = 18; // "char" (pg_catalog internal single-byte type)
const NAME_OID = 19; // name
const TEXT_OID = 25;
const CHAR_MARK = Symbol("prisma-cli:was-char");
/** Timers at least this long are un-referenced in the CLI process (workaround 2). */
export const LONG_TIMER_MS = 10_000;

type FieldDescription = { dataTypeID: number; [CHAR_MARK]?: boolean };
type ResultProto = { addFields(fields: FieldDescription[]): void };
type RawResult = { columnTypes: number[] };
type Queryable = {
  queryRaw(query: unknown): Promise<RawResult>;
  performIO(query: unknown): Promise<{ fields: FieldDescription[] }>;
  executeScript?(script: string): Promise<void>;
  client: { query(sql: string): Promise<unknown> };
};

let catalogTypesPatched = false;
/**
 * Workaround 1a — prisma/orm#27403: adapter-pg 6.x cannot map the catalog types
 * `name` (OID 19) and `"char"` (OID 18) that the schema engine reads
 * ("UnsupportedNativeDataType … name"). Report both to pg as text, remembering
 * which columns were "char" (for 1b). Process-wide and idempotent.
 */
export function reportCatalogTypesAsText(): void {
  if (catalogTypesPatched) return;
  catalogTypesPatched = true;
  const resultProto = (pg as unknown as { Result: { prototype: ResultProto } }).Result.prototype;
  const originalAddFields = resultProto.addFields;
  resultProto.addFields = function addFields(this: ResultProto, fields: FieldDescription[]) {
    for (const field of fields) {
      if (field.dataTypeID === CHAR_OID) field[CHAR_MARK] = true;
      if (field.dataTypeID === CHAR_OID || field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
    }
    return originalAddFields.call(this, fields);
  };
}

const patchedQueryables = new WeakSet<object>();
/**
 * Patch the prototypes behind a connected adapter (adapters and their
 * transactions share PgQueryable):
 * - Workaround 1b — prisma/orm#27403 (continued): hand the columns that were
 *   "char" to the engine as `Character` columns; as plain text the engine hits
 *   `RuntimeError: unreachable` as soon as pg_constraint returns rows (any
 *   CHECK constraint on PostgreSQL 15, always on PostgreSQL 18).
 * - Workaround 4 — adapter-pg's executeScript splits a migration on every ";"
 *   (the "crude implementation" discussed in prisma/orm#27510), which cuts
 *   PL/pgSQL function bodies (our append-only triggers) apart. Send the whole
 *   script as one simple-protocol query instead; PostgreSQL runs a
 *   multi-statement simple query atomically.
 */
export function patchQueryable(adapter: object): void {
  const adapterProto = Object.getPrototypeOf(adapter) as Queryable;
  if (patchedQueryables.has(adapterProto)) return;
  patchedQueryables.add(adapterProto);
  const queryableProto = Object.getPrototypeOf(adapterProto) as Queryable;
  const originalQueryRaw = queryableProto.queryRaw;
  queryableProto.queryRaw = async function queryRaw(this: Queryable, query: unknown) {
    let charColumns: number[] = [];
    const receiver = Object.create(this) as Queryable;
    receiver.performIO = async (q: unknown) => {
      const result = await this.performIO(q);
      charColumns = result.fields.flatMap((f, i) => (f[CHAR_MARK] ? [i] : []));
      return result;
    };
    const out = await originalQueryRaw.call(receiver, query);
    for (const i of charColumns) out.columnTypes[i] = ColumnTypeEnum.Character;
    return out;
  };
  adapterProto.executeScript = async function executeScript(this: Queryable, script: string) {
    await this.client.query(script);
  };
}

let timersUnreferenced = false;
/**
 * Workaround 2 — the CLI lingers after migrate finished: the WebAssembly
 * engine arms long timers it never clears (prisma/orm#27403 thread; see
 * ../shared/PRISMA.md). Un-reference long timers in this CLI process (idle pg
 * pools are created with allowExitOnIdle). Process-wide and idempotent.
 */
export function unrefLongTimers(): void {
  if (timersUnreferenced) return;
  timersUnreferenced = true;
  for (const name of ["setTimeout", "setInterval"] as const) {
    const original = globalThis[name];
    const wrapped = ((handler: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      const timer = original(handler, ms, ...args);
      if ((ms ?? 0) >= LONG_TIMER_MS && typeof timer === "object" && timer && "unref" in timer) timer.unref();
      return timer;
    }) as typeof original;
    (globalThis as Record<string, unknown>)[name] = wrapped;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * The CLI's adapter factory. Workaround 3 — PrismaPg.connectToShadowDb()
 * spreads `{ ...config, database }` (a connectionString wins, so it targets the
 * main database) and drops the shadow database before closing its own pool
 * (prisma/orm#27403 follow-up, ../shared/PRISMA.md). Create a uniquely named
 * shadow database, connect with a URL whose path is that name, and on dispose
 * close the pool first, then drop it. Every connection gets patchQueryable.
 */
export class CliPrismaPg extends PrismaPg {
  constructor(private readonly url: string) {
    super({ connectionString: url, allowExitOnIdle: true });
  }

  override async connect() {
    const adapter = await super.connect();
    patchQueryable(adapter);
    return adapter;
  }

  override async connectToShadowDb() {
    const admin = new pg.Client({ connectionString: this.url });
    await admin.connect();
    const database = `prisma_shadow_${process.pid}_${Date.now()}`;
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const shadow = new PrismaPg({ connectionString: withDatabase(this.url, database), allowExitOnIdle: true });
    const adapter = await shadow.connect();
    patchQueryable(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const dropper = new pg.Client({ connectionString: this.url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${database}"`);
      await dropper.end();
    };
    return adapter;
  }
}

/** Install the process-wide workarounds (1a, 2) — first thing in prisma.config.ts, before the engine starts. */
export function installCliWorkarounds(): void {
  reportCatalogTypesAsText();
  unrefLongTimers();
}

/**
 * The adapter for the CLI on `url` (DATABASE_URL).
 * @throws Error when no URL is given (run the CLI through `npm start` or scripts/with-db.ts)
 */
export function cliAdapter(url: string | undefined): CliPrismaPg {
  if (!url) throw new Error("DATABASE_URL 未设置：请通过 `npm start` 或 scripts/with-db.ts 运行 Prisma CLI（DATABASE_URL is not set）");
  return new CliPrismaPg(url);
}

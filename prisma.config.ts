/**
 * Prisma CLI configuration (Prisma 6.19, offline machine).
 *
 * The CLI runs on the WebAssembly schema engine (`engine: "js"`) through the
 * pg driver adapter, because the native schema engine cannot be downloaded here
 * (see ../shared/PRISMA.md). This file is loaded ONLY by the Prisma CLI; the
 * application's runtime client is built in `lib/db.ts` and needs none of the
 * workarounds below. Each workaround cites its upstream issue and is exercised
 * by CI (`migrate deploy` on a fresh database and `migrate diff --exit-code`).
 */
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { defineConfig } from "prisma/config";

const CHAR_OID = 18; // "char" (pg_catalog internal single-byte type)
const NAME_OID = 19; // name
const TEXT_OID = 25;
const CHAR_MARK = Symbol("prisma-cli:was-char");

type FieldDescription = { dataTypeID: number; [CHAR_MARK]?: boolean };

/*
 * Workaround 1 — prisma/orm#27403: adapter-pg 6.x cannot map the catalog types
 * `name` (OID 19) and `"char"` (OID 18) that the schema engine reads
 * ("Column type 'name' could not be deserialized"). Report both as text to pg,
 * remember which columns were "char", and hand those to the engine as
 * `Character` columns (as plain text the engine hits `RuntimeError: unreachable`
 * as soon as pg_constraint returns rows).
 */
type ResultProto = { addFields(fields: FieldDescription[]): void };
const resultProto = (pg as unknown as { Result: { prototype: ResultProto } }).Result.prototype;
const originalAddFields = resultProto.addFields;
resultProto.addFields = function addFields(this: ResultProto, fields: FieldDescription[]) {
  for (const field of fields) {
    if (field.dataTypeID === CHAR_OID) field[CHAR_MARK] = true;
    if (field.dataTypeID === CHAR_OID || field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
  }
  return originalAddFields.call(this, fields);
};

type RawResult = { columnTypes: number[] };
type Queryable = {
  queryRaw(query: unknown): Promise<RawResult>;
  performIO(query: unknown): Promise<{ fields: FieldDescription[] }>;
  executeScript?(script: string): Promise<void>;
  client: { query(sql: string): Promise<unknown> };
};
let patchedQueryable = false;
function patchQueryable(adapter: object) {
  if (patchedQueryable) return;
  patchedQueryable = true;
  // PrismaPgAdapter -> PgQueryable (shared by adapters and transactions).
  const adapterProto = Object.getPrototypeOf(adapter) as Queryable;
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

  /*
   * Workaround 4 — adapter-pg's executeScript splits a migration on every ";"
   * (the "crude implementation" discussed in prisma/orm#27510), which cuts
   * PL/pgSQL function bodies (our append-only triggers) apart. Send the whole
   * script as one simple-protocol query instead; PostgreSQL runs a
   * multi-statement simple query atomically.
   */
  adapterProto.executeScript = async function executeScript(this: Queryable, script: string) {
    await this.client.query(script);
  };
}

/*
 * Workaround 2 — the CLI lingers ~60 s after migrate finished: the WebAssembly
 * engine arms long timers it never clears (prisma/orm#27403 thread; see
 * ../shared/PRISMA.md) and an idle pg pool keeps the loop alive. Un-reference
 * long timers in this CLI process and let idle pools exit.
 */
const LONG_TIMER_MS = 10_000;
for (const name of ["setTimeout", "setInterval"] as const) {
  const original = globalThis[name];
  const wrapped = ((handler: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer = original(handler, ms, ...args);
    if ((ms ?? 0) >= LONG_TIMER_MS && typeof timer === "object" && timer && "unref" in timer) timer.unref();
    return timer;
  }) as typeof original;
  (globalThis as Record<string, unknown>)[name] = wrapped;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/*
 * Workaround 3 — PrismaPg.connectToShadowDb() spreads `{ ...config, database }`
 * (a connectionString wins, so it targets the main database) and drops the
 * shadow database before closing its own pool. Create a uniquely named shadow
 * database, connect with a URL whose path is that name, and on dispose close
 * the pool first, then drop it. (prisma/orm#27403 follow-up, ../shared/PRISMA.md)
 */
class CliPrismaPg extends PrismaPg {
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

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    seed: "node --import tsx prisma/seed.ts",
  },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error("DATABASE_URL 未设置：请通过 `npm start` 或 scripts/with-db.ts 运行 Prisma CLI（DATABASE_URL is not set）");
    }
    return new CliPrismaPg(url);
  },
});

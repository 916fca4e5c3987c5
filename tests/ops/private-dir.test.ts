/**
 * Issue 12 item 1: a checkout in a directory only root can enter (0700, like
 * root's home) starts with `npm start` and serves the sign-in page: the
 * embedded PostgreSQL, run as the `postgres` user, gets its data directory and
 * a copy of its binaries in a per-checkout folder under /var/lib/union-portal.
 * Ctrl-C/SIGTERM stops the portal first and PostgreSQL after it; a second
 * start keeps the data.
 *
 * The checkout is a copy of this one's files (what git tracks or would track,
 * plus the installed node_modules and the production build, hard-linked/copied
 * so no second `npm install` or `next build` is needed).
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/scripts/lib/postgres";
import { ROOT, errorLines, until } from "./helpers";

const parent = fs.mkdtempSync(path.join(os.tmpdir(), "portal-private-"));
const checkout = path.join(parent, "portal");
let home = "";

afterAll(() => {
  if (home.startsWith("/var/lib/union-portal/")) fs.rmSync(home, { recursive: true, force: true });
  fs.rmSync(parent, { recursive: true, force: true });
});

/** Copy the checkout: tracked and untracked-but-not-ignored files, node_modules (hard links), the build and the generated client. */
function copyCheckout() {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT }).toString().split("\0").filter(Boolean);
  for (const f of files) {
    const from = path.join(ROOT, f);
    if (!fs.existsSync(from)) continue;
    fs.mkdirSync(path.dirname(path.join(checkout, f)), { recursive: true });
    fs.cpSync(from, path.join(checkout, f), { preserveTimestamps: true });
  }
  execFileSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(checkout, "node_modules")]);
  execFileSync("cp", ["-a", path.join(ROOT, ".next"), path.join(checkout, ".next")]);
  execFileSync("cp", ["-a", path.join(ROOT, "lib", "generated"), path.join(checkout, "lib", "generated")]);
}

/** `npm start`'s own command (what package.json runs), so its exit code is the portal's, not npm's. */
async function npmStart(port: number, pgPort: number) {
  let out = "";
  // Its own process group, signalled as a whole — what Ctrl-C in a terminal or systemd does.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: checkout,
    detached: true,
    env: { ...process.env, PORT: String(port), PORTAL_PG_PORT: String(pgPort), DATABASE_URL: "", MIGRATION_DATABASE_URL: "", OPS_TEST_CLUSTER: "", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (out += String(d)));
  child.stderr!.on("data", (d) => (out += String(d)));
  const exited = new Promise<number | string | null>((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
  await until("the portal to serve /login", async () => {
    if (child.exitCode !== null) throw new Error(`npm start exited:\n${out}`);
    return fetch(`http://127.0.0.1:${port}/login`).then((r) => r.ok, () => false);
  }, 400_000);
  return { child, exited, output: () => out };
}

describe("start from a private directory", () => {
  it("starts from a 0700 parent, serves the sign-in page, stops in order and restarts with its data", async () => {
    fs.chmodSync(parent, 0o700);
    copyCheckout();
    const port = await freePort(3600);
    const pgPort = await freePort(56600);

    const first = await npmStart(port, pgPort);
    const login = await fetch(`http://127.0.0.1:${port}/login`);
    expect(login.status).toBe(200);
    expect(await login.text()).toContain("登录");
    home = fs.readFileSync(path.join(checkout, ".data", "cluster-home"), "utf8").trim();
    expect(home.startsWith("/var/lib/union-portal/")).toBe(true);
    const pgDir = path.join(home, "pg");
    expect(fs.statSync(pgDir).uid).toBe(Number(execFileSync("id", ["-u", "postgres"]).toString()));
    expect(fs.statSync(path.join(checkout, ".data", "pg.credentials.json")).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(pgDir, "pg_hba.conf"), "utf8")).toMatch(/^host all all 127\.0\.0\.1\/32 scram-sha-256$/m);
    expect((await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()).status).toBe("ok");

    process.kill(-first.child.pid!, "SIGTERM");
    expect(await first.exited).toBe(0);
    const log = first.output();
    expect(errorLines(log)).toEqual([]);
    // The portal stopped before PostgreSQL did, and PostgreSQL had no connection left to cut.
    expect(log.indexOf('"msg":"stopped"')).toBeGreaterThan(-1);
    expect(log.indexOf("PostgreSQL stopped")).toBeGreaterThan(log.indexOf('"msg":"stopped"'));
    const pgLog = fs.readFileSync(path.join(home, "pg.log"), "utf8");
    expect(pgLog).toContain("received smart shutdown request");
    expect(pgLog).not.toMatch(/FATAL|terminating connection/);
    expect(fs.existsSync(path.join(pgDir, "postmaster.pid"))).toBe(false);

    // A second start keeps the data (the demo data is not loaded again).
    const second = await npmStart(port, pgPort);
    expect(second.output()).toContain("demo data already present");
    process.kill(-second.child.pid!, "SIGTERM");
    expect(await second.exited).toBe(0);
    expect(errorLines(second.output())).toEqual([]);
  });
});

/**
 * `npm test`: everything, in order, failing fast.
 *
 *   typecheck → lint → unit → drift (migrations vs schema) → integration → build → e2e → ops
 *
 * `next build` skips its own type check (next.config.ts): the typecheck phase
 * already ran `next typegen` + `tsc` over the whole repository, tests included.
 *
 * Integration and e2e tests each get their own fresh database on the server of
 * DATABASE_URL, or (when unset) on a throw-away embedded PostgreSQL cluster.
 * Like the portal itself, the code under test connects as the restricted
 * application role (DATABASE_URL) while migrations, the job schema and the
 * fixtures that tamper with append-only tables use the owner
 * (MIGRATION_DATABASE_URL); on a DATABASE_URL server the run creates its own
 * pair of roles and drops them at the end.
 *
 * `ops` runs process-level tests (tests/ops): a copy of the checkout started
 * from a 0700 directory, SIGTERM during work, backup → restore, two instances
 * behind nginx, health and metrics.
 * Run a subset with `npm test -- unit integration`, or some files of a phase with
 * `npm test -- build e2e tests/e2e/fund-flow.spec.ts`.
 */
import crypto from "node:crypto";
import path from "node:path";
import {
  type Cluster,
  clusterHome,
  dropDatabase,
  ensureDatabase,
  externalCluster,
  freePort,
  run,
  startEmbedded,
  withClient,
} from "./lib/postgres";
import { prepareDatabase } from "./lib/provision";

const PHASES = ["typecheck", "lint", "unit", "drift", "integration", "build", "e2e", "ops"] as const;
type Phase = (typeof PHASES)[number];
const NEEDS_DB: Phase[] = ["drift", "integration", "e2e", "ops"];

/** On a DATABASE_URL server: a pair of roles for this run (owner, application), or null when not allowed. */
async function runRoles(cluster: Cluster, stamp: string): Promise<Cluster["roles"]> {
  const secret = () => crypto.randomBytes(18).toString("base64url");
  const roles = { owner: { name: `portal_t_${stamp}_owner`, password: secret() }, app: { name: `portal_t_${stamp}_app`, password: secret() } };
  try {
    await withClient(cluster.adminUrl, async (c) => {
      await c.query(`CREATE ROLE ${c.escapeIdentifier(roles.owner.name)} LOGIN CREATEDB PASSWORD ${c.escapeLiteral(roles.owner.password)}`);
      await c.query(`CREATE ROLE ${c.escapeIdentifier(roles.app.name)} LOGIN PASSWORD ${c.escapeLiteral(roles.app.password)}`);
    });
    return roles;
  } catch (error) {
    console.warn(`cannot create test roles on DATABASE_URL's server (${error instanceof Error ? error.message : error}): tests run with one role`);
    return null;
  }
}

async function main() {
  const args = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  // Test files (`tests/e2e/fund-flow.spec.ts`) narrow the vitest and Playwright phases to themselves.
  const isFile = (a: string) => a.includes("/") || /\.(spec|test)\.ts$/.test(a);
  const files = args.filter(isFile);
  const requested = args.filter((a) => !isFile(a));
  const unknown = requested.filter((p) => !(PHASES as readonly string[]).includes(p));
  if (unknown.length) throw new Error(`unknown phase(s): ${unknown.join(", ")}; phases: ${PHASES.join(", ")}`);
  const phases = requested.length ? PHASES.filter((p) => requested.includes(p)) : [...PHASES];

  let cluster: Cluster | null = null;
  const created: string[] = [];
  const stamp = `${Date.now().toString(36)}_${process.pid}`;
  const freshDatabase = async (suffix: string) => {
    const name = `portal_test_${stamp}_${suffix}`;
    const urls = await ensureDatabase(cluster!, name);
    created.push(name);
    return urls;
  };
  const timings: string[] = [];
  const phase = async (name: Phase, body: () => Promise<void>) => {
    if (!phases.includes(name)) return;
    const started = Date.now();
    console.log(`\n━━ ${name} ━━`);
    await body();
    timings.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)}s`);
  };

  try {
    await phase("typecheck", async () => {
      // Route/page types first (what `next build` would generate), then the whole repo.
      await run("next", ["typegen"], { NEXT_TELEMETRY_DISABLED: "1" }, { quiet: true });
      await run("tsc", ["--noEmit"]);
    });
    await phase("lint", () => run("eslint", [".", "--max-warnings=0"]));
    await phase("unit", () => run("vitest", ["run", "--project", "unit"]));

    if (phases.some((p) => NEEDS_DB.includes(p))) {
      if (process.env.DATABASE_URL) {
        cluster = externalCluster(process.env.DATABASE_URL);
        cluster.roles = await runRoles(cluster, stamp);
      } else cluster = await startEmbedded(path.join(clusterHome(), `test-pg-${stamp}`), await freePort(55432), false);
      console.log(cluster.embedded ? "test database server: embedded PostgreSQL (throw-away)" : "test database server: DATABASE_URL");
    }

    await phase("drift", async () => {
      // As the owner: the shadow database needs CREATEDB.
      const { ownerUrl } = await freshDatabase("drift");
      await run("prisma", ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--exit-code"], { DATABASE_URL: ownerUrl });
    });

    await phase("integration", async () => {
      const urls = await freshDatabase("int");
      await prepareDatabase(urls);
      await run("vitest", ["run", "--project", "integration", ...files.filter((f) => f.includes("integration/"))], { DATABASE_URL: urls.appUrl, MIGRATION_DATABASE_URL: urls.ownerUrl, LOG_LEVEL: "silent" });
    });

    await phase("build", () => run("next", ["build"], { NEXT_TELEMETRY_DISABLED: "1" }));

    await phase("e2e", async () => {
      const urls = await freshDatabase("e2e");
      await prepareDatabase(urls);
      await run("node", ["--import", "tsx", "prisma/seed.ts"], { DATABASE_URL: urls.appUrl });
      await run("playwright", ["test", ...files.filter((f) => f.includes("e2e/"))], {
        DATABASE_URL: urls.appUrl,
        MIGRATION_DATABASE_URL: urls.ownerUrl,
        AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
        E2E_PORT: String(await freePort(3100)),
      });
    });

    await phase("ops", async () => {
      // The ops tests create their own databases on this cluster (tests/ops/helpers.ts).
      await run("vitest", ["run", "--project", "ops"], {
        OPS_TEST_CLUSTER: JSON.stringify({ adminUrl: cluster!.adminUrl, roles: cluster!.roles, prefix: `portal_test_${stamp}_ops` }),
        LOG_LEVEL: "info",
      });
    });
  } finally {
    if (cluster) {
      if (!cluster.embedded) {
        const c = cluster;
        const { rows } = await withClient(c.adminUrl, (db) => db.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`portal_test_${stamp}_%`])).catch(() => ({ rows: [] }));
        for (const name of new Set([...created, ...rows.map((r) => r.datname)])) await dropDatabase(c.adminUrl, name).catch(() => undefined);
        if (c.roles) {
          await withClient(c.adminUrl, async (db) => {
            for (const r of [c.roles!.app, c.roles!.owner]) await db.query(`DROP ROLE IF EXISTS ${db.escapeIdentifier(r.name)}`);
          }).catch((error) => console.warn(`could not drop the run's roles: ${error}`));
        }
      }
      await cluster.stop();
    }
    if (timings.length) console.log(`\ntimings: ${timings.join(" · ")}`);
  }
}

main().then(
  () => {
    console.log("\nall tests passed");
    process.exit(0);
  },
  (error) => {
    console.error(`\nFAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

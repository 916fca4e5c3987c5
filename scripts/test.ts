/**
 * `npm test`: everything, in order, failing fast.
 *
 *   typecheck → lint → unit → drift (migrations vs schema) → integration → build → e2e
 *
 * `next build` skips its own type check (next.config.ts): the typecheck phase
 * already ran `next typegen` + `tsc` over the whole repository, tests included.
 *
 * Integration and e2e tests each get their own fresh database on the server of
 * DATABASE_URL, or (when unset) on a throw-away embedded PostgreSQL cluster.
 * Run a subset with `npm test -- unit integration`.
 */
import crypto from "node:crypto";
import path from "node:path";
import {
  DATA_DIR,
  type Cluster,
  dropDatabase,
  ensureDatabase,
  externalCluster,
  freePort,
  migrateDeploy,
  run,
  startEmbedded,
} from "./lib/postgres";

const PHASES = ["typecheck", "lint", "unit", "drift", "integration", "build", "e2e"] as const;
type Phase = (typeof PHASES)[number];
const NEEDS_DB: Phase[] = ["drift", "integration", "e2e"];

async function main() {
  const requested = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const unknown = requested.filter((p) => !(PHASES as readonly string[]).includes(p));
  if (unknown.length) throw new Error(`unknown phase(s): ${unknown.join(", ")}; phases: ${PHASES.join(", ")}`);
  const phases = requested.length ? PHASES.filter((p) => requested.includes(p)) : [...PHASES];

  let cluster: Cluster | null = null;
  const created: string[] = [];
  const stamp = `${Date.now().toString(36)}_${process.pid}`;
  const freshDatabase = async (suffix: string) => {
    const name = `portal_test_${stamp}_${suffix}`;
    const url = await ensureDatabase(cluster!.adminUrl, name);
    created.push(name);
    return url;
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
      cluster = process.env.DATABASE_URL
        ? externalCluster(process.env.DATABASE_URL)
        : await startEmbedded(path.join(DATA_DIR, `test-pg-${stamp}`), await freePort(55432), false);
      console.log(cluster.embedded ? "test database server: embedded PostgreSQL (throw-away)" : "test database server: DATABASE_URL");
    }

    await phase("drift", async () => {
      const url = await freshDatabase("drift");
      await run("prisma", ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--exit-code"], { DATABASE_URL: url });
    });

    await phase("integration", async () => {
      const url = await freshDatabase("int");
      await migrateDeploy(url);
      await run("vitest", ["run", "--project", "integration"], { DATABASE_URL: url, LOG_LEVEL: "silent" });
    });

    await phase("build", () => run("next", ["build"], { NEXT_TELEMETRY_DISABLED: "1" }));

    await phase("e2e", async () => {
      const url = await freshDatabase("e2e");
      await migrateDeploy(url);
      await run("node", ["--import", "tsx", "prisma/seed.ts"], { DATABASE_URL: url });
      await run("playwright", ["test"], {
        DATABASE_URL: url,
        AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
        E2E_PORT: String(await freePort(3100)),
      });
    });
  } finally {
    if (cluster) {
      if (!cluster.embedded) for (const name of created) await dropDatabase(cluster.adminUrl, name).catch(() => undefined);
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

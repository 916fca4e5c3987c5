/**
 * Bring a portal database up to date and give the application role exactly
 * what it needs (issue 10 item 7, least privilege):
 *
 * 1. `prisma migrate deploy` as the schema owner;
 * 2. the job queue's schema and queues, as the owner (lib/jobs/install.ts);
 * 3. grants to the application role — it owns nothing and may only
 *    - SELECT, INSERT, UPDATE, DELETE the portal's tables, use their sequences;
 *    - SELECT and INSERT the append-only tables (every table guarded by the
 *      `forbid_change()` trigger: AuditLog, LedgerEntry, and any later one);
 *    - SELECT `_prisma_migrations` (the health check compares it);
 *    - use the pg-boss tables (DML only).
 *    No DDL: the schemas belong to the owner and PUBLIC has no CREATE on them.
 *
 * Run on every start (idempotent), so a new migration's table is granted too.
 */
import { installJobSchema, JOB_NAMES, JOB_SCHEMA } from "@/lib/jobs/install";
import { type DatabaseUrls, migrateDeploy, userOf, withClient } from "./postgres";

/** Tables protected by the append-only trigger (derived from the database, not a list kept by hand). */
export const APPEND_ONLY_SQL = `
  SELECT DISTINCT c.relname AS name FROM pg_trigger t
  JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_proc p ON p.oid = t.tgfoid
  WHERE n.nspname = 'public' AND p.proname = 'forbid_change' AND NOT t.tgisinternal ORDER BY 1`;

/**
 * Grant the application role its privileges on the portal's database (run as the owner).
 * @param ownerUrl the schema owner's URL
 * @param appRole the application role's name
 * @returns the append-only tables found
 */
export async function grantAppRole(ownerUrl: string, appRole: string): Promise<string[]> {
  return withClient(ownerUrl, async (c) => {
    const app = c.escapeIdentifier(appRole);
    const appendOnly = (await c.query<{ name: string }>(APPEND_ONLY_SQL)).rows.map((r) => r.name);
    // Owned by the owner on PostgreSQL 15+ (pg_database_owner); an older server's public schema
    // may belong to another role, which then must revoke it (README, least privilege).
    for (const schema of ["public", JOB_SCHEMA]) await c.query(`REVOKE CREATE ON SCHEMA ${c.escapeIdentifier(schema)} FROM PUBLIC`).catch(() => undefined);
    await c.query("BEGIN");
    for (const schema of ["public", JOB_SCHEMA]) {
      const s = c.escapeIdentifier(schema);
      await c.query(`GRANT USAGE ON SCHEMA ${s} TO ${app}`);
      await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${app}`);
      await c.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${app}`);
    }
    for (const table of appendOnly) await c.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${c.escapeIdentifier(table)} FROM ${app}`);
    await c.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "_prisma_migrations" FROM ${app}`);
    await c.query("COMMIT");
    return appendOnly;
  });
}

/**
 * Migrations, job schema and grants for one database.
 * @param urls owner and application URLs; when they name the same role (a single-role
 *   DATABASE_URL), only migrations and the job schema run
 */
export async function prepareDatabase(urls: DatabaseUrls): Promise<void> {
  await migrateDeploy(urls.ownerUrl);
  await installJobSchema(urls.ownerUrl, JOB_NAMES);
  if (userOf(urls.appUrl) !== userOf(urls.ownerUrl)) await grantAppRole(urls.ownerUrl, userOf(urls.appUrl));
}

/** The role's dangerous attributes, for a warning at start (superuser, owner of the portal's tables). */
export async function privilegeWarnings(appUrl: string): Promise<string[]> {
  return withClient(appUrl, async (c) => {
    const { rows } = await c.query<{ superuser: boolean; owns: number }>(
      `SELECT r.rolsuper AS superuser, (SELECT count(*)::int FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace
         WHERE n.nspname = 'public' AND pg_get_userbyid(k.relowner) = current_user) AS owns
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const out: string[] = [];
    if (rows[0]?.superuser) out.push("the application connects as a superuser");
    if ((rows[0]?.owns ?? 0) > 0) out.push("the application role owns the portal's tables (it could drop the append-only triggers)");
    return out;
  });
}

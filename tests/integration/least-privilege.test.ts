/**
 * Least privilege (issue 10 item 7): the application connects as a role that
 * owns nothing and holds only DML grants — and on the append-only tables only
 * SELECT and INSERT. Proven against PostgreSQL with the role the tests (and
 * the portal) use: DATABASE_URL. The owner (MIGRATION_DATABASE_URL) is the
 * contrast: it may disable a trigger, so the refusals below are the role's, not
 * the table's.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mutate } from "@/lib/audit/writer";
import { createTree, ctxOf } from "../helpers/fixtures";

let app: pg.Client;
let owner: pg.Client;

beforeAll(async () => {
  app = new pg.Client({ connectionString: process.env.DATABASE_URL });
  owner = new pg.Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
  await Promise.all([app.connect(), owner.connect()]);
  // At least one row in each append-only table's neighbourhood: an audited change.
  const { grassroots } = await createTree();
  await mutate(ctxOf(null), async (tx, record) => {
    const after = await tx.organization.update({ where: { id: grassroots.id }, data: { name: "最小权限测试" } });
    record({ action: "org.update", entityType: "Organization", entityId: grassroots.id, after });
  });
});
afterAll(async () => {
  await Promise.all([app?.end(), owner?.end()]);
});

/** The SQLSTATE an application-role statement fails with (null when it succeeds). */
async function refusal(sql: string): Promise<string | null> {
  try {
    await app.query(sql);
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? "unknown";
  }
}

describe("the application's database role", () => {
  it("is a different role from the owner, not a superuser, and owns no table, schema or database", async () => {
    const [{ rows: a }, { rows: o }] = await Promise.all([app.query("SELECT current_user AS u"), owner.query("SELECT current_user AS u")]);
    expect(a[0].u).not.toBe(o[0].u);
    const { rows } = await app.query(
      `SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
         (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS tables,
         (SELECT count(*)::int FROM pg_namespace WHERE nspowner = r.oid) AS schemas,
         (SELECT count(*)::int FROM pg_database WHERE datdba = r.oid) AS databases
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows[0]).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, tables: 0, schemas: 0, databases: 0 });
  });

  it("reads and appends the audit trail and the ledger, but cannot edit, delete or truncate them", async () => {
    expect(await refusal(`SELECT count(*) FROM "AuditLog"`)).toBeNull();
    expect(await refusal(`SELECT count(*) FROM "LedgerEntry"`)).toBeNull();
    const { rows } = await app.query(`SELECT id FROM "AuditLog" ORDER BY id DESC LIMIT 1`);
    expect(rows.length).toBe(1);
    for (const table of ["AuditLog", "LedgerEntry", "AuditCheckpoint"]) {
      expect(await refusal(`UPDATE "${table}" SET id = id WHERE id = ${rows[0].id}`)).toBe("42501");
      expect(await refusal(`DELETE FROM "${table}" WHERE id = ${rows[0].id}`)).toBe("42501");
      expect(await refusal(`TRUNCATE "${table}"`)).toBe("42501");
    }
    const has = async (table: string, privilege: string) =>
      (await app.query(`SELECT has_table_privilege(current_user, $1, $2) AS ok`, [`"${table}"`, privilege])).rows[0].ok as boolean;
    for (const table of ["AuditLog", "LedgerEntry", "AuditCheckpoint"]) {
      expect([await has(table, "SELECT"), await has(table, "INSERT"), await has(table, "UPDATE"), await has(table, "DELETE")]).toEqual([true, true, false, false]);
    }
  });

  it("cannot disable a trigger — the owner can (inside a transaction rolled back here)", async () => {
    expect(await refusal(`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"`)).toBe("42501");
    expect(await refusal(`ALTER TABLE "LedgerEntry" DISABLE TRIGGER ALL`)).toBe("42501");
    await owner.query("BEGIN");
    await expect(owner.query(`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"`)).resolves.toBeDefined();
    await owner.query("ROLLBACK");
  });

  it("cannot run COPY … TO PROGRAM or read server files", async () => {
    expect(await refusal(`COPY (SELECT 1) TO PROGRAM 'id'`)).toBe("42501");
    expect(await refusal(`COPY "AuditLog" TO '/tmp/portal-audit-copy'`)).toBe("42501");
    expect(await refusal(`SELECT pg_read_file('postgresql.conf')`)).toBe("42501");
  });

  it("runs no DDL: no new table, schema, function or drop, in the portal's schema or the job queue's", async () => {
    expect(await refusal(`CREATE TABLE public.intruder (id int)`)).toBe("42501");
    expect(await refusal(`CREATE TABLE pgboss.intruder (id int)`)).toBe("42501");
    expect(await refusal(`CREATE SCHEMA intruder`)).toBe("42501");
    expect(await refusal(`CREATE FUNCTION public.intruder() RETURNS int LANGUAGE sql AS 'SELECT 1'`)).toBe("42501");
    expect(await refusal(`DROP TABLE "Notification"`)).toBe("42501");
    expect(await refusal(`ALTER TABLE "User" ADD COLUMN intruder int`)).toBe("42501");
    expect(await refusal(`DROP TRIGGER "AuditLog_append_only" ON "AuditLog"`)).toBe("42501");
    // The migration history is the owner's: the app may read it (health check), not rewrite it.
    expect(await refusal(`SELECT count(*) FROM "_prisma_migrations"`)).toBeNull();
    expect(await refusal(`DELETE FROM "_prisma_migrations"`)).toBe("42501");
  });
});

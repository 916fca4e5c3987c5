/**
 * First start of a portal that is NOT the demo (PORTAL_DEMO=off): an empty
 * database gets its city federation and one administrator whose random
 * initial password is handed over once and must be changed at first sign-in
 * (issue 10.1) — no account of a non-demo database has a published password.
 */
import { mutate, type RequestContext } from "@/lib/audit/writer";
import { randomInitialPassword } from "@/lib/auth/initial-password";
import { hashPassword } from "@/lib/auth/password";
import type { InitialCredential } from "./import";
import { insertOrganization } from "./service";

/**
 * Create the root organisation and its administrator.
 * @returns the administrator's initial credential (to be shown/written once)
 */
export async function createFirstAdministrator(ctx: RequestContext, options: { orgName: string; username?: string; orgCode?: string }): Promise<InitialCredential> {
  const username = options.username ?? "admin";
  const code = options.orgCode ?? "ROOT";
  const password = randomInitialPassword();
  const passwordHash = await hashPassword(password);
  return mutate(ctx, async (tx, record) => {
    const org = await insertOrganization(tx, { code, name: options.orgName, type: "CITY_FEDERATION", parentId: null, isDemo: false });
    record({ action: "org.create", entityType: "Organization", entityId: org.id, after: org });
    const user = await tx.user.create({
      data: { username, displayName: "系统管理员", organizationId: org.id, roles: ["ADMIN"], passwordHash, mustChangePassword: true },
      select: { id: true, username: true, roles: true, organizationId: true, mustChangePassword: true },
    });
    record({ action: "user.create", entityType: "User", entityId: user.id, after: user });
    return { username, displayName: "系统管理员", org: code, password };
  });
}

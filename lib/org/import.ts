/**
 * Load a city's organisation tree and people from a JSON file (see
 * prisma/seed-data/dalian.json). Any city can describe itself in this format:
 * organisations refer to their parent by code, users to their organisation by code.
 */
import { z } from "zod";
import { mutate, type RequestContext } from "@/lib/audit/writer";
import { randomInitialPassword } from "@/lib/auth/initial-password";
import { hashPassword } from "@/lib/auth/password";
import { CadrePosition, OrgType, Ownership, Role, UnitNature } from "@/lib/generated/prisma/enums";
import { insertOrganization } from "./service";

export const orgFileSchema = z.object({
  city: z.string().min(1),
  demo: z.boolean().default(false),
  /**
   * demo files only: the one published password of every demo account. A
   * non-demo file may not carry one: each imported user gets their own random
   * initial password instead (issue 10.1).
   */
  demoPassword: z.string().min(8).optional(),
  organizations: z
    .array(
      z.object({
        code: z.string().min(1).max(40),
        parent: z.string().optional(),
        name: z.string().min(1).max(120),
        nameEn: z.string().max(160).optional(),
        type: z.enum(OrgType),
        industrialResident: z.boolean().optional(),
        unitNature: z.enum(UnitNature).optional(),
        ownership: z.enum(Ownership).optional(),
        staffCount: z.number().int().nonnegative().optional(),
        wageTier: z.string().max(20).optional(),
      }),
    )
    .min(1),
  users: z.array(
    z.object({
      username: z.string().regex(/^[a-z0-9._-]{3,64}$/),
      displayName: z.string().min(1).max(60),
      org: z.string(),
      roles: z.array(z.enum(Role)).min(1),
      position: z.enum(CadrePosition).optional(),
      fullTime: z.boolean().optional(),
      phone: z.string().max(30).optional(),
    }),
  ),
}).superRefine((file, issue) => {
  if (file.demo && !file.demoPassword) issue.addIssue({ code: "custom", path: ["demoPassword"], message: "a demo file names its demo password" });
  if (!file.demo && file.demoPassword) {
    issue.addIssue({ code: "custom", path: ["demoPassword"], message: "only a demo file may publish a password: remove demoPassword (every user gets a random initial password)" });
  }
});
export type OrgFile = z.infer<typeof orgFileSchema>;

/** The initial password of one imported user (non-demo imports; to be handed over once, then forgotten). */
export type InitialCredential = { username: string; displayName: string; org: string; password: string };

/**
 * Import `file` (parents must precede children). One transaction, audited.
 * A demo file's users share its published demo password and need not change it;
 * every user of a non-demo file gets a random initial password of their own and
 * must change it at first sign-in.
 * @returns counts of organisations and users created, and (non-demo) each user's initial password
 * @throws ZodError on a malformed file; DomainError on a bad parent or a duplicate code
 */
export async function importOrgFile(ctx: RequestContext, raw: unknown): Promise<{ organizations: number; users: number; credentials: InitialCredential[] }> {
  const file = orgFileSchema.parse(raw);
  const demoHash = file.demo ? await hashPassword(file.demoPassword!) : null;
  const credentials: InitialCredential[] = [];
  const hashes = new Map<string, string>();
  for (const u of file.users) {
    if (demoHash) hashes.set(u.username, demoHash);
    else {
      const password = randomInitialPassword();
      credentials.push({ username: u.username, displayName: u.displayName, org: u.org, password });
      hashes.set(u.username, await hashPassword(password));
    }
  }
  return mutate(
    ctx,
    async (tx, record) => {
      const idByCode = new Map<string, number>();
      for (const o of file.organizations) {
        const parentId = o.parent === undefined ? null : idByCode.get(o.parent);
        if (parentId === undefined) throw new Error(`parent ${o.parent} of ${o.code} must come first`);
        const { parent: _parent, ...fields } = o;
        const org = await insertOrganization(tx, { ...fields, parentId, isDemo: file.demo });
        idByCode.set(o.code, org.id);
        record({ action: "org.import", entityType: "Organization", entityId: org.id, after: org });
      }
      for (const u of file.users) {
        const organizationId = idByCode.get(u.org);
        if (organizationId === undefined) throw new Error(`user ${u.username}: unknown organisation ${u.org}`);
        const { org: _org, ...fields } = u;
        const user = await tx.user.create({
          data: { ...fields, fullTime: u.fullTime ?? false, organizationId, passwordHash: hashes.get(u.username)!, isDemo: file.demo, mustChangePassword: !file.demo },
          select: { id: true, username: true, displayName: true, roles: true, organizationId: true },
        });
        record({ action: "user.import", entityType: "User", entityId: user.id, after: user });
      }
      return { organizations: file.organizations.length, users: file.users.length, credentials };
    },
    { timeout: 120_000 },
  );
}

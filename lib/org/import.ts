/**
 * Load a city's organisation tree and people from a JSON file (see
 * prisma/seed-data/dalian.json). Any city can describe itself in this format:
 * organisations refer to their parent by code, users to their organisation by code.
 */
import { z } from "zod";
import { mutate, type RequestContext } from "@/lib/audit/writer";
import { hashPassword } from "@/lib/auth/password";
import { CadrePosition, OrgType, Ownership, Role, UnitNature } from "@/lib/generated/prisma/enums";
import { insertOrganization } from "./service";

export const orgFileSchema = z.object({
  city: z.string().min(1),
  demo: z.boolean().default(false),
  /** initial password of every imported user (they must change it unless demo) */
  demoPassword: z.string().min(8),
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
});
export type OrgFile = z.infer<typeof orgFileSchema>;

/**
 * Import `file` (parents must precede children). One transaction, audited.
 * @returns counts of organisations and users created
 * @throws ZodError on a malformed file; DomainError on a bad parent or a duplicate code
 */
export async function importOrgFile(ctx: RequestContext, raw: unknown): Promise<{ organizations: number; users: number }> {
  const file = orgFileSchema.parse(raw);
  const passwordHash = await hashPassword(file.demoPassword);
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
          data: { ...fields, fullTime: u.fullTime ?? false, organizationId, passwordHash, isDemo: file.demo, mustChangePassword: !file.demo },
          select: { id: true, username: true, displayName: true, roles: true, organizationId: true },
        });
        record({ action: "user.import", entityType: "User", entityId: user.id, after: user });
      }
      return { organizations: file.organizations.length, users: file.users.length };
    },
    { timeout: 120_000 },
  );
}

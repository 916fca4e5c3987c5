/**
 * Organisation tree services (Prisma). Paths are maintained here only.
 */
import { scopeWhere } from "@/lib/authz/scope";
import type { Resource } from "@/lib/authz/types";
import type { Actor } from "@/lib/authz/types";
import { db, type Tx } from "@/lib/db";
import { mutate, type RequestContext } from "@/lib/audit/writer";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { OrgType, Ownership, UnitNature } from "@/lib/generated/prisma/enums";
import { canPlaceUnder, childPath } from "./tree";

/** Authorization resource of an organisation. @throws NotFoundError */
export async function organizationResource(id: number): Promise<Resource> {
  const org = await db().organization.findUnique({ where: { id }, select: { id: true, path: true } });
  if (!org) throw new NotFoundError();
  return { type: "organization", id: org.id, path: org.path };
}

/** Every organisation in the actor's subtree (their own and below), tree order. */
export function listSubtree(actor: Actor) {
  return db().organization.findMany({
    where: scopeWhere(actor, "org.view"),
    orderBy: [{ depth: "asc" }, { id: "asc" }],
  });
}

export function getOrganization(id: number) {
  return db().organization.findUnique({
    where: { id },
    include: {
      parent: true,
      children: { orderBy: { id: "asc" } },
      users: { orderBy: { id: "asc" }, select: { id: true, displayName: true, roles: true, position: true, disabled: true } },
    },
  });
}

export type NewOrganization = {
  code: string;
  name: string;
  nameEn?: string;
  type: OrgType;
  parentId: number | null;
  industrialResident?: boolean | null;
  unitNature?: UnitNature | null;
  ownership?: Ownership | null;
  staffCount?: number | null;
  address?: string | null;
  wageTier?: string | null;
  isDemo?: boolean;
};

/**
 * Insert one organisation under its parent, computing its path.
 * @throws DomainError org.codeTaken, org.badParent
 */
export async function insertOrganization(tx: Tx, input: NewOrganization) {
  const parent = input.parentId === null ? null : await tx.organization.findUnique({ where: { id: input.parentId } });
  if (input.parentId !== null && !parent) throw new NotFoundError();
  if (!canPlaceUnder(input.type, parent?.type ?? null)) {
    throw new DomainError("org.badParent", { type: input.type, parentType: parent?.type ?? "—" });
  }
  if (await tx.organization.findUnique({ where: { code: input.code }, select: { id: true } })) {
    throw new DomainError("org.codeTaken", { code: input.code }, 409);
  }
  const created = await tx.organization.create({
    data: { ...input, parentId: parent?.id ?? null, path: "/", depth: parent ? parent.depth + 1 : 0 },
  });
  return tx.organization.update({ where: { id: created.id }, data: { path: childPath(parent?.path ?? null, created.id) } });
}

/** Create an organisation (administrators, inside their subtree), audited. */
export function createOrganization(ctx: RequestContext, input: NewOrganization) {
  return mutate(ctx, async (tx, record) => {
    const org = await insertOrganization(tx, input);
    record({ action: "org.create", entityType: "Organization", entityId: org.id, after: org });
    return { id: org.id };
  });
}

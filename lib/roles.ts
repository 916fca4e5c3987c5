import { hasRole } from "@/lib/authz/subtree";
import type { Role } from "@/lib/generated/prisma/enums";

/** Display order of roles; the first one an actor has decides their home page. */
export const ROLE_ORDER: Role[] = [
  "ADMIN",
  "LEADING_GROUP_OFFICE",
  "LEADING_GROUP_MEMBER",
  "CHAIRPERSON_MEETING",
  "FINANCE_AUDITOR",
  "DISTRICT_REVIEWER",
  "GRASSROOTS_OFFICER",
  "CADRE",
];

/** The first role of ROLE_ORDER the actor holds (their home page's title). */
export function primaryRole(actor: { roles: readonly Role[] }): Role {
  return ROLE_ORDER.find((r) => hasRole(actor, r)) ?? actor.roles[0]!;
}

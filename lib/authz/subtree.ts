/**
 * The gate's primitive checks, in one leaf module (imports nothing of the portal but types and
 * the tree rule), so the rule table (./policy.ts) and the review-chain engine (lib/approval,
 * which the rule table calls) share them without a cycle. No role or subtree check is written
 * anywhere else (tests/unit/authz-scope.test.ts greps for one).
 */
import type { OrgType, Role } from "@/lib/generated/prisma/enums";
import { isInSubtree } from "@/lib/org/tree";

/** True when `path` is the actor's organisation or below it. */
export function inSubtree(actor: { orgPath: string }, path: string): boolean {
  return isInSubtree(actor.orgPath, path);
}

/** True when the actor holds `role`. */
export function hasRole(actor: { roles: readonly Role[] }, role: Role): boolean {
  return actor.roles.includes(role);
}

/** True when the actor holds one of `roles`. */
export function hasAnyRole(actor: { roles: readonly Role[] }, roles: readonly Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}

/** True when the actor's organisation covers `path` and, when given, is of type `orgType`. */
export function covers(actor: { orgPath: string; orgType: OrgType }, path: string, orgType?: OrgType): boolean {
  return (orgType === undefined || actor.orgType === orgType) && inSubtree(actor, path);
}

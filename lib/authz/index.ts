/**
 * Authorization entry points. `can` is the only decision function; `authorize`
 * turns a "no" into an error. See ./policy.ts for the rules.
 */
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { can, type Action } from "./policy";
import type { Actor, Resource } from "./types";

export { can, listScope, mayAttempt, ACTIONS, STAGE_ROLE, inSubtree, type Action, type ListScope } from "./policy";
export { scopeWhere, scopeOrganizations, type ListAction } from "./scope";
export type { Actor, Resource } from "./types";

/**
 * Throw unless `actor` may do `action` on `resource`.
 * @throws UnauthenticatedError (401) when there is no actor, ForbiddenError (403) when denied.
 */
export function authorize(actor: Actor | null | undefined, action: Action, resource: Resource): asserts actor is Actor {
  if (!actor) throw new UnauthenticatedError();
  if (!can(actor, action, resource)) throw new ForbiddenError();
}

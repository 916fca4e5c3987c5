/**
 * List scope in the gate: `scopeWhere(actor, action)` is the Prisma filter of the rows of the
 * action's resource type the actor may see — the rule table's `list` (./policy.ts), the same rule
 * that decides `can(actor, action, row)`. Every list, report, count and widget filters with it;
 * nothing outside lib/authz checks a role or a subtree (tests/unit/authz-scope.test.ts).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { listScope, type Action, type ListScope } from "./policy";
import type { Actor } from "./types";

/** The filter type of each action that scopes a list. */
type ListWhere = {
  "org.view": Prisma.OrganizationWhereInput;
  "org.manage": Prisma.OrganizationWhereInput;
  "user.view": Prisma.UserWhereInput;
  "user.manage": Prisma.UserWhereInput;
  "application.view": Prisma.ApplicationWhereInput;
  "fund.view": Prisma.FundWhereInput;
  "fund.report": Prisma.FundWhereInput;
  "fund.pay": Prisma.FundWhereInput;
  "fund.manage": Prisma.FundWhereInput;
  "fund.settle": Prisma.FundWhereInput;
  "vitality.view": Prisma.VitalityEnrolmentWhereInput;
  "vitality.enrol": Prisma.OrganizationWhereInput;
};
export type ListAction = keyof ListWhere & Action;

const NOTHING = { id: { in: [] as number[] } };

const underPath = (path: string) => ({ path: { startsWith: path } });

function where(action: ListAction, scope: ListScope): ListWhere[ListAction] {
  if (scope.kind === "none") return NOTHING;
  if (scope.kind === "application") {
    const or: Prisma.ApplicationWhereInput[] = [{ applicantId: scope.applicantId }];
    if (scope.reviewerPath !== null) or.push({ status: { not: "DRAFT" }, organization: underPath(scope.reviewerPath) });
    return { OR: or } satisfies Prisma.ApplicationWhereInput;
  }
  if (action === "org.view" || action === "org.manage" || action === "vitality.enrol") return underPath(scope.path);
  return { organization: underPath(scope.path) };
}

/**
 * The Prisma filter of what `actor` may list under `action` (deny by default: matches nothing
 * without an actor or the rule's role).
 * @example db().fund.findMany({ where: { kind, ...scopeWhere(actor, "fund.view") } })
 */
export function scopeWhere<A extends ListAction>(actor: Actor | null | undefined, action: A): ListWhere[A] {
  return where(action, listScope(actor, action)) as ListWhere[A];
}

/** The organisation-id filter of `action`'s scope, for rows that carry an organisation id but no relation. */
export function scopeOrganizations(actor: Actor | null | undefined, action: ListAction): Prisma.OrganizationWhereInput {
  const scope = listScope(actor, action);
  if (scope.kind === "none") return NOTHING;
  if (scope.kind === "application") return scope.reviewerPath === null ? NOTHING : underPath(scope.reviewerPath);
  return underPath(scope.path);
}

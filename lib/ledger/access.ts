/**
 * Authorization resources of funds of every kind (lib/authz/policy.ts decides; this only
 * loads the organisation path a fund, payable, entry or request belongs to).
 */
import type { Actor, Resource } from "@/lib/authz/types";
import { db, type Tx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

/**
 * Resource of fund `fundId`, read through `client` (a transaction when a
 * service authorizes a second fund inside its own transaction).
 * @throws NotFoundError
 */
export async function fundResource(fundId: number, client: Tx = db()): Promise<Resource> {
  const fund = await client.fund.findUnique({ where: { id: fundId }, select: { id: true, organization: { select: { path: true } } } });
  if (!fund) throw new NotFoundError();
  return { type: "fund", id: fund.id, orgPath: fund.organization.path };
}

/** Resource of the fund that pays payable `payableId`. @throws NotFoundError */
export async function payableFundResource(payableId: number): Promise<Resource> {
  const payable = await db().payable.findUnique({ where: { id: payableId }, select: { fundId: true } });
  if (!payable) throw new NotFoundError();
  return fundResource(payable.fundId);
}

/** Resource of the fund a ledger entry belongs to. @throws NotFoundError */
export async function entryFundResource(entryId: bigint): Promise<Resource> {
  const entry = await db().ledgerEntry.findUnique({ where: { id: entryId }, select: { fundId: true } });
  if (!entry) throw new NotFoundError();
  return fundResource(entry.fundId);
}

/**
 * Resource on which a request is decided: the requesting fund for a top-up
 * (its own leading body decides, 第十一条 "可追加"), the upper union's fund for
 * a subsidy (第十一条 "可向上级工会提出补助申请").
 * @throws NotFoundError
 */
export async function requestDeciderResource(requestId: number): Promise<Resource> {
  const request = await db().fundRequest.findUnique({ where: { id: requestId }, select: { kind: true, fundId: true, grantingFundId: true } });
  if (!request) throw new NotFoundError();
  return fundResource(request.kind === "SUBSIDY" && request.grantingFundId !== null ? request.grantingFundId : request.fundId);
}

/** The actor's whole scope (their organisation and below) as a fund resource, for list pages. */
export function scopeResource(actor: Actor): Resource {
  return { type: "fund", orgPath: actor.orgPath };
}

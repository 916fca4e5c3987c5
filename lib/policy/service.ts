/**
 * Policy data in force on a date (art. 19: the leading group may change the
 * limits; an application keeps the version it was decided under).
 */
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors";

/** The PolicyVersion with the latest effectiveFrom ≤ `on`, or null when none is in force yet. */
export function findPolicyInForce(client: Tx, on: Date) {
  return client.policyVersion.findFirst({ where: { effectiveFrom: { lte: on } }, orderBy: { effectiveFrom: "desc" } });
}

/**
 * The PolicyVersion with the latest effectiveFrom ≤ `on`.
 * @throws DomainError policy.missing when none is in force
 */
export async function policyInForce(client: Tx, on: Date) {
  const policy = await findPolicyInForce(client, on);
  if (!policy) throw new DomainError("policy.missing");
  return policy;
}

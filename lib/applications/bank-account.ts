/**
 * The applicant's bank account number (申报表, paid by the office from the fund,
 * art. 4.3 and 13): shown in full only to whom the gate allows
 * ("application.viewBankAccount" in lib/authz/policy.ts), masked everywhere else —
 * on the application page, the printable 申报表 and in audit snapshots.
 */
import { can, type Actor } from "@/lib/authz";
import type { ApplicationResource } from "./resource";

/** How many trailing digits stay visible in a masked account number. */
export const VISIBLE_DIGITS = 4;

/**
 * Mask an account number to its last 4 characters ("6222020000000000001" → "****0001").
 * A number of 4 characters or fewer is masked entirely; null/empty stays null.
 */
export function maskAccount(account: string | null | undefined): string | null {
  if (!account) return null;
  const visible = account.length > VISIBLE_DIGITS ? account.slice(-VISIBLE_DIGITS) : "";
  return `****${visible}`;
}

/**
 * The account number as `actor` may see it on application `resource`: in full when the
 * gate allows application.viewBankAccount, otherwise masked (null when none was given).
 */
export function accountFor(actor: Actor, resource: ApplicationResource, account: string | null | undefined): string | null {
  if (!account) return null;
  return can(actor, "application.viewBankAccount", resource) ? account : maskAccount(account);
}

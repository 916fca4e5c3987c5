/**
 * Navigation. An item shows when the actor holds a role of its action's rule in the gate's
 * rule table (`mayAttempt`, lib/authz/policy.ts) — no role list is written here. Pages still
 * check the object with `can()` themselves; this only decides what is offered.
 */
import { mayAttempt, type Action, type Actor } from "@/lib/authz";

export type NavItem = {
  href: string;
  /** key under the "nav" namespace */
  label: string;
  /** the gate action the page behind the link needs */
  action: Action;
};

export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "home", action: "home.view" },
  { href: "/orgs", label: "orgs", action: "org.view" },
  // cadre rights applications (art. 15–18)
  { href: "/applications", label: "myApplications", action: "application.create" },
  { href: "/applications/new", label: "newApplication", action: "application.create" },
  { href: "/applications/queue", label: "queue", action: "application.queue" },
  { href: "/notifications", label: "notifications", action: "notification.read" },
  { href: "/applications/settings", label: "applicationSettings", action: "policy.manage" },
  // rights protection fund (art. 11–14): the office pays and settles, 经审会 reads
  { href: "/fund", label: "fund", action: "fund.view" },
  { href: "/fund/pay", label: "fundPay", action: "fund.pay" },
  { href: "/fund/requests", label: "fundRequests", action: "fund.manage" },
  { href: "/fund/reports", label: "fundReports", action: "fund.report" },
  // grassroots union vitality project (seed 001): upper unions, unit officers, the city office, auditors
  { href: "/vitality", label: "vitality", action: "vitality.view" },
  { href: "/admin/users", label: "adminUsers", action: "user.manage" },
  { href: "/audit", label: "audit", action: "audit.view" },
  { href: "/account", label: "account", action: "home.view" },
];

/** The items offered to `actor`, in menu order. */
export function navFor(actor: Actor, items: NavItem[] = NAV_ITEMS): NavItem[] {
  return items.filter((item) => mayAttempt(actor, item.action));
}

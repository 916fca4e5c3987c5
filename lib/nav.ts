/**
 * Navigation per role. An item shows when the actor has one of its roles
 * ("ANY" = everyone signed in). Pages still check the authorization gate
 * themselves; this only decides what is offered.
 */
import type { Role } from "@/lib/generated/prisma/enums";

export type NavItem = {
  href: string;
  /** key under the "nav" namespace */
  label: string;
  roles: Role[] | "ANY";
};

export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "home", roles: "ANY" },
  { href: "/orgs", label: "orgs", roles: "ANY" },
  // cadre rights applications (art. 15–18)
  { href: "/applications", label: "myApplications", roles: ["CADRE"] },
  { href: "/applications/new", label: "newApplication", roles: ["CADRE"] },
  { href: "/applications/queue", label: "queue", roles: ["GRASSROOTS_OFFICER", "DISTRICT_REVIEWER", "LEADING_GROUP_OFFICE", "LEADING_GROUP_MEMBER", "CHAIRPERSON_MEETING", "FINANCE_AUDITOR"] },
  { href: "/notifications", label: "notifications", roles: "ANY" },
  { href: "/applications/settings", label: "applicationSettings", roles: ["ADMIN"] },
  // rights protection fund (art. 11–14): the office pays and settles, 经审会 reads
  { href: "/fund", label: "fund", roles: ["LEADING_GROUP_OFFICE", "LEADING_GROUP_MEMBER", "CHAIRPERSON_MEETING", "FINANCE_AUDITOR"] },
  { href: "/fund/pay", label: "fundPay", roles: ["LEADING_GROUP_OFFICE"] },
  { href: "/fund/requests", label: "fundRequests", roles: ["LEADING_GROUP_OFFICE"] },
  { href: "/fund/reports", label: "fundReports", roles: ["LEADING_GROUP_OFFICE", "LEADING_GROUP_MEMBER", "CHAIRPERSON_MEETING", "FINANCE_AUDITOR"] },
  // grassroots union vitality project (seed 001): upper unions, unit officers, the city office, auditors
  { href: "/vitality", label: "vitality", roles: ["DISTRICT_REVIEWER", "GRASSROOTS_OFFICER", "LEADING_GROUP_OFFICE", "LEADING_GROUP_MEMBER", "CHAIRPERSON_MEETING", "FINANCE_AUDITOR", "ADMIN"] },
  { href: "/admin/users", label: "adminUsers", roles: ["ADMIN"] },
  { href: "/audit", label: "audit", roles: ["ADMIN", "FINANCE_AUDITOR"] },
  { href: "/account", label: "account", roles: "ANY" },
];

export function navFor(roles: readonly Role[], items: NavItem[] = NAV_ITEMS): NavItem[] {
  return items.filter((item) => item.roles === "ANY" || item.roles.some((r) => roles.includes(r)));
}

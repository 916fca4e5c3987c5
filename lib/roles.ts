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

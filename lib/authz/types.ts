import type { OrgType, Role } from "@/lib/generated/prisma/enums";

/**
 * The signed-in person as the authorization gate sees them, loaded fresh from
 * the database on every request (a disabled user has no actor).
 * `orgPath` is the materialised path of their organisation ("/1/4/").
 */
export type Actor = {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  organizationId: number;
  orgPath: string;
  orgType: OrgType;
  orgName: string;
  /**
   * The account still has an initial or administrator-set password: until it is
   * changed, pages redirect to /change-password and actions are refused (issue 10.1).
   */
  mustChangePassword?: boolean;
};

/** What an action is done to. Paths are organisation materialised paths. */
export type Resource =
  | { type: "system" }
  | { type: "self"; userId: number }
  | { type: "organization"; id: number; path: string }
  | { type: "user"; id: number; orgPath: string }
  | {
      type: "application";
      id?: number;
      applicantId: number;
      /** the applicant's own union */
      orgPath: string;
      /** the district/industrial union it reports to (art. 18.1) */
      reportingOrgPath: string;
      stage: import("@/lib/generated/prisma/enums").ApplicationStage | null;
      status: import("@/lib/generated/prisma/enums").ApplicationStatus;
    }
  | { type: "fund"; id?: number; orgPath: string }
  /** a unit of the vitality project (seed 001): its organisation's path (lib/authz/vitality-rules.ts) */
  | { type: "vitalityUnit"; id?: number; orgPath: string };

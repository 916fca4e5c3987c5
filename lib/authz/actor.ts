import type { Organization, User } from "@/lib/generated/prisma/client";
import type { Actor } from "./types";

/** The Actor of a user row with its organisation (what the gate checks). */
export function actorFromUser(user: Pick<User, "id" | "username" | "displayName" | "roles" | "organizationId"> & { organization: Pick<Organization, "path" | "type" | "name"> }): Actor {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    organizationId: user.organizationId,
    orgPath: user.organization.path,
    orgType: user.organization.type,
    orgName: user.organization.name,
  };
}

/**
 * The current actor, loaded fresh from the database once per request (roles,
 * organisation and disabled flag come from the database, not from the JWT, so
 * an administrator's change takes effect on the next request).
 */
import { cache } from "react";
import type { Actor } from "@/lib/authz/types";
import { actorFromUser } from "@/lib/authz/actor";
import { db } from "@/lib/db";
import { auth } from "./config";

/**
 * The actor for a session of user `userId` issued at session version `sessionVersion`.
 * @returns null when the user is gone, disabled, in an inactive organisation, or the
 *   session predates a disable / password change (User.sessionVersion moved on)
 */
export async function loadActor(userId: number, sessionVersion: number): Promise<Actor | null> {
  const user = await db().user.findUnique({ where: { id: userId }, include: { organization: true } });
  if (!user || user.disabled || !user.organization.active || user.sessionVersion !== sessionVersion) return null;
  return actorFromUser(user);
}

export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.uid;
  if (typeof id !== "number") return null;
  return loadActor(id, session?.sv ?? 0);
});

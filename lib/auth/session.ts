/**
 * The current actor, loaded fresh from the database once per request (roles,
 * organisation and disabled flag come from the database, not from the JWT, so
 * an administrator's change takes effect on the next request). The JWT's
 * session id must name a working server-side session (./sessions.ts).
 */
import { cache } from "react";
import type { Actor } from "@/lib/authz/types";
import { actorFromUser } from "@/lib/authz/actor";
import { db } from "@/lib/db";
import { auth } from "./config";
import { validateSession } from "./sessions";

/**
 * The actor for a session of user `userId` issued at session version `sessionVersion`.
 * @returns null when the user is gone, disabled, in an inactive organisation, or the
 *   session predates a disable / password reset (User.sessionVersion moved on)
 */
export async function loadActor(userId: number, sessionVersion: number): Promise<Actor | null> {
  const user = await db().user.findUnique({ where: { id: userId }, include: { organization: true } });
  if (!user || user.disabled || !user.organization.active || user.sessionVersion !== sessionVersion) return null;
  return { ...actorFromUser(user), mustChangePassword: user.mustChangePassword };
}

/**
 * The actor of JWT claims `{uid, sv, sid}`: the session row must be working
 * (not revoked, not idle, within 12 h) and belong to `uid`.
 */
export async function actorOfSession(claims: { uid?: unknown; sv?: number; sid?: unknown }, now: Date = new Date()): Promise<Actor | null> {
  if (typeof claims.uid !== "number" || typeof claims.sid !== "string") return null;
  const userId = await validateSession(claims.sid, now);
  if (userId !== claims.uid) return null;
  return loadActor(userId, claims.sv ?? 0);
}

export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session) return null;
  return actorOfSession(session);
});

/** The session id of the current request's JWT (null when signed out). */
export const currentSessionId = cache(async (): Promise<string | null> => {
  const session = await auth();
  return typeof session?.sid === "string" ? session.sid : null;
});

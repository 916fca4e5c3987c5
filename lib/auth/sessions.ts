/**
 * Server-side sessions (ASVS 3.3): the JWT cookie carries only a random
 * session id; the row decides whether it still works.
 *
 * - absolute lifetime SESSION_MAX_AGE_S (12 h) from sign-in, never extended;
 * - idle timeout SESSION_IDLE_MINUTES (default 30) since the last request
 *   (ASVS 3.3.2); `lastSeenAt` is refreshed at most every IDLE_TOUCH_S;
 * - signing out revokes the row, so a copied cookie is dead afterwards;
 * - a password change revokes the user's other sessions.
 */
import { randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";

/** Absolute session lifetime: 12 hours, in seconds. */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;
/** lastSeenAt is written at most this often (seconds), to keep reads cheap. */
const IDLE_TOUCH_S = 30;

/** Open a session for `userId`. @returns its id (to be put in the JWT) */
export async function openSession(userId: number, ip: string | null, client: Tx = db()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await client.userSession.create({ data: { id, userId, ip } });
  return id;
}

/** Why a session does not work, or null when it does (pure; `now` passed in). */
export function sessionProblem(
  session: { createdAt: Date; lastSeenAt: Date; revokedAt: Date | null },
  now: Date,
  idleMinutes: number,
): "revoked" | "expired" | "idle" | null {
  if (session.revokedAt) return "revoked";
  if (now.getTime() - session.createdAt.getTime() > SESSION_MAX_AGE_S * 1000) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() > idleMinutes * 60_000) return "idle";
  return null;
}

/**
 * The user id of a working session `sessionId`, touching its lastSeenAt; null when
 * it is unknown, revoked, past 12 h or idle too long (an idle one is revoked on the spot).
 */
export async function validateSession(sessionId: string, now: Date = new Date()): Promise<number | null> {
  const session = await db().userSession.findUnique({ where: { id: sessionId } });
  if (!session) return null;
  const problem = sessionProblem(session, now, env().SESSION_IDLE_MINUTES);
  if (problem) {
    if (problem === "idle") await db().userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > IDLE_TOUCH_S * 1000) {
    await db().userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return session.userId;
}

/** Sign-out: the session stops working at once, wherever its cookie is. */
export async function revokeSession(sessionId: string, now: Date = new Date()): Promise<void> {
  await db().userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** End every session of `userId` except `keepSessionId` (password change, disable, reset). @returns how many ended */
export async function revokeUserSessions(client: Tx, userId: number, keepSessionId?: string | null, now: Date = new Date()): Promise<number> {
  const { count } = await client.userSession.updateMany({
    where: { userId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { revokedAt: now },
  });
  return count;
}

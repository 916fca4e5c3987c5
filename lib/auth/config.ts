/**
 * Sign-in (next-auth v5, Credentials provider, JWT cookie + server-side session row).
 *
 * - argon2id password hashes (./password.ts);
 * - attempts counted atomically before the password check, per account and per
 *   IP, with progressive lock-out (./throttle.ts, ./sign-in.ts);
 * - the client IP comes from the socket unless TRUSTED_PROXIES (./client-ip.ts);
 * - the JWT carries user id, roles, organisation and the session id `sid`; the
 *   UserSession row (./sessions.ts) enforces the 12 h absolute and the idle
 *   timeout and is revoked at sign-out, so a copied cookie dies with it;
 * - cookies are httpOnly + SameSite=Lax, and `__Secure-` + Secure when the
 *   portal is served over https (AUTH_URL https://…, README "TLS").
 */
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { logger } from "@/lib/logger";
import type { Role } from "@/lib/generated/prisma/enums";
import { clientIpOf } from "./client-ip";
import { SESSION_MAX_AGE_S, revokeSession } from "./sessions";
import { checkCredentials } from "./sign-in";

export { SESSION_MAX_AGE_S };

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: number;
    roles?: Role[];
    orgId?: number;
    /** User.sessionVersion at sign-in; a later disable or password reset ends the session */
    sv?: number;
    /** sign-in time, epoch seconds — never refreshed */
    loginAt?: number;
    /** UserSession id (server-side revocation, idle timeout) */
    sid?: string;
  }
}

declare module "next-auth" {
  interface Session {
    uid: number;
    roles: Role[];
    orgId: number;
    sv: number;
    sid?: string;
  }
  interface User {
    uid?: number;
    roles?: Role[];
    orgId?: number;
    sv?: number;
    sid?: string;
  }
}

/** Wrong username or password (one message for both). */
export class InvalidCredentialsError extends CredentialsSignin {
  override code = "invalid";
}
/** Too many failures for this account or address. */
export class ThrottledError extends CredentialsSignin {
  override code = "throttled";
}
export class DisabledAccountError extends CredentialsSignin {
  override code = "disabled";
}

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

/** The client address of a request (stamped from the socket by ./client-ip.ts; never X-Forwarded-For as sent). */
export function clientIp(headers: Headers): string | null {
  return clientIpOf(headers);
}

export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  jwt: { maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentialsError();
        const outcome = await checkCredentials(parsed.data, {
          ip: clientIp(request.headers),
          requestId: request.headers.get("x-request-id") ?? crypto.randomUUID(),
        });
        if (!outcome.ok) {
          if (outcome.reason === "throttled") throw new ThrottledError();
          if (outcome.reason === "disabled") throw new DisabledAccountError();
          throw new InvalidCredentialsError();
        }
        const { user, sessionId } = outcome;
        return { id: String(user.id), name: user.displayName, uid: user.id, roles: user.roles, orgId: user.organizationId, sv: user.sessionVersion, sid: sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.uid;
        token.roles = user.roles;
        token.orgId = user.orgId;
        token.sv = user.sv ?? 0;
        token.sid = user.sid;
        token.loginAt = Math.floor(Date.now() / 1000);
      }
      // Absolute lifetime: a token older than 12 h since sign-in is dropped (the session row says so too).
      if (!token.loginAt || sessionExpired(token.loginAt)) return null;
      return token;
    },
    session({ session, token }) {
      session.uid = token.uid!;
      session.roles = token.roles ?? [];
      session.orgId = token.orgId!;
      session.sv = token.sv ?? 0;
      session.sid = token.sid;
      return session;
    },
  },
  events: {
    // Sign-out revokes the server-side session: the same cookie, copied elsewhere, stops working.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await revokeSession(sid);
    },
  },
  logger: {
    error(error) {
      // A failed Credentials sign-in is expected noise (TOOLCHAIN.md); log it quietly.
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      logger().error({ err: error }, "auth error");
    },
    warn(code) {
      logger().warn({ code }, "auth warning");
    },
  },
} satisfies NextAuthConfig;

export const { handlers, auth, signIn, signOut } = NextAuth(authConfig);

/** True when a session signed in at `loginAtSeconds` (epoch s) is past its absolute 12 h lifetime. */
export function sessionExpired(loginAtSeconds: number, nowMs = Date.now()): boolean {
  return nowMs / 1000 - loginAtSeconds > SESSION_MAX_AGE_S;
}

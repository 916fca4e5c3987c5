/**
 * Sign-in (next-auth v5, Credentials provider, JWT sessions).
 *
 * - argon2id password hashes (./password.ts);
 * - failed sign-ins throttled per account and per IP, stored in PostgreSQL (./throttle.ts);
 * - the JWT carries user id, roles and organisation; its lifetime is an
 *   absolute 12 h from sign-in (not sliding): `loginAt` is fixed at sign-in and
 *   checked on every request;
 * - cookies are httpOnly + SameSite=Lax, and `__Secure-` + Secure when the
 *   portal is served over https (AUTH_URL https://…).
 */
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { mutate } from "@/lib/audit/writer";
import type { Role } from "@/lib/generated/prisma/enums";
import { verifyPassword } from "./password";
import { accountKey, clearAccount, ipKey, lockedUntil, recordSignInFailure } from "./throttle";

/** Absolute session lifetime: 12 hours, in seconds. */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: number;
    roles?: Role[];
    orgId?: number;
    /** User.sessionVersion at sign-in; a later disable or password change ends the session */
    sv?: number;
    /** sign-in time, epoch seconds — never refreshed */
    loginAt?: number;
  }
}

declare module "next-auth" {
  interface Session {
    uid: number;
    roles: Role[];
    orgId: number;
    sv: number;
  }
  interface User {
    uid?: number;
    roles?: Role[];
    orgId?: number;
    sv?: number;
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

/** The client address Next.js passes on (x-forwarded-for, first hop). */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]!.trim() || null;
  return headers.get("x-real-ip");
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
        const username = parsed.data.username.toLowerCase();
        const ip = clientIp(request.headers);
        const keys = [accountKey(username), ...(ip ? [ipKey(ip)] : [])];
        if (await lockedUntil(keys)) {
          logger().warn({ username, ip }, "sign-in refused: throttled");
          throw new ThrottledError();
        }
        const user = await db().user.findUnique({ where: { username } });
        const ok = await verifyPassword(user?.passwordHash ?? null, parsed.data.password);
        if (!ok || !user) {
          await recordSignInFailure(username, ip);
          logger().info({ username, ip }, "sign-in failed");
          throw new InvalidCredentialsError();
        }
        if (user.disabled) throw new DisabledAccountError();
        await clearAccount(username);
        const now = new Date();
        await mutate({ actor: null, requestId: request.headers.get("x-request-id") ?? crypto.randomUUID() }, async (tx, record) => {
          await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
          record({ action: "auth.signIn", entityType: "User", entityId: user.id, before: null, after: { username, ip, at: now } });
        });
        return { id: String(user.id), name: user.displayName, uid: user.id, roles: user.roles, orgId: user.organizationId, sv: user.sessionVersion };
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
        token.loginAt = Math.floor(Date.now() / 1000);
      }
      // Absolute lifetime: a token older than 12 h since sign-in is dropped.
      if (!token.loginAt || sessionExpired(token.loginAt)) return null;
      return token;
    },
    session({ session, token }) {
      session.uid = token.uid!;
      session.roles = token.roles ?? [];
      session.orgId = token.orgId!;
      session.sv = token.sv ?? 0;
      return session;
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


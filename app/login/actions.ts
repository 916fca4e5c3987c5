"use server";

import { cookies } from "next/headers";
import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth/config";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { LOCALES, LOCALE_COOKIE } from "@/lib/i18n/config";
import { definePublicAction } from "@/lib/server/action";
import { signInSchema } from "./schema";

/** Only the portal's own paths are followed after sign-in (no open redirect, lib/auth/redirect.ts). */
const safeNext = (next: string | undefined) => safeRedirectPath(next, "/", { exclude: ["/login"] });

export const signInAction = definePublicAction({
  schema: signInSchema,
  async run({ input }) {
    try {
      await signIn("credentials", { username: input.username, password: input.password, redirect: false });
    } catch (error) {
      if (error instanceof CredentialsSignin) {
        const code = ["throttled", "disabled"].includes(error.code) ? error.code : "invalid";
        throw new DomainError(`signIn.${code}`, { minutes: env().LOGIN_WINDOW_MINUTES }, code === "throttled" ? 429 : 401);
      }
      throw error;
    }
    return null;
  },
  redirectTo: (input) => safeNext(input.next),
});

export const setLocaleAction = definePublicAction({
  schema: z.object({ locale: z.enum(LOCALES), back: z.string().max(300).optional() }),
  async run({ input }) {
    (await cookies()).set(LOCALE_COOKIE, input.locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365, httpOnly: true });
    return null;
  },
  redirectTo: (input) => safeRedirectPath(input.back),
});

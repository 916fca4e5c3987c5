"use server";

import { z } from "zod";
import { currentSessionId } from "@/lib/auth/session";
import { defineAction } from "@/lib/server/action";
import { changeOwnPassword } from "@/lib/users/service";
import { zPassword } from "@/lib/validation";

export const changePasswordAction = defineAction({
  schema: z
    .object({ current: z.string().min(1).max(256), password: zPassword, confirm: z.string().min(1).max(256) })
    .refine((v) => v.password === v.confirm, { message: "validation.passwordMismatch", path: ["confirm"] }),
  permission: "home.view",
  resource: () => ({ type: "system" }),
  // The one action an account with a temporary password may run (issue 10.1).
  allowWithTemporaryPassword: true,
  run: async ({ input, ctx }) => changeOwnPassword(ctx, input.current, input.password, await currentSessionId()),
  successMessage: "admin.account.changed",
  // From the forced change-password page, on to the portal.
  redirectTo: (_input, result) => (result.wasTemporary ? "/" : null),
});

"use server";

import { currentSessionId } from "@/lib/auth/session";
import { changePasswordSchema } from "@/lib/users/forms";
import { defineAction } from "@/lib/server/action";
import { changeOwnPassword } from "@/lib/users/service";

export const changePasswordAction = defineAction({
  schema: changePasswordSchema,
  permission: "home.view",
  resource: () => ({ type: "system" }),
  // The one action an account with a temporary password may run (issue 10.1).
  allowWithTemporaryPassword: true,
  run: async ({ input, ctx }) => changeOwnPassword(ctx, input.current, input.password, await currentSessionId()),
  successMessage: "admin.account.changed",
  // From the forced change-password page, on to the portal.
  redirectTo: (_input, result) => (result.wasTemporary ? "/" : null),
});

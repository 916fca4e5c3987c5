"use server";

import { changePasswordSchema } from "@/lib/users/forms";
import { defineAction } from "@/lib/server/action";
import { changeOwnPassword } from "@/lib/users/service";

export const changePasswordAction = defineAction({
  schema: changePasswordSchema,
  permission: "home.view",
  resource: () => ({ type: "system" }),
  run: ({ input, ctx }) => changeOwnPassword(ctx, input.current, input.password),
  successMessage: "admin.account.changed",
});

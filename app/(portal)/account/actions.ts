"use server";

import { z } from "zod";
import { defineAction } from "@/lib/server/action";
import { changeOwnPassword } from "@/lib/users/service";
import { zPassword } from "@/lib/validation";

export const changePasswordAction = defineAction({
  schema: z
    .object({ current: z.string().min(1).max(256), password: zPassword, confirm: z.string().min(1).max(256) })
    .refine((v) => v.password === v.confirm, { message: "validation.passwordMismatch", path: ["confirm"] }),
  permission: "home.view",
  resource: () => ({ type: "system" }),
  run: ({ input, ctx }) => changeOwnPassword(ctx, input.current, input.password),
  successMessage: "admin.account.changed",
});

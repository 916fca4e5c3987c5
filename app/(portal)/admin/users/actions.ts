"use server";

import { organizationResource } from "@/lib/org/service";
import { createUserSchema, resetPasswordSchema, setUserDisabledSchema, unlockUserSchema } from "@/lib/users/forms";
import { defineAction } from "@/lib/server/action";
import { createUser, resetPassword, setUserDisabled, unlockUser, userResource } from "@/lib/users/service";

export const createUserAction = defineAction({
  schema: createUserSchema,
  permission: "user.manage",
  resource: (input) => organizationResource(input.organizationId),
  run: ({ input, ctx }) => createUser(ctx, input),
  successMessage: "admin.users.created",
  revalidate: () => ["/admin/users"],
});

export const setUserDisabledAction = defineAction({
  schema: setUserDisabledSchema,
  permission: "user.manage",
  resource: (input) => userResource(input.userId),
  run: ({ input, ctx }) => setUserDisabled(ctx, input.userId, input.disabled),
  successMessage: "admin.users.updated",
  revalidate: () => ["/admin/users"],
});

export const resetPasswordAction = defineAction({
  schema: resetPasswordSchema,
  permission: "user.manage",
  resource: (input) => userResource(input.userId),
  run: ({ input, ctx }) => resetPassword(ctx, input.userId, input.password),
  successMessage: "admin.users.passwordReset",
  revalidate: () => ["/admin/users"],
});

/** Lift a sign-in lock-out (issue 10.2: a locked account can always be unlocked by an administrator). */
export const unlockUserAction = defineAction({
  schema: unlockUserSchema,
  permission: "user.manage",
  resource: (input) => userResource(input.userId),
  run: ({ input, ctx }) => unlockUser(ctx, input.userId),
  successMessage: "admin.users.unlocked",
  revalidate: () => ["/admin/users"],
});

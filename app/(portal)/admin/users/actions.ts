"use server";

import { z } from "zod";
import { CadrePosition, Role } from "@/lib/generated/prisma/enums";
import { organizationResource } from "@/lib/org/service";
import { defineAction } from "@/lib/server/action";
import { createUser, resetPassword, setUserDisabled, unlockUser, userResource } from "@/lib/users/service";
import { zArray, zCheckbox, zId, zOptionalText, zPassword, zText } from "@/lib/validation";

export const createUserAction = defineAction({
  schema: z.object({
    username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,64}$/, "validation.username"),
    displayName: zText(60),
    password: zPassword,
    organizationId: zId,
    roles: zArray(z.enum(Role)).pipe(z.array(z.enum(Role)).min(1, "validation.atLeastOneRole")),
    position: z.preprocess((v) => (v === "" ? undefined : v), z.enum(CadrePosition).optional()),
    fullTime: zCheckbox,
    phone: zOptionalText(30).pipe(z.string().regex(/^[0-9+\-() ]{5,30}$/, "validation.phone").optional()),
    email: zOptionalText(120).pipe(z.email().optional()),
  }),
  permission: "user.manage",
  resource: (input) => organizationResource(input.organizationId),
  run: ({ input, ctx }) => createUser(ctx, input),
  successMessage: "admin.users.created",
  revalidate: () => ["/admin/users"],
});

export const setUserDisabledAction = defineAction({
  schema: z.object({ userId: zId, disabled: z.enum(["true", "false"]).transform((v) => v === "true") }),
  permission: "user.manage",
  resource: (input) => userResource(input.userId),
  run: ({ input, ctx }) => setUserDisabled(ctx, input.userId, input.disabled),
  successMessage: "admin.users.updated",
  revalidate: () => ["/admin/users"],
});

export const resetPasswordAction = defineAction({
  schema: z.object({ userId: zId, password: zPassword }),
  permission: "user.manage",
  resource: (input) => userResource(input.userId),
  run: ({ input, ctx }) => resetPassword(ctx, input.userId, input.password),
  successMessage: "admin.users.passwordReset",
  revalidate: () => ["/admin/users"],
});

/** Lift a sign-in lock-out (issue 10.2: a locked account can always be unlocked by an administrator). */
export const unlockUserAction = defineAction({
  schema: z.object({ userId: zId }),
  permission: "user.manage",
  resource: (input) => userResource(input.userId),
  run: ({ input, ctx }) => unlockUser(ctx, input.userId),
  successMessage: "admin.users.unlocked",
  revalidate: () => ["/admin/users"],
});

/**
 * The zod schemas of the user-management and account forms: parsed by the
 * server actions (app/(portal)/admin/users/actions.ts, app/(portal)/account/actions.ts)
 * and, with the same schema, validated in the browser by react-hook-form.
 */
import { z } from "zod";
import { CadrePosition, Role } from "@/lib/generated/prisma/enums";
import { zArray, zCheckbox, zId, zOptionalText, zPassword, zText } from "@/lib/validation";

/** A new user: login name, display name, initial password, organisation, at least one role. */
export const createUserSchema = z.object({
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,64}$/, "validation.username"),
  displayName: zText(60),
  password: zPassword,
  organizationId: zId,
  roles: zArray(z.enum(Role)).pipe(z.array(z.enum(Role)).min(1, "validation.atLeastOneRole")),
  position: z.preprocess((v) => (v === "" ? undefined : v), z.enum(CadrePosition).optional()),
  fullTime: zCheckbox,
  phone: zOptionalText(30).pipe(z.string().regex(/^[0-9+\-() ]{5,30}$/, "validation.phone").optional()),
  email: zOptionalText(120).pipe(z.email().optional()),
});

/** Disable or enable a user. */
export const setUserDisabledSchema = z.object({ userId: zId, disabled: z.enum(["true", "false"]).transform((v) => v === "true") });

/** An administrator sets a new password for a user. */
export const resetPasswordSchema = z.object({ userId: zId, password: zPassword });

/** Lift a sign-in lock-out (issue 10.2). */
export const unlockUserSchema = z.object({ userId: zId });

/** A user changes their own password (the current one, the new one twice). */
export const changePasswordSchema = z
  .object({ current: z.string().min(1).max(256), password: zPassword, confirm: z.string().min(1).max(256) })
  .refine((v) => v.password === v.confirm, { message: "validation.passwordMismatch", path: ["confirm"] });

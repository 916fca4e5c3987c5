/**
 * The sign-in form's zod schema: parsed by the server action (./actions.ts) and,
 * with the same schema, validated in the browser by react-hook-form.
 */
import { z } from "zod";

/** Username, password and the page to return to after sign-in. */
export const signInSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  next: z.string().max(300).optional(),
});

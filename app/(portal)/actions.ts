"use server";

import { z } from "zod";
import { signOut } from "@/lib/auth/config";
import { defineAction } from "@/lib/server/action";

export const signOutAction = defineAction({
  schema: z.object({}),
  permission: "home.view",
  resource: () => ({ type: "system" }),
  // Signing out is always possible, also with a temporary password.
  allowWithTemporaryPassword: true,
  async run() {
    await signOut({ redirectTo: "/login" });
    return null;
  },
});

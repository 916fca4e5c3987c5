"use server";

import { z } from "zod";
import { signOut } from "@/lib/auth/config";
import { defineAction } from "@/lib/server/action";

export const signOutAction = defineAction({
  schema: z.object({}),
  permission: "home.view",
  resource: () => ({ type: "system" }),
  async run() {
    await signOut({ redirectTo: "/login" });
    return null;
  },
});

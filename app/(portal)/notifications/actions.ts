"use server";

import { z } from "zod";
import { markAllRead, markRead } from "@/lib/notifications/service";
import { defineAction } from "@/lib/server/action";
import { zId } from "@/lib/validation";

export const markReadAction = defineAction({
  schema: z.object({ notificationId: zId }),
  permission: "notification.read",
  resource: (_input, actor) => ({ type: "self", userId: actor.id }),
  run: ({ input, ctx, actor }) => markRead(ctx, actor.id, input.notificationId),
  revalidate: () => ["/notifications"],
});

export const markAllReadAction = defineAction({
  schema: z.object({}),
  permission: "notification.read",
  resource: (_input, actor) => ({ type: "self", userId: actor.id }),
  run: ({ ctx, actor }) => markAllRead(ctx, actor.id),
  successMessage: "notifications.allMarked",
  revalidate: () => ["/notifications"],
});

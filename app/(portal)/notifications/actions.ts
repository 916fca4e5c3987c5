"use server";

import { markAllRead, markRead } from "@/lib/notifications/service";
import { defineAction } from "@/lib/server/action";
import { markAllReadSchema, markReadSchema } from "@/lib/notifications/forms";

export const markReadAction = defineAction({
  schema: markReadSchema,
  permission: "notification.read",
  resource: (_input, actor) => ({ type: "self", userId: actor.id }),
  run: ({ input, ctx, actor }) => markRead(ctx, actor.id, input.notificationId),
  revalidate: () => ["/notifications"],
});

export const markAllReadAction = defineAction({
  schema: markAllReadSchema,
  permission: "notification.read",
  resource: (_input, actor) => ({ type: "self", userId: actor.id }),
  run: ({ ctx, actor }) => markAllRead(ctx, actor.id),
  successMessage: "notifications.allMarked",
  revalidate: () => ["/notifications"],
});

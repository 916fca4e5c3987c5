/** The zod schemas of the notification controls (server actions and browser, the same schema). */
import { z } from "zod";
import { zId } from "@/lib/validation";

/** Mark one notification read. */
export const markReadSchema = z.object({ notificationId: zId });

/** Mark all of one's notifications read. */
export const markAllReadSchema = z.object({});

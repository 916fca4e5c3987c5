/**
 * Delivery of notifications outside the portal (e-mail, SMS). The in-app
 * Notification row is the record; a sender only forwards it. A real e-mail or
 * SMS gateway implements `NotificationSender`; the logging sender (the
 * default, env NOTIFICATION_SENDER=log) writes each message to the pino log.
 */
import type { Logger } from "pino";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

/** One outgoing message, already rendered (Simplified Chinese, the portal's default language). */
export type OutgoingMessage = {
  notificationId: number;
  userId: number;
  /** where to reach the person, when known */
  email: string | null;
  phone: string | null;
  kind: string;
  title: string;
  body: string;
  /** path inside the portal, e.g. /applications/12 */
  link: string | null;
};

/** An e-mail / SMS channel. `send` may throw; callers log the failure and carry on (the in-app row stays). */
export interface NotificationSender {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

/** Writes each message to the log instead of sending it (development, demo, tests). */
export class LoggingSender implements NotificationSender {
  readonly name = "log";
  constructor(private readonly log: Pick<Logger, "info"> = logger()) {}
  async send(message: OutgoingMessage): Promise<void> {
    this.log.info({ notification: { ...message, email: message.email ? "[set]" : null, phone: message.phone ? "[set]" : null } }, "notification delivered (logging sender)");
  }
}

/** Drops every message (env NOTIFICATION_SENDER=none). */
export class NullSender implements NotificationSender {
  readonly name = "none";
  async send(): Promise<void> {}
}

let override: NotificationSender | null = null;

/** The sender chosen by configuration (or installed with `setNotificationSender`). */
export function notificationSender(): NotificationSender {
  if (override) return override;
  return env().NOTIFICATION_SENDER === "none" ? new NullSender() : new LoggingSender();
}

/** Install another sender (a gateway, or a recording fake in tests); null restores the configured one. */
export function setNotificationSender(sender: NotificationSender | null): void {
  override = sender;
}

/**
 * Review-step deadlines (pure). Each art. 18 stage has a number of calendar
 * days (ReviewDeadline, configurable by administrators); an application still in
 * review after its stage's deadline is overdue and comes first in the queues.
 */
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { addDays } from "@/lib/dates";

/** When a stage entered at `enteredAt` falls due (`days` calendar days later, same time of day). */
export function stageDueAt(enteredAt: Date, days: number): Date {
  return addDays(enteredAt, days);
}

/** Is an application overdue at `now`? Only applications in review can be. */
export function applicationOverdue(c: { status: ApplicationStatus; stageDueAt: Date | null }, now: Date): boolean {
  return c.status === "IN_REVIEW" && c.stageDueAt !== null && c.stageDueAt.getTime() < now.getTime();
}

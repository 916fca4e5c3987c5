/**
 * Review-step deadlines (pure): the engine's rules (lib/approval/chain.ts) under the
 * applications' names. Each art. 18 stage has a number of calendar days (ReviewDeadline,
 * defaults in ./chain.ts, configurable by administrators); an application still in review
 * after its stage's deadline is overdue and comes first in the queues.
 */
import { isOverdue, stepDueAt } from "@/lib/approval/chain";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";

/** When a stage entered at `enteredAt` falls due (`days` calendar days later, same time of day). */
export function stageDueAt(enteredAt: Date, days: number): Date {
  return stepDueAt(enteredAt, days);
}

/** Is an application overdue at `now`? Only applications in review can be. */
export function applicationOverdue(application: { status: ApplicationStatus; stageDueAt: Date | null }, now: Date): boolean {
  return isOverdue(application, now);
}

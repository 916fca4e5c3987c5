/**
 * Duplicate detection (pure): the same person should not have two open applications
 * for the same event. It only warns — the reviewers decide (art. 18).
 */
/** Events of the same type this many days apart are treated as the same event. */
export const SAME_EVENT_WINDOW_DAYS = 30;

export type EventKey = { eventType: string; eventDate: Date };

/**
 * Two applications describe the same event when they are on the same day, or
 * of the same event type within SAME_EVENT_WINDOW_DAYS of each other.
 */
export function isSameEvent(a: EventKey, b: EventKey): boolean {
  const days = Math.abs(a.eventDate.getTime() - b.eventDate.getTime()) / 86_400_000;
  if (days === 0) return true;
  return a.eventType === b.eventType && days <= SAME_EVENT_WINDOW_DAYS;
}

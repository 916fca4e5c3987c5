/** Application numbers (pure): "DLQB-2026-000123" — year of filing and the row id. */
export function applicationNumber(year: number, id: number): string {
  return `DLQB-${year}-${String(id).padStart(6, "0")}`;
}

/**
 * The burn of a fund over its year and its months of runway (pure).
 */
import { Decimal, ZERO, yuan } from "@/lib/money";
import type { Amount } from "./amounts";

/** A month of payouts (yuan, positive = paid out) and the cumulative total. */
export type MonthPoint = { month: number; payouts: Decimal; cumulative: Decimal };

/**
 * Fill the 12 months of a year from sparse SQL rows (month 1–12 → net payouts),
 * with the running total — the fund burn over the year.
 */
export function monthSeries(rows: readonly { month: number; payouts: Amount }[]): MonthPoint[] {
  const byMonth = new Map<number, Decimal>();
  for (const r of rows) byMonth.set(r.month, (byMonth.get(r.month) ?? ZERO).plus(yuan(r.payouts)));
  let cumulative = ZERO;
  return Array.from({ length: 12 }, (_, i) => {
    const payouts = byMonth.get(i + 1) ?? ZERO;
    cumulative = cumulative.plus(payouts);
    return { month: i + 1, payouts, cumulative };
  });
}

/**
 * Months of runway at the current burn rate: balance ÷ average monthly payout
 * over the given months (the last N months, zeros included), rounded down to
 * one decimal.
 * @param monthlyPayouts positive = paid out, yuan; at least one month
 * @returns months, or null when nothing is being paid out (shown as "—"/∞)
 */
export function runwayMonths(balance: Amount, monthlyPayouts: readonly Amount[]): Decimal | null {
  if (monthlyPayouts.length === 0) return null;
  let total = ZERO;
  for (const m of monthlyPayouts) total = total.plus(yuan(m));
  const average = total.div(monthlyPayouts.length);
  if (average.lte(0)) return null;
  const b = yuan(balance);
  if (b.lte(0)) return ZERO;
  return b.div(average).toDecimalPlaces(1, Decimal.ROUND_DOWN);
}

/**
 * Art. 17 monthly support (pure, no I/O):
 * "失业期间，按大连市职工最低工资额给予最长不超过六个月的资助，至重新领薪或工作为止。"
 *
 * Reading used by the portal (also explained in the UI and README):
 * - Support months are counted from Application.unemployedFrom: month k covers
 *   [start + (k−1) months, start + k months).
 * - A month is paid only when the cadre was unemployed for the whole month.
 *   Re-employment or resumed pay on any day inside month k ends the support:
 *   month k and every later month are not paid ("至重新领薪或工作为止").
 * - The amount of month k is the city minimum wage in force on that month's
 *   first day for the applicant's wage tier, so a wage change mid-period
 *   applies from the first month that starts on or after it.
 * - At most PolicyVersion.minimumWageSupportMaxMonths (6) instalments.
 */
import { DomainError } from "@/lib/errors";
import { sumYuan, yuan, type Decimal } from "@/lib/money";
import { pathIds } from "@/lib/org/tree";
import { addDays, addMonths, isoDate } from "@/lib/dates";

/** One row of the minimum-wage table (yuan per month). `tier` null applies to every tier. */
export type WageRow = { effectiveFrom: Date; tier: string | null; monthlyAmount: { toString(): string } };

/**
 * The minimum wage in force on `day` for `tier`: the row with the latest
 * effectiveFrom ≤ day among rows of that tier and rows for every tier (null);
 * on the same date a tier's own row wins over the all-tier row.
 * @returns yuan per month, or null when no row is in force
 */
export function minimumWageOn(rows: readonly WageRow[], day: Date, tier: string | null): Decimal | null {
  let best: WageRow | null = null;
  for (const row of rows) {
    if (row.effectiveFrom.getTime() > day.getTime()) continue;
    if (row.tier !== null && row.tier !== tier) continue;
    if (
      best === null ||
      row.effectiveFrom.getTime() > best.effectiveFrom.getTime() ||
      (row.effectiveFrom.getTime() === best.effectiveFrom.getTime() && row.tier !== null && best.tier === null)
    ) {
      best = row;
    }
  }
  return best ? yuan(best.monthlyAmount) : null;
}

/**
 * The wage tier of an organisation: its own `wageTier`, else the nearest
 * ancestor's (Organization.wageTier is inherited down the tree).
 * @param byId every organisation on `path`, by id
 */
export function wageTierOf(path: string, byId: ReadonlyMap<number, { wageTier: string | null }>): string | null {
  for (const id of pathIds(path).reverse()) {
    const tier = byId.get(id)?.wageTier;
    if (tier) return tier;
  }
  return null;
}

export type SupportMonth = {
  /** 1-based month number */
  instalmentNo: number;
  /** first day of the month */
  periodStart: Date;
  /** last day of the month (inclusive) */
  periodEnd: Date;
  /** the day after the month ends: when the instalment falls due */
  dueOn: Date;
  /** minimum wage in force on periodStart, yuan/month */
  wageRate: Decimal;
  /** amount of the instalment, yuan (= wageRate: one month's minimum wage) */
  amount: Decimal;
};

export type SupportSchedule = {
  months: SupportMonth[];
  total: Decimal;
  /** why the schedule stops: the months granted ran out, or re-employment / resumed pay */
  endedBy: "months" | "reemployment";
};

export type ScheduleInput = {
  /** first day without pay after the contract ended (Application.unemployedFrom) */
  unemployedFrom: Date;
  /** months granted (requested, proposed or approved) */
  months: number;
  /** PolicyVersion.minimumWageSupportMaxMonths */
  maxMonths: number;
  /** re-employment or resumed pay, if known */
  reemployedOn?: Date | null;
  wages: readonly WageRow[];
  tier: string | null;
};

/** Month k (1-based) of a support period starting on `start`. */
export function supportMonth(start: Date, k: number): { periodStart: Date; periodEnd: Date; dueOn: Date } {
  const periodStart = addMonths(start, k - 1);
  const next = addMonths(start, k);
  return { periodStart, periodEnd: addDays(next, -1), dueOn: next };
}

/**
 * Is month k payable given re-employment on `reemployedOn`? Only when the cadre
 * was unemployed for the whole month, i.e. re-employed on or after the month's
 * end (the first day of month k+1) — or not at all.
 */
export function monthPayable(periodDueOn: Date, reemployedOn: Date | null | undefined): boolean {
  return !reemployedOn || reemployedOn.getTime() >= periodDueOn.getTime();
}

/**
 * The art. 17 instalments. Stops at `months`, or at the first month during
 * which the cadre was re-employed (that month is not paid).
 * @throws DomainError application.monthsOutOfRange {max} when months is not 1..maxMonths;
 *   application.noMinimumWage {date} when no minimum wage is in force on a month's first day
 */
export function art17Schedule(input: ScheduleInput): SupportSchedule {
  if (!Number.isInteger(input.months) || input.months < 1 || input.months > input.maxMonths) {
    throw new DomainError("application.monthsOutOfRange", { max: input.maxMonths });
  }
  const months: SupportMonth[] = [];
  let endedBy: SupportSchedule["endedBy"] = "months";
  for (let k = 1; k <= input.months; k++) {
    const period = supportMonth(input.unemployedFrom, k);
    if (!monthPayable(period.dueOn, input.reemployedOn)) {
      endedBy = "reemployment";
      break;
    }
    const wageRate = minimumWageOn(input.wages, period.periodStart, input.tier);
    if (!wageRate) throw new DomainError("application.noMinimumWage", { date: isoDate(period.periodStart) });
    months.push({ instalmentNo: k, ...period, wageRate, amount: wageRate });
  }
  return { months, total: sumYuan(months.map((m) => m.amount)), endedBy };
}

/**
 * Art. 17 "至重新领薪或工作为止": the instalments that were PAID although
 * re-employment (recorded later) made them undue — the money to check and
 * recover. Re-employment never touches paid rows, so they are reported here.
 * @returns the overpaid instalments (in instalment order) and their total, yuan
 */
export function overpaidInstalments<P extends { instalmentNo: number; status: string; dueOn: Date; amount: Decimal | { toString(): string } }>(
  payables: readonly P[],
  reemployedOn: Date | null | undefined,
): { rows: P[]; total: Decimal } {
  if (!reemployedOn) return { rows: [], total: yuan(0) };
  const rows = payables.filter((p) => p.status === "PAID" && !monthPayable(p.dueOn, reemployedOn)).sort((a, b) => a.instalmentNo - b.instalmentNo);
  return { rows, total: sumYuan(rows.map((p) => yuan(p.amount))) };
}

/**
 * Opening a fund's year with its kind's annual inflow (the rights protection
 * fund: 第十一条、第十三条, the annual budget appropriation).
 *
 * Who triggers it: the annual settlement of year Y opens Y+1 itself (rollover +
 * appropriation, 第十四条); the office opens a year explicitly only for a new
 * fund or when it must pay in a new year before last year is settled
 * (README "Settlement, rollover and reopen").
 */
import { mutate, type RequestContext } from "@/lib/audit/writer";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { actorIdOf, ensureYearOpened } from "./posting";
import { todayInChina } from "@/lib/dates";

/**
 * Open `year` of fund `fundId` and post its appropriation (audited).
 * @returns { fundYearId, balance } balance in yuan (string, 2 decimals)
 * @throws NotFoundError; ConflictError fund.yearAlreadyOpen; DomainError
 *   fund.yearOutOfRange | fund.laterYearSettled | the kind's own (policy.missing)
 */
export async function openFundYear(ctx: RequestContext, input: { fundId: number; year: number }, now: Date = new Date()) {
  const today = todayInChina(now);
  return mutate(ctx, async (tx, record) => {
    const fund = await tx.fund.findUnique({ where: { id: input.fundId }, select: { id: true } });
    if (!fund) throw new NotFoundError();
    const { locked, opened } = await ensureYearOpened(tx, record, input.fundId, input.year, today, actorIdOf(ctx));
    if (!opened) throw new ConflictError("fund.yearAlreadyOpen", { year: input.year });
    return { fundYearId: locked.id, balance: locked.balance.toFixed(2) };
  });
}

/**
 * Ledger verification (`npm run ledger:verify`): for every fund of every kind
 * and every year, the invariants of README "The ledger" — stored balance = Σ entries, seq
 * 1..n contiguous, each balanceAfter = running sum ≥ 0, openingBalance = net
 * rollover, a settled year's closing balance = next year's rollover, and the
 * report totals (LedgerTotal) = the entries aggregated again.
 * The aggregates are computed in SQL (window functions), the comparison by the
 * pure `checkYear` rule.
 */
import type { Tx } from "@/lib/db";
import type { FundYearStatus } from "@/lib/generated/prisma/enums";
import { checkYear } from "./rules/verify";

export type YearVerification = { fundId: number; fundName: string; year: number; status: FundYearStatus; balance: string; entryCount: number; problems: string[] };
export type LedgerVerification = { ok: boolean; years: YearVerification[]; entries: number; orphanEntries: number };

type Row = {
  fundId: number;
  fundName: string;
  year: number;
  status: FundYearStatus;
  balance: string;
  openingBalance: string;
  closingBalance: string | null;
  entryCount: number;
  sum: string;
  count: number;
  minSeq: number | null;
  maxSeq: number | null;
  badBalanceAfter: number;
  rolloverNet: string;
  nextYearRollover: string | null;
  totalsMismatches: number;
};

/** Verify every fund-year (read-only). */
export async function verifyLedger(client: Tx): Promise<LedgerVerification> {
  const rows = await client.$queryRaw<Row[]>`
    WITH running AS (
      SELECT e."fundId", e.year, e.seq, e.amount, e."balanceAfter",
             SUM(e.amount) OVER (PARTITION BY e."fundId", e.year ORDER BY e.seq ROWS UNBOUNDED PRECEDING) AS running
      FROM "LedgerEntry" e
    ),
    agg AS (
      SELECT "fundId", year, SUM(amount) AS sum, COUNT(*)::int AS count, MIN(seq) AS "minSeq", MAX(seq) AS "maxSeq",
             COUNT(*) FILTER (WHERE "balanceAfter" <> running OR "balanceAfter" < 0)::int AS "badBalanceAfter"
      FROM running GROUP BY "fundId", year
    ),
    expected AS (
      SELECT e."fundId", e.year, EXTRACT(MONTH FROM e."entryDate")::int AS month, COALESCE(o.kind, e.kind) AS kind,
             (e.kind = 'REVERSAL') AS reversal, COALESCE(e.category, '') AS category, COALESCE(e."reportingOrgId", 0) AS "reportingOrgId",
             SUM(e.amount) AS amount, COUNT(*)::int AS count
      FROM "LedgerEntry" e LEFT JOIN "LedgerEntry" o ON o.id = e."reversesEntryId"
      GROUP BY 1, 2, 3, 4, 5, 6, 7
    ),
    totals AS (
      SELECT COALESCE(x."fundId", t."fundId") AS "fundId", COALESCE(x.year, t.year) AS year, COUNT(*)::int AS mismatches
      FROM expected x
      FULL OUTER JOIN "LedgerTotal" t
        ON t."fundId" = x."fundId" AND t.year = x.year AND t.month = x.month AND t.kind = x.kind
       AND t.reversal = x.reversal AND t.category = x.category AND t."reportingOrgId" = x."reportingOrgId"
      WHERE x.amount IS DISTINCT FROM t.amount OR x.count IS DISTINCT FROM t.count
      GROUP BY 1, 2
    ),
    rollover AS (
      SELECT e."fundId", e.year, SUM(e.amount) AS net
      FROM "LedgerEntry" e LEFT JOIN "LedgerEntry" o ON o.id = e."reversesEntryId"
      WHERE e.kind = 'ROLLOVER' OR (e.kind = 'REVERSAL' AND o.kind = 'ROLLOVER')
      GROUP BY e."fundId", e.year
    )
    SELECT y."fundId", f.name AS "fundName", y.year, y.status::text AS status, y.balance::text AS balance,
           y."openingBalance"::text AS "openingBalance", y."closingBalance"::text AS "closingBalance", y."entryCount",
           COALESCE(a.sum, 0)::text AS sum, COALESCE(a.count, 0) AS count, a."minSeq", a."maxSeq",
           COALESCE(a."badBalanceAfter", 0) AS "badBalanceAfter",
           COALESCE(r.net, 0)::text AS "rolloverNet",
           CASE WHEN n.id IS NULL THEN NULL ELSE COALESCE(nr.net, 0)::text END AS "nextYearRollover",
           COALESCE(tm.mismatches, 0) AS "totalsMismatches"
    FROM "FundYear" y
    JOIN "Fund" f ON f.id = y."fundId"
    LEFT JOIN agg a ON a."fundId" = y."fundId" AND a.year = y.year
    LEFT JOIN rollover r ON r."fundId" = y."fundId" AND r.year = y.year
    LEFT JOIN "FundYear" n ON n."fundId" = y."fundId" AND n.year = y.year + 1
    LEFT JOIN rollover nr ON nr."fundId" = y."fundId" AND nr.year = y.year + 1
    LEFT JOIN totals tm ON tm."fundId" = y."fundId" AND tm.year = y.year
    ORDER BY y."fundId", y.year`;
  const [orphans] = await client.$queryRaw<{ count: number; entries: number }[]>`
    SELECT COUNT(*) FILTER (WHERE y.id IS NULL)::int AS count, COUNT(*)::int AS entries
    FROM "LedgerEntry" e LEFT JOIN "FundYear" y ON y."fundId" = e."fundId" AND y.year = e.year`;
  const years = rows.map((r) => ({
    fundId: r.fundId,
    fundName: r.fundName,
    year: r.year,
    status: r.status,
    balance: r.balance,
    entryCount: r.entryCount,
    problems: checkYear(r),
  }));
  const orphanEntries = orphans?.count ?? 0;
  return { ok: orphanEntries === 0 && years.every((y) => y.problems.length === 0), years, entries: orphans?.entries ?? 0, orphanEntries };
}

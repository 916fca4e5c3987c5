/**
 * The balance sheet of a fund-year (pure): ONE table of its lines drives the
 * type, the computation, the page, the print view and the Excel files — a
 * line added here appears everywhere.
 *
 * Each line is net of its reversals (a reversal is counted under the kind and
 * category it reverses). Payouts are split by the fund kind's reporting
 * categories (lib/ledger/kinds.ts; the rights protection fund: the articles
 * 第十五条、第十六条、第十七条). `closing` is the sum of every entry, so it equals
 * the stored balance whenever the ledger is consistent.
 */
import { Decimal, ZERO, yuan } from "@/lib/money";
import type { LedgerKind } from "@/lib/generated/prisma/enums";
import type { Amount } from "./amounts";

type LineDef = {
  readonly key: string;
  /** the entry kind whose net amount the line shows */
  readonly from?: LedgerKind;
  /** money out: shown positive */
  readonly out?: boolean;
  /** one line per reporting category of the fund kind */
  readonly perCategory?: boolean;
  /** a subtotal: the sum of these lines */
  readonly sum?: readonly string[];
  /** the sum of every entry (the closing balance) */
  readonly all?: boolean;
  /** printed bold; left out of the one-row-per-fund summary when also `sum` */
  readonly strong?: boolean;
  /** data-testid of the amount cell on the page (Playwright) */
  readonly testId?: string;
};

/** The lines of a balance sheet, in the order they are shown. */
export const SHEET_LINES = [
  { key: "opening", from: "ROLLOVER", testId: "sheet-opening" }, // 上年滚存结余 (第十一条)
  { key: "appropriation", from: "APPROPRIATION", testId: "sheet-appropriation" }, // 预算拨款 (第十三条)
  { key: "topUps", from: "TOP_UP" }, // 追加拨款 (第十一条)
  { key: "subsidiesReceived", from: "SUBSIDY_RECEIVED" }, // 上级补助 (第十一条)
  { key: "inflow", sum: ["appropriation", "topUps", "subsidiesReceived"], strong: true },
  { key: "subsidiesGranted", from: "SUBSIDY_GRANTED", out: true }, // 对下级补助
  { key: "payouts", from: "DISBURSEMENT", out: true, perCategory: true }, // 援助支出 per category
  { key: "payoutsTotal", sum: ["payouts"], testId: "sheet-payouts-total" },
  { key: "outflow", sum: ["subsidiesGranted", "payoutsTotal"], strong: true },
  { key: "closing", all: true, strong: true, testId: "sheet-closing" },
] as const satisfies readonly LineDef[];

export type SheetLineKey = (typeof SHEET_LINES)[number]["key"];
/** Lines with one amount (every line but the per-category payouts). */
type ScalarKey = Exclude<SheetLineKey, "payouts">;

/** Memo figures shown under the sheet. */
type Memo<M> = {
  /** signed total of REVERSAL entries (already included in the lines) */
  reversals: M;
  reversalCount: number;
  entryCount: number;
};

/** Balance sheet of a fund-year (yuan, each line net of reversals; payouts and grants positive). */
export type BalanceSheet<C extends string = string> = Record<ScalarKey, Decimal> & { payouts: Record<C, Decimal> } & Memo<Decimal>;
/** A balance sheet with money as 2-decimal strings (serialisable to client components and Excel). */
export type SheetView<C extends string = string> = Record<ScalarKey, string> & { payouts: Record<C, string> } & Memo<string>;

/** One aggregated group of a year's entries; a reversal is attributed to the kind/category it reverses. */
export type KindTotal = { kind: LedgerKind; category: string | null; amount: Amount; count: number; reversal: boolean };

const LINE_OF_KIND = new Map<LedgerKind, LineDef>(SHEET_LINES.flatMap((l: LineDef) => (l.from ? [[l.from, l] as const] : [])));

/**
 * Build the balance sheet from aggregated totals.
 * @param categories the fund kind's reporting categories (payout lines, in order)
 * @throws Error for a REVERSAL total (attribute it to the kind it reverses) or a
 *   payout without one of `categories` (an inconsistent ledger)
 */
export function balanceSheet<C extends string>(totals: readonly KindTotal[], categories: readonly C[]): BalanceSheet<C> {
  const scalar = new Map<string, Decimal>(SHEET_LINES.map((l) => [l.key, ZERO]));
  const payouts = new Map<string, Decimal>(categories.map((c) => [c, ZERO]));
  let closing = ZERO;
  let reversals = ZERO;
  let reversalCount = 0;
  let entryCount = 0;
  for (const t of totals) {
    const amount = yuan(t.amount);
    closing = closing.plus(amount);
    entryCount += t.count;
    if (t.reversal) {
      reversals = reversals.plus(amount);
      reversalCount += t.count;
    }
    const line = LINE_OF_KIND.get(t.kind);
    if (!line) throw new Error(`balanceSheet: attribute ${t.kind} totals to the kind they reverse`);
    const value = line.out ? amount.negated() : amount;
    if (line.perCategory) {
      const current = t.category === null ? undefined : payouts.get(t.category);
      if (current === undefined) throw new Error(`balanceSheet: a ${t.kind} total without a known category (${t.category})`);
      payouts.set(t.category!, current.plus(value));
    } else scalar.set(line.key, scalar.get(line.key)!.plus(value));
  }
  for (const line of SHEET_LINES as readonly LineDef[]) {
    if (line.all) scalar.set(line.key, closing);
    if (line.sum) {
      const parts = line.sum.map((k) => (k === "payouts" ? [...payouts.values()].reduce((a, b) => a.plus(b), ZERO) : scalar.get(k)!));
      scalar.set(line.key, parts.reduce((a, b) => a.plus(b), ZERO));
    }
  }
  const sheet = Object.fromEntries([...scalar].filter(([k]) => k !== "payouts")) as Record<ScalarKey, Decimal>;
  return { ...sheet, payouts: Object.fromEntries(payouts) as Record<C, Decimal>, reversals, reversalCount, entryCount };
}

/** A balance sheet as 2-decimal strings. */
export function sheetView<C extends string>(s: BalanceSheet<C>): SheetView<C> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(s)) {
    if (key === "payouts") out[key] = Object.fromEntries(Object.entries(value as Record<string, Decimal>).map(([c, v]) => [c, v.toFixed(2)]));
    else out[key] = value instanceof Decimal ? value.toFixed(2) : value;
  }
  return out as SheetView<C>;
}

/** One shown line of a sheet: which line (and category, for payouts), its amount and presentation. */
export type SheetRow<C extends string = string> = { key: SheetLineKey; category: C | null; amount: string; strong: boolean; testId: string | undefined };

/**
 * The rows of a sheet in display order, payouts expanded per category.
 * @param opts.summary the columns of a one-row-per-fund summary: without the
 *   inflow/outflow subtotals
 */
export function sheetRows<C extends string>(sheet: SheetView<C>, categories: readonly C[], opts: { summary?: boolean } = {}): SheetRow<C>[] {
  const rows: SheetRow<C>[] = [];
  for (const line of SHEET_LINES as readonly LineDef[]) {
    const key = line.key as SheetLineKey;
    if (opts.summary && line.sum && line.strong) continue;
    if (key === "payouts") {
      for (const c of categories) rows.push({ key, category: c, amount: sheet.payouts[c], strong: false, testId: line.testId ?? `sheet-payout-${c}` });
    } else rows.push({ key, category: null, amount: sheet[key], strong: line.strong ?? false, testId: line.testId });
  }
  return rows;
}

/**
 * The rights protection fund's balance-sheet lines (the one line table is
 * lib/ledger/rules/sheet.ts): the rows of a sheet with their labels, used by
 * the page, the print view and the Excel files alike. Payout lines are per
 * article (第十五条、第十六条、第十七条). Pure.
 */
import type { AidArticle } from "@/lib/generated/prisma/enums";
import { sheetRows, type SheetRow } from "@/lib/ledger/rules/sheet";
import { PAID_ARTICLES } from "./kind";
import type { FundSheet } from "./year-report";

/** Translate a key under "fund" (next-intl translator or a test stub). */
export type FundTranslate = (key: string, values?: Record<string, string | number>) => string;

/** A labelled line of a fund's balance sheet. */
export type LabelledRow = SheetRow<AidArticle> & { label: string };

/**
 * The lines of `sheet` in display order, each with its label (messages
 * fund.sheet.*; a payout line names its article, in full or — for a summary
 * column header — short).
 * @param opts.summary the columns of a one-row-per-fund summary (no inflow/outflow subtotals), short article names
 */
export function fundSheetRows(t: FundTranslate, sheet: FundSheet, opts: { summary?: boolean } = {}): LabelledRow[] {
  return sheetRows(sheet, PAID_ARTICLES, opts).map((row) => ({
    ...row,
    label:
      row.category === null
        ? t(`sheet.${row.key}`)
        : opts.summary
          ? t(`articleShort.${row.category}`)
          : t("sheet.payouts", { article: t(`articles.${row.category}`) }),
  }));
}

/**
 * Balance sheet of a fund-year (server component): opening rollover,
 * appropriation, top-ups, subsidies, payouts by article, closing — each line
 * net of reversals (《办法》第十一条至第十七条).
 */
import { getTranslations } from "next-intl/server";
import { formatYuan } from "@/lib/money";
import type { SheetView } from "@/lib/fund/reports";
import { PAID_ARTICLES } from "@/lib/fund/rules";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

export async function BalanceSheetTable({ sheet, caption }: { sheet: SheetView; caption: string }) {
  const t = await getTranslations("fund");
  const rows: { label: string; amount: string; strong?: boolean; testId?: string }[] = [
    { label: t("sheet.opening"), amount: sheet.opening, testId: "sheet-opening" },
    { label: t("sheet.appropriation"), amount: sheet.appropriation, testId: "sheet-appropriation" },
    { label: t("sheet.topUps"), amount: sheet.topUps },
    { label: t("sheet.subsidiesReceived"), amount: sheet.subsidiesReceived },
    { label: t("sheet.inflow"), amount: sheet.inflow, strong: true },
    { label: t("sheet.subsidiesGranted"), amount: sheet.subsidiesGranted },
    ...PAID_ARTICLES.map((a) => ({ label: t("sheet.payouts", { article: t(`articles.${a}`) }), amount: sheet.payouts[a], testId: `sheet-payout-${a}` })),
    { label: t("sheet.payoutsTotal"), amount: sheet.payoutsTotal, testId: "sheet-payouts-total" },
    { label: t("sheet.outflow"), amount: sheet.outflow, strong: true },
    { label: t("sheet.closing"), amount: sheet.closing, strong: true, testId: "sheet-closing" },
  ];
  return (
    <div className="flex flex-col gap-2">
      <Table label={caption}>
        <caption className="sr-only">{caption}</caption>
        <THead>
          <TR>
            <TH>{t("sheet.line")}</TH>
            <TH className="text-right!">{t("sheet.amount")}</TH>
          </TR>
        </THead>
        <TBody>
          {rows.map((r) => (
            <TR key={r.label} className={r.strong ? "font-semibold" : undefined}>
              <TD>{r.label}</TD>
              <TD className="text-right tabular-nums" data-testid={r.testId}>
                {formatYuan(r.amount)}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      <p className="text-xs text-muted-foreground">
        {t("sheet.netOfReversals")} {sheet.reversalCount > 0 ? t("sheet.reversals", { count: sheet.reversalCount, amount: formatYuan(sheet.reversals) }) : null}
      </p>
    </div>
  );
}

/**
 * Balance sheet of a fund-year (server component): opening rollover,
 * appropriation, top-ups, subsidies, payouts by article, closing — each line
 * net of reversals (《办法》第十一条至第十七条).
 */
import { getTranslations } from "next-intl/server";
import { formatYuan } from "@/lib/money";
import type { FundSheet } from "@/lib/fund/year-report";
import { fundSheetRows } from "@/lib/fund/sheet";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

export async function BalanceSheetTable({ sheet, caption }: { sheet: FundSheet; caption: string }) {
  const t = await getTranslations("fund");
  const rows = fundSheetRows((key, values) => t(key as "title", values), sheet);
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

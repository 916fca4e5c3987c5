/**
 * Report tables shared by the auditors' reports and the annual report
 * (server components): balance sheet of every fund, payouts by article
 * (第十五至十七条) and by district. Amounts are net of reversals.
 */
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatYuan } from "@/lib/money";
import type { YearReport } from "@/lib/fund/year-report";
import { fundSheetRows } from "@/lib/fund/sheet";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

export async function FundSheetsTable({ report, linkYear }: { report: YearReport; linkYear?: boolean }) {
  const t = await getTranslations("fund");
  const translate = (key: string, values?: Record<string, string | number>) => t(key as "title", values);
  // The summary columns of the one line table (lib/ledger/rules/sheet.ts), as in the Excel summary.
  const cols = fundSheetRows(translate, report.total, { summary: true }).map((r) => r.label);
  const values = (s: YearReport["total"]) => fundSheetRows(translate, s, { summary: true }).map((r) => r.amount);
  return (
    <Table label={t("reports.sheetsTitle", { year: report.year })} scrollHint={t("reports.scrollHint")} className="text-xs print:text-[7pt]">
      <caption className="sr-only">{t("reports.sheetsTitle", { year: report.year })}</caption>
      <THead>
        <TR>
          <TH>{t("fundLabel")}</TH>
          <TH>{t("status")}</TH>
          {cols.map((c) => (
            // Headers wrap only between words, never inside one ("第十 / 五条", issue 11.8).
            <TH key={c} className="text-right! whitespace-normal [word-break:keep-all] min-w-[4.5em]">
              {c}
            </TH>
          ))}
        </TR>
      </THead>
      <TBody>
        {report.funds.map((f) => (
          <TR key={f.fundId} data-testid={`report-fund-${f.orgName}`}>
            <TD className="whitespace-nowrap">
              {linkYear ? (
                <Link className="text-primary underline-offset-4 hover:underline" href={`/fund/${f.fundId}?year=${report.year}`}>
                  {f.orgName}
                </Link>
              ) : (
                f.orgName
              )}
            </TD>
            <TD className="whitespace-nowrap">{t(`statuses.${f.status ?? "NONE"}`)}</TD>
            {values(f.sheet).map((v, i) => (
              <TD key={i} className="text-right tabular-nums">
                {formatYuan(v)}
              </TD>
            ))}
          </TR>
        ))}
        <TR className="font-semibold" data-testid="report-total">
          <TD>{t("reports.total")}</TD>
          <TD />
          {values(report.total).map((v, i) => (
            <TD key={i} className="text-right tabular-nums">
              {formatYuan(v)}
            </TD>
          ))}
        </TR>
      </TBody>
    </Table>
  );
}

export async function ArticleTable({ report }: { report: YearReport }) {
  const t = await getTranslations("fund");
  return (
    <Table label={t("reports.articleTitle")}>
      <caption className="sr-only">{t("reports.articleTitle")}</caption>
      <THead>
        <TR>
          <TH>{t("reports.article")}</TH>
          <TH className="text-right!">{t("reports.payments")}</TH>
          <TH className="text-right!">{t("reports.amount")}</TH>
        </TR>
      </THead>
      <TBody>
        {report.byArticle.map((a) => (
          <TR key={a.article} data-testid={`article-${a.article}`}>
            <TD>{t(`articles.${a.article}`)}</TD>
            <TD className="text-right tabular-nums">{a.payments}</TD>
            <TD className="text-right tabular-nums">{formatYuan(a.amount)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

export async function DistrictTable({ report }: { report: YearReport }) {
  const t = await getTranslations("fund");
  if (report.byDistrict.length === 0) return <p className="text-sm text-muted-foreground">{t("reports.empty")}</p>;
  return (
    <Table label={t("reports.districtTitle")}>
      <caption className="sr-only">{t("reports.districtTitle")}</caption>
      <THead>
        <TR>
          <TH>{t("reports.district")}</TH>
          <TH>{t("reports.article")}</TH>
          <TH className="text-right!">{t("reports.payments")}</TH>
          <TH className="text-right!">{t("reports.amount")}</TH>
        </TR>
      </THead>
      <TBody>
        {report.byDistrict.map((d) => (
          <TR key={`${d.orgId}-${d.article}`}>
            <TD>{d.orgName}</TD>
            <TD>{t(`articleShort.${d.article}`)}</TD>
            <TD className="text-right tabular-nums">{d.payments}</TD>
            <TD className="text-right tabular-nums">{formatYuan(d.amount)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

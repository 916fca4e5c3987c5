/**
 * Excel workbooks of the fund reports (exceljs), for the funds review
 * committee (《办法》第十二条) and the annual report (第十四条).
 *
 * Sheet names and headers are Chinese (or English when the user switched),
 * amounts are written as numbers from their 2-decimal strings at the very last
 * step with the "#,##0.00" format, columns have widths, the header row is
 * frozen. xlsx stores text as UTF-8 XML, so Chinese opens cleanly in Excel and WPS.
 */
import ExcelJS from "exceljs";
import { paymentMethodLabel } from "@/lib/ledger/methods";
import type { EntryView } from "./queries";
import { fundSheetRows, type FundTranslate } from "./sheet";
import type { YearReport } from "./year-report";

export type { FundTranslate } from "./sheet";

const MONEY = "#,##0.00";
/** Column widths of the one-row-per-fund summary, by balance-sheet line. */
const SUMMARY_WIDTH: Record<string, number> = { opening: 18, appropriation: 18, topUps: 16, subsidiesReceived: 16, subsidiesGranted: 16, payouts: 14, payoutsTotal: 16, closing: 18 };

/** A 2-decimal yuan string as an Excel number (the only float conversion, for the file format). */
const money = (s: string) => Number(s);

type Col = { header: string; width: number; money?: boolean };

function sheet(wb: ExcelJS.Workbook, name: string, title: string, subtitle: string, cols: Col[], rows: (string | number | null)[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 3 }], pageSetup: { paperSize: 9, orientation: cols.length > 6 ? "landscape" : "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([subtitle]).font = { color: { argb: "FF555555" }, size: 9 };
  const header = ws.addRow(cols.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF1F5F9" } };
    cell.border = { bottom: { style: "thin" } };
  });
  cols.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    if (c.money) column.numFmt = MONEY;
  });
  for (const r of rows) {
    ws.addRow(r.map((v, i) => (cols[i]?.money && typeof v === "string" ? money(v) : v)));
  }
  return ws;
}

function articleSheet(wb: ExcelJS.Workbook, t: FundTranslate, report: YearReport, title: string, subtitle: string) {
  sheet(
    wb,
    t("excel.byArticle"),
    title,
    subtitle,
    [
      { header: t("reports.article"), width: 40 },
      { header: t("reports.payments"), width: 12 },
      { header: t("reports.amount"), width: 18, money: true },
    ],
    report.byArticle.map((a) => [t(`articles.${a.article}`), a.payments, a.amount]),
  );
  sheet(
    wb,
    t("excel.byDistrict"),
    title,
    subtitle,
    [
      { header: t("reports.district"), width: 28 },
      { header: t("reports.article"), width: 12 },
      { header: t("reports.payments"), width: 12 },
      { header: t("reports.amount"), width: 18, money: true },
    ],
    report.byDistrict.map((d) => [d.orgName, t(`articleShort.${d.article}`), d.payments, d.amount]),
  );
  sheet(
    wb,
    t("excel.months"),
    title,
    subtitle,
    [
      { header: t("dashboard.month"), width: 12 },
      { header: t("dashboard.monthly"), width: 18, money: true },
      { header: t("dashboard.cumulative"), width: 18, money: true },
    ],
    report.months.map((m) => [t("dashboard.monthLabel", { month: m.month }), m.payouts, m.cumulative]),
  );
}

/**
 * Workbook of one fund-year: 收支表 (balance sheet), 明细账 (every entry with
 * application, district, recorder and approver, and a total row), 按条款, 按区, 月度支出.
 * @returns the .xlsx file
 */
export async function fundYearWorkbook(
  t: FundTranslate,
  input: { name: string; year: number; report: YearReport; entries: EntryView[]; exportedAt: string },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "大连市总工会 基层工会干部权益保障平台";
  wb.created = new Date();
  const title = t("excel.title", { name: input.name, year: input.year });
  const subtitle = t("excel.generated", { at: input.exportedAt });
  const fundSheet = input.report.funds[0]?.sheet ?? input.report.total;
  sheet(
    wb,
    t("excel.sheet"),
    `${title} ${t("sheet.heading")}`,
    subtitle,
    [
      { header: t("sheet.line"), width: 46 },
      { header: t("sheet.amount"), width: 20, money: true },
    ],
    fundSheetRows(t, fundSheet).map((r) => [r.label, r.amount]),
  );
  const entries = sheet(
    wb,
    t("excel.entries"),
    `${title} ${t("entries.heading")}`,
    subtitle,
    [
      { header: t("entries.seq"), width: 8 },
      { header: t("entries.date"), width: 12 },
      { header: t("entries.kind"), width: 16 },
      { header: t("entries.amount"), width: 16, money: true },
      { header: t("entries.balanceAfter"), width: 16, money: true },
      { header: t("entries.article"), width: 10 },
      { header: t("entries.application"), width: 20 },
      { header: t("entries.district"), width: 20 },
      { header: t("entries.createdBy"), width: 12 },
      { header: t("entries.approvedBy"), width: 12 },
      { header: t("entries.method"), width: 12 },
      { header: t("entries.reference"), width: 16 },
      { header: t("entries.memo"), width: 40 },
    ],
    input.entries.map((e) => [
      e.seq,
      e.entryDate,
      t(`kinds.${e.kind}`),
      e.amount,
      e.balanceAfter,
      e.article ? t(`articleShort.${e.article}`) : null,
      e.applicationNumber,
      e.district ?? e.counterpart,
      e.createdBy,
      e.approvedBy,
      e.method ? paymentMethodLabel(e.method, t) : null,
      e.reference,
      e.memo,
    ]),
  );
  const total = entries.addRow([t("reports.total"), null, null, money(fundSheet.closing), null]);
  total.font = { bold: true };
  articleSheet(wb, t, input.report, title, subtitle);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Workbook of a year over every fund in scope (the annual summary, 第十四条):
 * 年度汇总 (one balance-sheet row per fund and a total row), 按条款, 按区, 月度支出.
 */
export async function yearSummaryWorkbook(t: FundTranslate, input: { year: number; report: YearReport; exportedAt: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "大连市总工会 基层工会干部权益保障平台";
  wb.created = new Date();
  const title = t("excel.summaryTitle", { year: input.year });
  const subtitle = t("excel.generated", { at: input.exportedAt });
  const values = (s: YearReport["total"]) => fundSheetRows(t, s, { summary: true }).map((r) => r.amount);
  const lines = fundSheetRows(t, input.report.total, { summary: true });
  const ws = sheet(
    wb,
    t("excel.summary"),
    title,
    subtitle,
    [
      { header: t("fundLabel"), width: 26 },
      { header: t("status"), width: 10 },
      ...lines.map((r) => ({ header: r.label, width: SUMMARY_WIDTH[r.key] ?? 16, money: true })),
    ],
    input.report.funds.map((f) => [f.orgName, t(`statuses.${f.status ?? "NONE"}`), ...values(f.sheet)]),
  );
  const total = ws.addRow([t("reports.total"), null, ...values(input.report.total).map(money)]);
  total.font = { bold: true };
  articleSheet(wb, t, input.report, title, subtitle);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Content-Disposition for a Chinese file name (RFC 6266/5987 with an ASCII fallback). */
export function attachment(fileName: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

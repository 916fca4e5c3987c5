"use client";

/**
 * Dashboard charts of the fund (recharts): monthly burn with the cumulative
 * total, payouts by article (第十五至十七条) and by district. Amounts arrive as
 * 2-decimal strings (decimal end to end) and become numbers only here, at the
 * last step, for the chart library. Each chart has a table alternative.
 */
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { formatYuan } from "@/lib/money";
import type { AidArticle } from "@/lib/generated/prisma/enums";

type MonthRow = { month: number; payouts: string; cumulative: string };
type ArticleRow = { article: AidArticle; payments: number; amount: string };
type DistrictRow = { name: string; amount: string };

const COLORS = { bar: "#b91c1c", line: "#1d4ed8", article: "#b45309" };
const toChartNumber = (value: string) => Number(value);
const tooltipYuan = (value: unknown) => (typeof value === "number" ? formatYuan(value.toFixed(2)) : String(value));

function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  const t = useTranslations("fund.dashboard");
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-primary">{t("tableAlternative")}</summary>
      <table className="mt-2 w-full text-left text-xs">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className="border-b px-2 py-1 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j} className={j > 0 ? "border-b px-2 py-1 text-right tabular-nums" : "border-b px-2 py-1"}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** A chart hidden from assistive technology, captioned, with its data as a table alternative. */
function ChartFigure({ title, table, children }: { title: string; table: { head: string[]; rows: (string | number)[][] }; children: React.ReactNode }) {
  return (
    <figure aria-label={title}>
      <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
      <div aria-hidden="true">{children}</div>
      <DataTable caption={title} head={table.head} rows={table.rows} />
    </figure>
  );
}

/** Monthly payouts (bars) and cumulative payouts (line) over the year — the fund burn. */
export function BurnChart({ year, months }: { year: number; months: MonthRow[] }) {
  const t = useTranslations("fund.dashboard");
  const title = t("burn", { year });
  const data = months.map((m) => ({ label: t("monthLabel", { month: m.month }), monthly: toChartNumber(m.payouts), cumulative: toChartNumber(m.cumulative) }));
  return (
    <ChartFigure title={title} table={{ head: [t("month"), t("monthly"), t("cumulative")], rows: months.map((m) => [t("monthLabel", { month: m.month }), formatYuan(m.payouts), formatYuan(m.cumulative)]) }}>
      <ComposedChart accessibilityLayer={false} responsive style={{ width: "100%", height: 260 }} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" fontSize={11} />
        <YAxis fontSize={11} width={70} />
        <Tooltip formatter={tooltipYuan} />
        <Legend />
        <Bar dataKey="monthly" name={t("monthly")} fill={COLORS.bar} isAnimationActive={false} />
        <Line dataKey="cumulative" name={t("cumulative")} stroke={COLORS.line} strokeWidth={2} dot={false} isAnimationActive={false} />
      </ComposedChart>
    </ChartFigure>
  );
}

/** Net payouts per article of 《办法》. */
export function ArticleChart({ rows }: { rows: ArticleRow[] }) {
  const t = useTranslations("fund.dashboard");
  const ta = useTranslations("fund.articleShort");
  const title = t("byArticle");
  const data = rows.map((r) => ({ label: ta(r.article), amount: toChartNumber(r.amount) }));
  return (
    <ChartFigure title={title} table={{ head: [t("byArticle"), t("amount")], rows: rows.map((r) => [ta(r.article), formatYuan(r.amount)]) }}>
      <BarChart accessibilityLayer={false} responsive style={{ width: "100%", height: 220 }} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" fontSize={11} />
        <YAxis fontSize={11} width={70} />
        <Tooltip formatter={tooltipYuan} />
        <Bar dataKey="amount" name={t("amount")} fill={COLORS.article} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

/** Net payouts per district / industrial union (horizontal bars). */
export function DistrictChart({ rows }: { rows: DistrictRow[] }) {
  const t = useTranslations("fund.dashboard");
  const title = t("byDistrict");
  const data = rows.map((r) => ({ label: r.name, amount: toChartNumber(r.amount) }));
  return (
    <ChartFigure title={title} table={{ head: [t("byDistrict"), t("amount")], rows: rows.map((r) => [r.name, formatYuan(r.amount)]) }}>
      <BarChart accessibilityLayer={false} responsive layout="vertical" style={{ width: "100%", height: Math.max(160, 36 * data.length + 40) }} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" fontSize={11} />
        <YAxis type="category" dataKey="label" fontSize={11} width={110} />
        <Tooltip formatter={tooltipYuan} />
        <Bar dataKey="amount" name={t("amount")} fill={COLORS.bar} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

/**
 * The vitality project's list of units for a year (《实施方案》三–五): the upper union's units with each one's
 * combined satisfaction, class and consequences; filter by class, sort, pages; the enrolment form.
 */
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { guardPage } from "@/lib/server/action";
import { todayInChina } from "@/lib/dates";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { enrollableUnits, listUnits } from "@/lib/vitality/queries";
import { formatPercent, type VitalityClass } from "@/lib/vitality/rules";
import { EnrolForm } from "./_components/enrol-form";

export const dynamic = "force-dynamic";

const CLASSES: VitalityClass[] = ["MODEL", "UP_TO_STANDARD", "BELOW_STANDARD", "NOT_EVALUATED"];

export async function generateMetadata() {
  const t = await getTranslations("vitality");
  return { title: t("title") };
}

export default async function VitalityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await guardPage("vitality.view", (a) => ({ type: "organization", id: a.organizationId, path: a.orgPath }));
  const t = await getTranslations();
  const sp = await searchParams;
  const currentYear = todayInChina().getUTCFullYear();
  const yearParam = typeof sp.year === "string" && /^\d{4}$/.test(sp.year) ? Number(sp.year) : currentYear;
  const cls = typeof sp.class === "string" && (CLASSES as string[]).includes(sp.class) ? (sp.class as VitalityClass) : undefined;
  const sort = sp.sort === "combined" ? "combined" : "name";
  const list = await listUnits(actor, { year: yearParam, cls, sort, page: sp.page });
  // The units this actor may enrol, each checked by the gate (三: the upper union, its subtree only).
  const units = (await enrollableUnits(actor)).filter((u) => can(actor, "vitality.enrol", { type: "organization", id: u.id, path: u.path }));
  const canEnrol = units.length > 0;
  const href = (over: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    const merged = { year: yearParam, class: cls, sort, page: list.page, ...over };
    for (const [k, v] of Object.entries(merged)) if (v !== undefined) q.set(k, String(v));
    return `/vitality?${q.toString()}`;
  };
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("vitality.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("vitality.subtitle")}</p>
      </div>
      <form method="get" action="/vitality" className="flex flex-wrap items-end gap-3" aria-label={t("vitality.filters")}>
        <label className="flex flex-col gap-1 text-sm">
          {t("vitality.year")}
          <input name="year" defaultValue={String(yearParam)} inputMode="numeric" maxLength={4} className="w-24 rounded-md border border-input px-2 py-1" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("vitality.class")}
          <select name="class" defaultValue={cls ?? ""} className="rounded-md border border-input px-2 py-1">
            <option value="">{t("vitality.allClasses")}</option>
            {CLASSES.map((c) => (
              <option key={c} value={c}>
                {t(`vitality.classes.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("vitality.sort")}
          <select name="sort" defaultValue={sort} className="rounded-md border border-input px-2 py-1">
            <option value="name">{t("vitality.sortName")}</option>
            <option value="combined">{t("vitality.sortCombined")}</option>
          </select>
        </label>
        <button type="submit" className="rounded-md border border-input px-3 py-1 text-sm">
          {t("vitality.apply")}
        </button>
      </form>
      <Card>
        <CardContent className="pt-4 sm:pt-6">
          <Table label={t("vitality.title")}>
            <THead>
              <TR>
                <TH>{t("vitality.unit")}</TH>
                <TH>{t("orgs.unitNature")}</TH>
                <TH>{t("vitality.model")}</TH>
                <TH>{t("vitality.combined")}</TH>
                <TH>{t("vitality.class")}</TH>
                <TH>{t("vitality.consequences")}</TH>
              </TR>
            </THead>
            <TBody>
              {list.rows.length === 0 ? (
                <TR>
                  <TD colSpan={6}>{t("vitality.empty")}</TD>
                </TR>
              ) : (
                list.rows.map((row) => (
                  <TR key={row.id}>
                    <TD>
                      <Link href={`/vitality/${row.id}`} className="text-primary hover:underline">
                        {row.name}
                      </Link>
                    </TD>
                    <TD>{t(`unitNature.${row.unitNature}`)}</TD>
                    <TD>{t(`vitality.models.${row.model}`)}</TD>
                    <TD>{row.result.combined ? `${formatPercent(row.result.combined)}%` : "—"}</TD>
                    <TD>
                      <Badge variant={row.result.class === "MODEL" ? "success" : row.result.class === "BELOW_STANDARD" ? "warning" : "secondary"}>{t(`vitality.classes.${row.result.class}`)}</Badge>
                    </TD>
                    <TD className="text-xs">
                      {row.result.consequences?.admonitionDue ? <Badge variant="destructive">{t("vitality.consequence.admonition")}</Badge> : null}
                      {row.result.consequences?.chairpersonAdjustmentDue ? <Badge variant="destructive">{t("vitality.consequence.adjustment")}</Badge> : null}
                      {row.result.consequences?.awardPriority ? <Badge variant="success">{t("vitality.consequence.priority")}</Badge> : null}
                      {row.result.consequences?.cadreManagementRules && row.result.consequences.dissatisfactionOverLimit ? <Badge variant="outline">{t("vitality.consequence.cadreRules")}</Badge> : null}
                    </TD>
                  </TR>
                ))
              )}
            </TBody>
          </Table>
          <nav className="mt-4 flex items-center gap-3 text-sm" aria-label={t("vitality.pages")}>
            {list.page > 1 ? <Link href={href({ page: list.page - 1 })}>{t("vitality.prev")}</Link> : null}
            <span>{t("vitality.pageOf", { page: list.page, pages: list.pages, total: list.total })}</span>
            {list.page < list.pages ? <Link href={href({ page: list.page + 1 })}>{t("vitality.next")}</Link> : null}
          </nav>
        </CardContent>
      </Card>
      {canEnrol ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("vitality.enrol.title")}</CardTitle>
            <CardDescription>{t("vitality.enrol.hint")}</CardDescription>
          </CardHeader>
          <CardContent>
            <EnrolForm units={units.map((u) => ({ id: u.id, name: u.name }))} year={yearParam} />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}

import { dateFormatter } from "@/lib/i18n/dates";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/server/action";
import { QUEUE_SORTS, filterableOrgs, queueStagesOf, reviewQueue } from "@/lib/applications/queries";
import { parseQueueParams, queueHref } from "@/lib/applications/queue-params";
import { STAGES } from "@/lib/applications/workflow";
import { AidArticle, ApplicationStatus } from "@/lib/generated/prisma/enums";
import { formatYuan } from "@/lib/money";
import { OverdueBadge, StatusBadge } from "@/app/(portal)/applications/_components/badges";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/input";
import { Pager } from "@/components/ui/pager";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { cn } from "@/lib/utils";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("queue") };
}

/**
 * Review queues (art. 18): "mine" = applications waiting for the actor's own step in
 * their subtree (the chairperson's meeting: every stage, 18.3); "all" = every
 * application they may see. Overdue applications first; filters, search, sort and pages in the URL.
 */
export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await guardPage("application.queue", { type: "system" });
  const t = await getTranslations();
  const dates = await dateFormatter();
  const filters = parseQueueParams(await searchParams);
  const hasQueue = queueStagesOf(actor.roles).length > 0;
  if (!hasQueue) filters.view = "all";
  const [result, orgs] = await Promise.all([reviewQueue(actor, filters), filterableOrgs(actor)]);
  const tab = (view: "mine" | "all", label: string) => (
    <Link
      href={queueHref(filters, { view, page: 1, status: undefined })}
      aria-current={filters.view === view ? "page" : undefined}
      className={cn("rounded-md px-3 py-2 text-sm", filters.view === view ? "bg-primary text-primary-foreground" : "border hover:bg-muted")}
    >
      {label}
    </Link>
  );
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("nav.queue")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("applications.queue.subtitle")}</p>
      </div>
      <nav aria-label={t("applications.queue.views")} className="flex flex-wrap gap-2">
        {hasQueue ? tab("mine", t("applications.queue.mine")) : null}
        {tab("all", t("applications.queue.all"))}
      </nav>
      <form role="search" aria-label={t("common.filter")} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" action="/applications/queue">
        <input type="hidden" name="view" value={filters.view} />
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="queue-q">{t("common.search")}</Label>
          <Input id="queue-q" name="q" defaultValue={filters.q} maxLength={60} placeholder={t("applications.queue.searchPlaceholder")} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="queue-article">{t("applications.form.article")}</Label>
          <Select id="queue-article" name="article" defaultValue={filters.article ?? ""}>
            <option value="">{t("applications.queue.any")}</option>
            {Object.values(AidArticle).map((a) => (
              <option key={a} value={a}>
                {t(`applications.articleShort.${a}`)}
              </option>
            ))}
          </Select>
        </div>
        {filters.view === "all" ? (
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="queue-status">{t("common.status")}</Label>
            <Select id="queue-status" name="status" defaultValue={filters.status ?? ""}>
              <option value="">{t("applications.queue.any")}</option>
              {Object.values(ApplicationStatus)
                .filter((s) => s !== "DRAFT")
                .map((s) => (
                  <option key={s} value={s}>
                    {t(`applications.status.${s}`)}
                  </option>
                ))}
            </Select>
          </div>
        ) : null}
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="queue-stage">{t("applications.queue.stage")}</Label>
          <Select id="queue-stage" name="stage" defaultValue={filters.stage ?? ""}>
            <option value="">{t("applications.queue.any")}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`applications.stage.${s}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="queue-org">{t("applications.queue.org")}</Label>
          <Select id="queue-org" name="org" defaultValue={filters.orgId?.toString() ?? ""}>
            <option value="">{t("applications.queue.any")}</option>
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="queue-sort">{t("applications.queue.sort")}</Label>
          <Select id="queue-sort" name="sort" defaultValue={filters.sort}>
            {QUEUE_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`applications.queue.sorts.${s}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex items-end gap-2">
          <Button type="submit">{t("common.filter")}</Button>
          <Button asChild variant="outline">
            <Link href={queueHref({ view: filters.view, sort: "due", page: 1 })}>{t("common.reset")}</Link>
          </Button>
        </div>
      </form>
      <Card>
        <CardContent className="flex flex-col gap-3 pt-4 sm:pt-6">
          <p className="text-sm" role="status" data-testid="queue-summary">
            {t("applications.queue.summary", { total: result.total, overdue: result.overdueTotal })}
          </p>
          {result.rows.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("applications.queue.empty")}</p>
          ) : (
            <Table label={t("nav.queue")} stack>
              <THead>
                <TR>
                  <TH>{t("applications.list.number")}</TH>
                  <TH>{t("applications.queue.applicant")}</TH>
                  <TH>{t("applications.form.article")}</TH>
                  <TH>{t("common.status")}</TH>
                  <TH>{t("applications.list.requested")}</TH>
                  <TH>{t("applications.queue.due")}</TH>
                </TR>
              </THead>
              <TBody>
                {result.rows.map((r) => (
                  <TR key={r.id} data-testid={`queue-row-${r.number}`} className={r.overdue ? "bg-red-50/60" : undefined}>
                    <TD label={t("applications.list.number")}>
                      <Link className="font-mono text-primary underline-offset-2 hover:underline" href={`/applications/${r.id}`}>
                        {r.number}
                      </Link>
                    </TD>
                    <TD label={t("applications.queue.applicant")}>
                      <span className="block">{r.applicant.displayName}</span>
                      <span className="block text-xs text-muted-foreground">{r.orgName}</span>
                    </TD>
                    <TD label={t("applications.form.article")} className="whitespace-nowrap">{t(`applications.articleShort.${r.article}`)}</TD>
                    <TD label={t("common.status")} data-testid="application-status-cell">
                      <div className="flex flex-wrap gap-1">
                        <StatusBadge status={r.status} stage={r.stage} />
                        {r.returnRound > 0 ? <span className="text-xs text-muted-foreground">{t("applications.queue.round", { round: r.returnRound + 1 })}</span> : null}
                        {r.overdueLetters > 0 ? <OverdueBadge label={t("applications.measures.lettersOverdue", { count: r.overdueLetters })} /> : null}
                      </div>
                    </TD>
                    <TD label={t("applications.list.requested")} className="whitespace-nowrap">
                      {r.article === "ART17" ? t("applications.amounts.months", { months: r.requestedMonths ?? 0 }) : r.requestedAmount ? t("common.yuan", { amount: formatYuan(r.requestedAmount) }) : "—"}
                    </TD>
                    <TD label={t("applications.queue.due")} className="whitespace-nowrap">
                      {r.stageDueAt && r.status === "IN_REVIEW" ? dates.date(r.stageDueAt) : "—"}
                      {r.overdue ? (
                        <span className="ml-1">
                          <OverdueBadge label={t("applications.queue.overdue")} />
                        </span>
                      ) : null}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
          <Pager page={result.page} pages={result.pages} total={result.total} href={(n) => queueHref(filters, { page: n })} label={t("applications.queue.pagination")} />
        </CardContent>
      </Card>
    </div>
  );
}

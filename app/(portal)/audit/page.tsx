import { dateFormatter } from "@/lib/i18n/dates";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/server/action";
import { latestAuditRows } from "@/lib/audit/queries";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

const PAGE = 100;

/** The page's title in the browser tab (issue 11.12). */
export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("audit") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ entity?: string; id?: string }> }) {
  await guardPage("audit.view", { type: "system" });
  const t = await getTranslations();
  const dates = await dateFormatter();
  const sp = await searchParams;
  const entity = typeof sp.entity === "string" && sp.entity ? sp.entity.slice(0, 60) : undefined;
  const entityId = typeof sp.id === "string" && sp.id ? sp.id.slice(0, 60) : undefined;
  const rows = await latestAuditRows({ entityType: entity, entityId }, PAGE);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("nav.audit")}</h1>
        <p className="text-sm text-muted-foreground">{t("admin.audit.subtitle")}</p>
      </div>
      <form className="flex flex-wrap items-end gap-2" role="search">
        <div>
          <label htmlFor="audit-entity" className="text-xs">
            {t("admin.audit.entityType")}
          </label>
          <Input id="audit-entity" name="entity" defaultValue={entity} maxLength={60} />
        </div>
        <div>
          <label htmlFor="audit-id" className="text-xs">
            {t("admin.audit.entityId")}
          </label>
          <Input id="audit-id" name="id" defaultValue={entityId} maxLength={60} />
        </div>
        <Button type="submit" variant="outline">
          {t("common.filter")}
        </Button>
      </form>
      <Card>
        <CardContent className="pt-4 sm:pt-6">
          <Table label={t("nav.audit")}>
            <THead>
              <TR>
                <TH>#</TH>
                <TH>{t("admin.audit.at")}</TH>
                <TH>{t("admin.audit.actor")}</TH>
                <TH>{t("admin.audit.action")}</TH>
                <TH>{t("admin.audit.entity")}</TH>
                <TH>{t("admin.audit.change")}</TH>
              </TR>
            </THead>
            <TBody>
              {rows.map((r) => (
                <TR key={r.id.toString()}>
                  <TD className="font-mono text-xs">{r.id.toString()}</TD>
                  <TD className="whitespace-nowrap text-xs">{dates.dateTime(r.at)}</TD>
                  <TD className="text-xs">{r.actorName}</TD>
                  <TD className="font-mono text-xs">{r.action}</TD>
                  <TD className="font-mono text-xs">
                    {r.entityType}#{r.entityId}
                  </TD>
                  <TD className="max-w-md">
                    <details>
                      <summary className="cursor-pointer text-xs text-primary">{t("common.details")}</summary>
                      <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-muted p-2 text-[11px]">
                        {JSON.stringify({ before: r.before, after: r.after, requestId: r.requestId, hash: r.hash }, null, 1)}
                      </pre>
                    </details>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}

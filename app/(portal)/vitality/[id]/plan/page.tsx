/**
 * The unit's yearly "3+x" / "2+x" plan (《实施方案》四.1): recorded by the unit's officer — each basic system of the
 * model with its current status and goal, and the self-chosen "x" items —, published to members (date and how) with
 * an unguessable members' link, and the members' anonymous suggestions.
 */
import Link from "next/link";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { isoDate } from "@/lib/dates";
import { guardPage } from "@/lib/server/action";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { enrolmentDetail, enrolmentResource, planOf } from "@/lib/vitality/queries";
import { basicSystemsOf } from "@/lib/vitality/rules";
import { PlanForm, PublishPlanForm, type PlanRowDefaults } from "../../_components/plan-forms";

export const dynamic = "force-dynamic";

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  if (!id) notFound();
  const actor = await guardPage("vitality.view", () => enrolmentResource(id));
  const t = await getTranslations("vitality");
  const e = await enrolmentDetail(id);
  const plan = await planOf(id);
  const resource = { type: "vitalityUnit" as const, id, orgPath: e.organization.path };
  const mayEdit = can(actor, "vitality.plan", resource);
  const systems = basicSystemsOf(e.model);
  const basic: Record<string, PlanRowDefaults> = {};
  for (const item of plan?.items ?? []) if (item.kind !== "CUSTOM") basic[item.kind] = item;
  const custom = (plan?.items ?? []).filter((i) => i.kind === "CUSTOM");
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`;
  const link = plan?.publicKey && plan.publishedOn ? `${origin}/plan/${plan.publicKey}` : null;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href={`/vitality/${id}`} className="text-sm text-primary hover:underline">
          {e.organization.name} · {e.year}
        </Link>
        <h1 className="text-2xl font-bold">{t("plan.title", { year: e.year })}</h1>
        <p className="text-sm text-muted-foreground">{t("plan.source", { model: t(`models.${e.model}`) })}</p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t("plan.publishTitle")}</CardTitle>
          <CardDescription>{t("plan.publishHint")}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {link ? (
            <Alert tone="success" data-testid="plan-published">
              {t("plan.publishedState", { date: isoDate(plan!.publishedOn!), how: plan!.announcedHow ?? "" })}{" "}
              <a href={link} className="break-all underline" data-testid="plan-link">
                {link}
              </a>
            </Alert>
          ) : (
            <p className="text-sm text-muted-foreground" data-testid="plan-unpublished">
              {t("plan.notPublished")}
            </p>
          )}
          {mayEdit && plan ? (
            <PublishPlanForm enrolmentId={id} defaults={{ on: plan.publishedOn ? isoDate(plan.publishedOn) : undefined, how: plan.announcedHow ?? undefined }} />
          ) : null}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("plan.formTitle")}</CardTitle>
          <CardDescription>{t("plan.formHint")}</CardDescription>
        </CardHeader>
        <CardContent>
          {mayEdit ? (
            <PlanForm enrolmentId={id} systems={systems} basic={basic} custom={custom} />
          ) : plan ? (
            <ol className="flex flex-col gap-3">
              {plan.items.map((item) => (
                <li key={item.id} className="rounded-md border p-3">
                  <p className="font-medium">
                    {item.title} <span className="text-sm text-muted-foreground">{t(`plan.kinds.${item.kind}`)}</span>
                  </p>
                  {item.status ? <p className="text-sm">{t("plan.status")}：{item.status}</p> : null}
                  <p className="text-sm">{t("plan.goal")}：{item.goal}</p>
                  {item.measures ? <p className="text-sm">{t("plan.measures")}：{item.measures}</p> : null}
                  {item.timeFrame ? <p className="text-sm">{t("plan.timeFrame")}：{item.timeFrame}</p> : null}
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-muted-foreground">{t("plan.none")}</p>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("plan.suggestionsTitle")}</CardTitle>
          <CardDescription>{t("plan.suggestionsHint")}</CardDescription>
        </CardHeader>
        <CardContent>
          {plan?.suggestions.length ? (
            <ul className="flex flex-col gap-2" data-testid="suggestions">
              {plan.suggestions.map((s) => (
                <li key={s.id} className="rounded-md border p-3 text-sm">
                  <span className="mr-2 text-muted-foreground">{isoDate(s.receivedOn)}</span>
                  <span className="whitespace-pre-line">{s.text}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted-foreground">{t("plan.noSuggestions")}</p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

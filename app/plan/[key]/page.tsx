/**
 * The members' page of a published plan (《实施方案》四.1 "年度工作内容和计划要向会员（代表）通报，计划实施过程要接受
 * 会员（代表）的日常监督"): reached by the plan's unguessable link, no account, outside the portal layout.
 * Phone-first; works with JavaScript off. Shows the plan and takes anonymous suggestions.
 */
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundError } from "@/lib/errors";
import { isoDate } from "@/lib/dates";
import { publicPlan } from "@/lib/vitality/plans";
import { SuggestionForm } from "./suggestion-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { referrer: "same-origin", robots: { index: false, follow: false } };

export default async function PublicPlanPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const t = await getTranslations("vitality");
  const te = await getTranslations("errors");
  let plan: Awaited<ReturnType<typeof publicPlan>> | null = null;
  try {
    plan = key.length <= 60 ? await publicPlan(key) : null;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-lg flex-col gap-6 p-4 text-lg">
      {!plan ? (
        <p role="alert" className="text-xl">
          {te("vitality.plan.notFound")}
        </p>
      ) : (
        <>
          <header className="flex flex-col gap-1">
            <h1 className="text-2xl font-semibold">{t("planPage.title", { year: plan.enrolment.year })}</h1>
            <p>{plan.enrolment.organization.name}</p>
            <p className="text-base text-muted-foreground">
              {t("planPage.published", { date: isoDate(plan.publishedOn!), how: plan.announcedHow ?? "" })} · {t(`models.${plan.enrolment.model}`)}
            </p>
            <p className="text-base text-muted-foreground">{t("planPage.source")}</p>
          </header>
          <ol className="flex flex-col gap-4" data-testid="public-plan">
            {plan.items.map((item) => (
              <li key={item.id} className="rounded-md border border-input p-4">
                <h2 className="text-xl font-medium">
                  {item.title}
                  <span className="ml-2 text-base font-normal text-muted-foreground">{t(`plan.kinds.${item.kind}`)}</span>
                </h2>
                <dl className="mt-2 flex flex-col gap-1">
                  {item.status ? (
                    <>
                      <dt className="text-base text-muted-foreground">{t("plan.status")}</dt>
                      <dd className="whitespace-pre-line">{item.status}</dd>
                    </>
                  ) : null}
                  <dt className="text-base text-muted-foreground">{t("plan.goal")}</dt>
                  <dd className="whitespace-pre-line">{item.goal}</dd>
                  {item.measures ? (
                    <>
                      <dt className="text-base text-muted-foreground">{t("plan.measures")}</dt>
                      <dd className="whitespace-pre-line">{item.measures}</dd>
                    </>
                  ) : null}
                  {item.timeFrame ? (
                    <>
                      <dt className="text-base text-muted-foreground">{t("plan.timeFrame")}</dt>
                      <dd>{item.timeFrame}</dd>
                    </>
                  ) : null}
                </dl>
              </li>
            ))}
          </ol>
          <section className="flex flex-col gap-3">
            <h2 className="text-xl font-semibold">{t("planPage.suggestTitle")}</h2>
            <SuggestionForm publicKey={key} />
          </section>
        </>
      )}
    </main>
  );
}

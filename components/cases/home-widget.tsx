/** Home-page card of the cases feature: the reviewer's queue and the applicant's open cases. */
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/authz/types";
import { can } from "@/lib/authz";
import { openCaseCount, queueCount } from "@/lib/cases/queries";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

export async function CasesHomeWidget({ actor }: { actor: Actor }) {
  const reviewer = can(actor, "case.queue", { type: "system" });
  const applicant = actor.roles.includes("CADRE");
  if (!reviewer && !applicant) return null;
  const t = await getTranslations();
  const [waiting, open] = await Promise.all([
    reviewer ? queueCount(actor) : Promise.resolve(0),
    applicant ? openCaseCount(actor.id) : Promise.resolve(0),
  ]);
  return (
    <Card data-testid="cases-widget">
      <CardHeader>
        <CardTitle>{t("cases.home.title")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-wrap gap-4">
        {reviewer ? (
          <Link href="/cases/queue" className="rounded-md border p-3 hover:bg-muted">
            <span className="block text-2xl font-bold">{waiting}</span>
            <span className="text-sm">{t("cases.home.waiting")}</span>
          </Link>
        ) : null}
        {applicant ? (
          <Link href="/cases" className="rounded-md border p-3 hover:bg-muted">
            <span className="block text-2xl font-bold">{open}</span>
            <span className="text-sm">{t("cases.home.open")}</span>
          </Link>
        ) : null}
      </CardContent>
    </Card>
  );
}

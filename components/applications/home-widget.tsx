/** Home-page card of the applications feature: the reviewer's queue and the applicant's open applications. */
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/authz/types";
import { can, mayAttempt } from "@/lib/authz";
import { openApplicationCount, queueCount } from "@/lib/applications/queries";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

export async function ApplicationsHomeWidget({ actor }: { actor: Actor }) {
  const reviewer = can(actor, "application.queue", { type: "system" });
  const applicant = mayAttempt(actor, "application.create");
  if (!reviewer && !applicant) return null;
  const t = await getTranslations();
  const [waiting, open] = await Promise.all([
    reviewer ? queueCount(actor) : Promise.resolve(0),
    applicant ? openApplicationCount(actor.id) : Promise.resolve(0),
  ]);
  return (
    <Card data-testid="applications-widget">
      <CardHeader>
        <CardTitle>{t("applications.home.title")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-wrap gap-4">
        {reviewer ? (
          <Link href="/applications/queue" className="rounded-md border p-3 hover:bg-muted">
            <span className="block text-2xl font-bold">{waiting}</span>
            <span className="text-sm">{t("applications.home.waiting")}</span>
          </Link>
        ) : null}
        {applicant ? (
          <Link href="/applications" className="rounded-md border p-3 hover:bg-muted">
            <span className="block text-2xl font-bold">{open}</span>
            <span className="text-sm">{t("applications.home.open")}</span>
          </Link>
        ) : null}
      </CardContent>
    </Card>
  );
}

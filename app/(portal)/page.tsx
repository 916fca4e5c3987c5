import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/server/action";
import { navFor } from "@/lib/nav";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { primaryRole } from "@/lib/roles";
import { ApplicationsHomeWidget } from "@/components/applications/home-widget";
import { FundHomeWidget } from "@/components/fund/home-widget";

/** The page's title in the browser tab (issue 11.12). */
export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("home") };
}

export default async function HomePage() {
  const actor = await guardPage("home.view", { type: "system" });
  const t = await getTranslations();
  const primary = primaryRole(actor);
  const links = navFor(actor).filter((i) => i.href !== "/");
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold" data-testid="home-title">
          {t(`home.${primary}`)}
        </h1>
        <p className="mt-1 text-muted-foreground">{t("home.welcome", { name: actor.displayName })}</p>
      </div>
      <Card>
        <CardContent className="grid gap-2 pt-4 sm:grid-cols-2 sm:pt-6">
          <div>
            <div className="text-xs text-muted-foreground">{t("home.yourOrg")}</div>
            <div className="font-medium">{actor.orgName}</div>
          </div>
          <div>
            <div className="text-xs text-muted-foreground">{t("home.yourRoles")}</div>
            <div className="flex flex-wrap gap-1">
              {actor.roles.map((r) => (
                <Badge key={r}>{t(`roles.${r}`)}</Badge>
              ))}
            </div>
          </div>
        </CardContent>
      </Card>
      <ApplicationsHomeWidget actor={actor} />
      <FundHomeWidget actor={actor} />
      <Card>
        <CardHeader>
          <CardTitle>{t("home.quickLinks")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="block rounded-md border p-3 hover:bg-muted">
                  {t(`nav.${l.label}`)}
                </Link>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
    </div>
  );
}

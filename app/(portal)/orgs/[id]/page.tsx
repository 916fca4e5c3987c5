import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/server/action";
import { getOrganization, organizationResource } from "@/lib/org/service";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { idParamOrNotFound } from "@/lib/server/params";

/** The page's title in the browser tab (issue 11.12). */
export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("orgs") };
}

export default async function OrgPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idParamOrNotFound((await params).id);
  await guardPage("org.view", () => organizationResource(id));
  const t = await getTranslations();
  const org = await getOrganization(id);
  if (!org) notFound();
  const rows: [string, React.ReactNode][] = [
    [t("orgs.code"), org.code],
    [t("orgs.type"), t(`orgTypes.${org.type}`)],
    [t("orgs.parent"), org.parent ? org.parent.name : t("orgs.none")],
    [t("orgs.unitNature"), org.unitNature ? t(`unitNature.${org.unitNature}`) : "—"],
    [t("orgs.ownership"), org.ownership ? t(`ownership.${org.ownership}`) : "—"],
    [t("orgs.staffCount"), org.staffCount ?? "—"],
  ];
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-2xl font-bold" data-testid="org-name">
          {org.name}
        </h1>
        {org.isDemo ? <Badge variant="warning">{t("orgs.demo")}</Badge> : null}
      </div>
      <Card>
        <CardContent className="pt-4 sm:pt-6">
          <dl className="grid gap-3 sm:grid-cols-2">
            {rows.map(([k, v]) => (
              <div key={k}>
                <dt className="text-xs text-muted-foreground">{k}</dt>
                <dd className="font-medium">{v}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("orgs.children")}</CardTitle>
        </CardHeader>
        <CardContent>
          {org.children.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("orgs.none")}</p>
          ) : (
            <ul className="grid gap-1 sm:grid-cols-2">
              {org.children.map((c) => (
                <li key={c.id}>
                  <Link className="text-primary hover:underline" href={`/orgs/${c.id}`}>
                    {c.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("orgs.users")}</CardTitle>
        </CardHeader>
        <CardContent>
          {org.users.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("orgs.none")}</p>
          ) : (
            <ul className="flex flex-col gap-1">
              {org.users.map((u) => (
                <li key={u.id} className="flex flex-wrap items-center gap-2 text-sm">
                  <span>{u.displayName}</span>
                  {u.roles.map((r) => (
                    <Badge key={r} variant="secondary">
                      {t(`roles.${r}`)}
                    </Badge>
                  ))}
                  {u.disabled ? <Badge variant="destructive">{t("common.disabled")}</Badge> : null}
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

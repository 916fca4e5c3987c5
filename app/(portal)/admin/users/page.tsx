import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/server/action";
import { listSubtree } from "@/lib/org/service";
import { listUsers, lockedUsernames } from "@/lib/users/service";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { CreateUserForm } from "./create-user-form";
import { UserRowActions } from "./user-row-actions";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("adminUsers") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const actor = await guardPage("user.manage", (a) => ({ type: "organization", id: a.organizationId, path: a.orgPath }));
  const t = await getTranslations();
  const q = (await searchParams).q;
  const query = typeof q === "string" ? q.slice(0, 60) : undefined;
  const [users, orgs] = await Promise.all([listUsers(actor, query), listSubtree(actor)]);
  const locked = await lockedUsernames(users.map((u) => u.username));
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("nav.adminUsers")}</h1>
      <Card>
        <CardHeader>
          <CardTitle>{t("admin.users.createTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <CreateUserForm orgs={orgs.map((o) => ({ id: o.id, name: o.name }))} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("admin.users.listTitle")}</CardTitle>
          <form className="flex gap-2" role="search">
            <label htmlFor="user-search" className="sr-only">
              {t("common.search")}
            </label>
            <Input id="user-search" name="q" defaultValue={query} placeholder={t("admin.users.searchPlaceholder")} maxLength={60} className="max-w-xs" />
            <Button type="submit" variant="outline">
              {t("common.search")}
            </Button>
          </form>
        </CardHeader>
        <CardContent>
          <Table label={t("admin.users.listTitle")}>
            <THead>
              <TR>
                <TH>{t("admin.users.username")}</TH>
                <TH>{t("admin.users.displayName")}</TH>
                <TH>{t("admin.users.organization")}</TH>
                <TH>{t("admin.users.roles")}</TH>
                <TH>{t("common.status")}</TH>
                <TH>{t("common.actions")}</TH>
              </TR>
            </THead>
            <TBody>
              {users.map((u) => (
                <TR key={u.id} data-testid={`user-row-${u.username}`}>
                  <TD className="font-mono text-xs">{u.username}</TD>
                  <TD>{u.displayName}</TD>
                  <TD className="text-xs">{u.organization.name}</TD>
                  <TD>
                    <div className="flex flex-wrap gap-1">
                      {u.roles.map((r) => (
                        <Badge key={r} variant="secondary">
                          {t(`roles.${r}`)}
                        </Badge>
                      ))}
                    </div>
                  </TD>
                  <TD>{u.disabled ? <Badge variant="destructive">{t("common.disabled")}</Badge> : <Badge variant="success">{t("common.enabled")}</Badge>}</TD>
                  <TD>
                    <UserRowActions userId={u.id} username={u.username} disabled={u.disabled} isSelf={u.id === actor.id} locked={locked.has(u.username)} />
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

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { guardPage } from "@/lib/server/action";
import { listSubtree } from "@/lib/org/service";
import { buildTree, type TreeNode } from "@/lib/org/tree";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CreateOrgForm } from "./create-org-form";

type Org = Awaited<ReturnType<typeof listSubtree>>[number];

export async function generateMetadata() {
  const t = await getTranslations("orgs");
  return { title: t("title") };
}

export default async function OrgsPage() {
  const actor = await guardPage("org.view", (a) => ({ type: "organization", id: a.organizationId, path: a.orgPath }));
  const t = await getTranslations();
  const orgs = await listSubtree(actor);
  const roots = buildTree(orgs);
  const canManage = can(actor, "org.manage", { type: "organization", id: actor.organizationId, path: actor.orgPath });

  const renderNode = (node: TreeNode<Org>) => (
    <li key={node.id} className="mt-1">
      <div className="flex flex-wrap items-center gap-2">
        <Link href={`/orgs/${node.id}`} className="font-medium text-primary hover:underline">
          {node.name}
        </Link>
        <Badge variant="secondary">{t(`orgTypes.${node.type}`)}</Badge>
        {node.type === "INDUSTRIAL_UNION" && node.industrialResident !== null ? (
          <Badge variant="outline">{node.industrialResident ? t("orgs.resident") : t("orgs.nonResident")}</Badge>
        ) : null}
        <span className="text-xs text-muted-foreground">{node.code}</span>
      </div>
      {node.children.length > 0 ? <ul className="ml-4 border-l pl-3">{node.children.map(renderNode)}</ul> : null}
    </li>
  );

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("orgs.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("orgs.subtitle")}</p>
      </div>
      <Card>
        <CardContent className="pt-4 sm:pt-6">
          <ul data-testid="org-tree">{roots.map(renderNode)}</ul>
        </CardContent>
      </Card>
      {canManage ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("admin.orgs.createTitle")}</CardTitle>
            <CardDescription>{t("admin.orgs.createHint")}</CardDescription>
          </CardHeader>
          <CardContent>
            <CreateOrgForm parents={orgs.filter((o) => o.type !== "GRASSROOTS_UNION").map((o) => ({ id: o.id, name: o.name, type: o.type }))} />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}

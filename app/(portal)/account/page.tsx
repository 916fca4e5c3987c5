import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/server/action";
import { db } from "@/lib/db";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ChangePasswordForm } from "./change-password-form";

export default async function AccountPage() {
  const actor = await guardPage("home.view", { type: "system" });
  const t = await getTranslations();
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { mustChangePassword: true, username: true } });
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("nav.account")}</h1>
      {user.mustChangePassword ? <Alert tone="warning">{t("admin.account.mustChange")}</Alert> : null}
      <Card>
        <CardHeader>
          <CardTitle>{t("admin.account.changeTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm />
        </CardContent>
      </Card>
    </div>
  );
}

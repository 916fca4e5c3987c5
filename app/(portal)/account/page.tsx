import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/server/action";
import { accountOf } from "@/lib/users/queries";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ChangePasswordForm } from "./change-password-form";

/** The page's title in the browser tab (issue 11.12). */
export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("account") };
}

export default async function AccountPage() {
  const actor = await guardPage("home.view", { type: "system" });
  const t = await getTranslations();
  const user = await accountOf(actor.id);
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

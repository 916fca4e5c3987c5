import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/server/action";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { ChangePasswordForm } from "../(portal)/account/change-password-form";
import { signOutAction } from "../(portal)/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("admin.account");
  return { title: t("changeTitle") };
}

/**
 * The only page an account with an initial or administrator-set password can
 * use (issue 10.1): every other page redirects here and every other action is
 * refused until the password is changed (lib/server/action.ts).
 */
export default async function ChangePasswordPage() {
  const actor = await requireActor({ allowTemporaryPassword: true });
  if (!actor.mustChangePassword) redirect("/account");
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md">
        <Card>
          <CardHeader>
            <h1 className="text-2xl font-semibold leading-tight">{t("admin.account.changeTitle")}</h1>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <Alert tone="warning">{t("admin.account.mustChange")}</Alert>
            <ChangePasswordForm />
            <div className="flex justify-end">
              <SignOutButton label={t("app.signOut")} action={signOutAction} />
            </div>
          </CardContent>
        </Card>
      </div>
    </main>
  );
}

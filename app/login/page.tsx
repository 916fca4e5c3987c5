import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { isDemoDatabase } from "@/lib/demo";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { LoginForm } from "./login-form";
import { setLocaleAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await getActor()) redirect("/");
  const { next } = await searchParams;
  const t = await getTranslations("login");
  const demo = await isDemoDatabase();
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm">
        <div className="mb-4 flex justify-end">
          <LocaleSwitch back="/login" action={setLocaleAction} />
        </div>
        <Card>
          <CardHeader>
            {/* An h1 of its own: nested in CardTitle's h2, the HTML parser splits the headings and hydration fails (typed input lost). */}
            <h1 className="text-2xl font-semibold leading-tight">{t("title")}</h1>
            <CardDescription>{t("subtitle")}</CardDescription>
          </CardHeader>
          <CardContent>
            <LoginForm next={typeof next === "string" ? next : undefined} />
            {demo ? <p className="mt-4 text-xs text-muted-foreground">{t("demoHint")}</p> : null}
          </CardContent>
        </Card>
      </div>
    </main>
  );
}

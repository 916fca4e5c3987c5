import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";

/**
 * The full-page message for 403 (`forbidden()`) and 404 (`notFound()`):
 * a title, one sentence and a way back home. `namespace` names the message
 * group in lib/i18n/messages (`forbidden` or `notFound`).
 */
export async function StatusPage({ namespace }: { namespace: "forbidden" | "notFound" }) {
  const t = await getTranslations(namespace);
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-muted-foreground">{t("body")}</p>
      <Link href="/" className={buttonVariants()}>
        {t("back")}
      </Link>
    </main>
  );
}

/** After an anonymous suggestion on a published plan (《实施方案》四.1): a plain confirmation, no account. */
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export const metadata: Metadata = { referrer: "same-origin", robots: { index: false, follow: false } };

export default async function SuggestionThanksPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const t = await getTranslations("vitality.planPage");
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-lg flex-col gap-6 p-4 text-lg">
      <h1 className="text-2xl font-semibold">{t("thanksTitle")}</h1>
      <p role="status" className="text-xl" data-testid="suggestion-receipt">
        {t("thanks")}
      </p>
      <p className="text-base text-muted-foreground">{t("anonymous")}</p>
      <Link href={`/plan/${encodeURIComponent(key.slice(0, 60))}`} className="text-primary underline">
        {t("back")}
      </Link>
    </main>
  );
}

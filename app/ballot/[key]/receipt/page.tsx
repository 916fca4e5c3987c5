/**
 * The member's receipt after casting (《实施方案》四.2): confirms the vote was counted, shows nothing that
 * could link it to the member (no number, no time, no answers).
 */
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { referrer: "same-origin", robots: { index: false, follow: false } };

export default async function ReceiptPage() {
  const t = await getTranslations("vitality.ballotPage");
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-lg flex-col gap-4 p-4 text-lg">
      <h1 className="text-2xl font-semibold" data-testid="ballot-receipt">{t("receiptTitle")}</h1>
      <p>{t("receiptBody")}</p>
    </main>
  );
}

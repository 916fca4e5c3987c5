/**
 * Public members' ballot page (《实施方案》四.2 无记名投票): reached by the QR code on a slip, no account.
 * Nothing here is logged; the page shows no figures while the ballot is open.
 */
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DomainError } from "@/lib/errors";
import { publicBallot } from "@/lib/vitality/ballots";
import { BallotForm } from "./ballot-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { referrer: "same-origin", robots: { index: false, follow: false } };

export default async function BallotPage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: Promise<{ c?: string | string[] }> }) {
  const { key } = await params;
  const { c } = await searchParams;
  const t = await getTranslations("vitality.ballotPage");
  const te = await getTranslations("errors");
  let ballot: Awaited<ReturnType<typeof publicBallot>> | null = null;
  try {
    ballot = key.length <= 60 ? await publicBallot(key) : null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-lg flex-col gap-6 p-4 text-lg">
      {!ballot ? (
        <p role="alert" className="text-xl">{te("vitality.ballot.notFound")}</p>
      ) : (
        <>
          <header className="flex flex-col gap-1">
            <h1 className="text-2xl font-semibold">{t("title")}</h1>
            <p>{ballot.unitName}</p>
            <p>{t("meeting", { name: ballot.meetingName, date: ballot.meetingDate.toISOString().slice(0, 10) })}</p>
            <p className="text-base text-muted-foreground">{t("source")}</p>
          </header>
          {ballot.status === "OPEN" ? (
            <BallotForm publicKey={key} code={typeof c === "string" ? c.slice(0, 40) : ""} items={ballot.items} />
          ) : (
            <p role="status" className="text-xl">{ballot.status === "DRAFT" ? t("notYetOpen") : t("closed")}</p>
          )}
        </>
      )}
    </main>
  );
}

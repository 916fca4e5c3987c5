import { dateFormatter } from "@/lib/i18n/dates";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/server/action";
import { readMeasureDetails } from "@/lib/applications/measures";
import { applicationResource } from "@/lib/applications/resource";
import { opinionLetterOf } from "@/lib/applications/measure-service";
import { Sheet } from "@/app/(portal)/applications/_components/print";
import { PrintButton } from "@/components/ui/print-button";
import { idParamOrNotFound } from "@/lib/server/params";

export async function generateMetadata() {
  const t = await getTranslations("applications.print");
  return { title: t("opinionLetterTitle") };
}

/**
 * 《基层工会干部权益保障意见书》 (art. 6): issued by the upper union to the
 * unit that adjusted or removed a union leader without due procedure, with a
 * rectification deadline.
 */
export default async function PrintOpinionLetterPage({ params }: { params: Promise<{ id: string; measureId: string }> }) {
  const raw = await params;
  const id = idParamOrNotFound(raw.id);
  const measureId = idParamOrNotFound(raw.measureId);
  await guardPage("application.view", () => applicationResource(id));
  const letter = await opinionLetterOf(id, measureId);
  if (!letter) notFound();
  const { measure, issuer } = letter;
  const details = readMeasureDetails(measure.details);
  const t = await getTranslations();
  const dates = await dateFormatter();
  const date = (d: Date | null) => (d ? dates.date(d) : "");
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2 print:hidden">
        <PrintButton />
        <Link href={`/applications/${id}`} className="text-sm text-primary underline">
          {t("applications.form.backToApplication")}
        </Link>
      </div>
      <Sheet label={t("applications.print.opinionLetterTitle")}>
        <h1 className="text-center text-2xl font-bold tracking-widest">{t("applications.print.opinionLetterTitle")}</h1>
        <p className="mt-3 text-center text-sm" data-testid="letter-number">
          {details.letterNumber}
        </p>
        <p className="mt-8 font-semibold">{t("applications.print.letterTo", { unit: details.unitName ?? "" })}</p>
        <p className="mt-4 indent-8">{t("applications.print.letterFacts", { name: measure.application.applicant.displayName, union: measure.application.organization.name, violation: details.violation ?? "" })}</p>
        <p className="mt-2 indent-8">{t("applications.print.letterBasis")}</p>
        <p className="mt-2 indent-8 whitespace-pre-wrap">{t("applications.print.letterRequirement", { requirement: details.requirement ?? "" })}</p>
        <p className="mt-2 indent-8 font-semibold" data-testid="letter-deadline">
          {t("applications.print.letterDeadline", { date: date(measure.dueOn) })}
        </p>
        <div className="mt-16 flex flex-col items-end gap-2">
          <span className="inline-flex h-24 w-24 items-center justify-center rounded-full border border-dashed border-black text-xs">{t("applications.print.seal")}</span>
          <span>{issuer?.name}</span>
          <span>{date(measure.startedOn)}</span>
        </div>
        <p className="mt-10 border-t border-black pt-2 text-xs">{t("applications.print.letterCc", { number: measure.application.number, union: measure.application.organization.name })}</p>
      </Sheet>
    </div>
  );
}

/**
 * The art. 2 verdict on an applicant, explained: who is covered, and each
 * reason someone is not. Shown before anything is filed and on draft applications.
 */
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import type { Eligibility } from "@/lib/applications/eligibility";
import type { CadrePosition } from "@/lib/generated/prisma/enums";

export function EligibilityPanel({
  eligibility,
  position,
  fullTime,
  orgName,
  reportingOrgName,
}: {
  eligibility: Eligibility;
  position: CadrePosition | null;
  fullTime: boolean;
  orgName: string;
  reportingOrgName: string | null;
}) {
  const t = useTranslations();
  return (
    <Alert tone={eligibility.eligible ? "success" : "error"} data-testid="eligibility" className="flex flex-col gap-2">
      <p className="font-semibold">{eligibility.eligible ? t("applications.eligibility.eligible") : t("applications.eligibility.ineligible")}</p>
      <dl className="grid gap-x-4 gap-y-1 text-xs sm:grid-cols-2">
        <div>
          <dt className="inline text-muted-foreground">{t("applications.form.position")}：</dt>
          <dd className="inline">{position ? t(`positions.${position}`) : "—"}（{fullTime ? t("applications.form.fullTime") : t("applications.form.partTime")}）</dd>
        </div>
        <div>
          <dt className="inline text-muted-foreground">{t("applications.form.organization")}：</dt>
          <dd className="inline">{orgName}</dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="inline text-muted-foreground">{t("applications.form.reportingOrg")}：</dt>
          <dd className="inline">{reportingOrgName ?? "—"}</dd>
        </div>
      </dl>
      {eligibility.problems.length > 0 ? (
        <ul className="list-disc pl-5 text-sm">
          {eligibility.problems.map((p) => (
            <li key={p}>{t(`applications.eligibility.problems.${p}`)}</li>
          ))}
        </ul>
      ) : (
        <p className="text-sm">{eligibility.byReference ? t("applications.eligibility.byReference") : t("applications.eligibility.covered")}</p>
      )}
      <p className="text-xs">{t("applications.eligibility.basis")}</p>
    </Alert>
  );
}

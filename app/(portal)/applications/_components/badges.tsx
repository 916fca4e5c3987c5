/** Status and deadline badges of an application (Chinese first, from the catalogue). */
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ApplicationStage, ApplicationStatus } from "@/lib/generated/prisma/enums";

const TONE: Record<ApplicationStatus, "default" | "secondary" | "success" | "warning" | "destructive" | "outline"> = {
  DRAFT: "outline",
  IN_REVIEW: "default",
  RETURNED: "warning",
  APPROVED: "success",
  REJECTED: "destructive",
  WITHDRAWN: "secondary",
};

/** "审核中 · 区市县/产业工会核实", "已退回补充材料（区市县…）", "已批准"… */
export function StatusBadge({ status, stage }: { status: ApplicationStatus; stage: ApplicationStage | null }) {
  const t = useTranslations("applications");
  const showStage = stage !== null && (status === "IN_REVIEW" || status === "RETURNED");
  return (
    <Badge variant={TONE[status]} data-testid="application-status">
      {t(`status.${status}`)}
      {showStage ? ` · ${t(`stage.${stage}`)}` : null}
    </Badge>
  );
}

export function OverdueBadge({ label }: { label: string }) {
  return (
    <Badge variant="destructive" className="whitespace-nowrap">
      {label}
    </Badge>
  );
}

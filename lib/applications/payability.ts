/**
 * Whether an application's payable can still be paid (pure, no I/O) — the
 * applications feature's payability rule, handed to the ledger through its
 * source hook (lib/applications/ledger-source.ts).
 */
import type { ApplicationStatus, PayableKind } from "@/lib/generated/prisma/enums";
import type { NeverPayable } from "@/lib/ledger/rules/payability";
import { isoDate } from "@/lib/dates";
import { defaultLocaleText } from "@/lib/notifications/text";
import { monthPayable } from "./schedule";

/** What decides whether a payable of an application can still be paid: its kind, due day and application. */
export type PayableApplication = { kind: PayableKind; dueOn: Date; applicationStatus: ApplicationStatus; reemployedOn: Date | null };

/**
 * Why a payable can never be paid, or null:
 * - "applicationNotApproved": the application is no longer APPROVED (第四条第3项:
 *   the office pays what was decided);
 * - "reemployed": an art. 17 month the cadre was re-employed in or before
 *   (第十七条 至重新领薪或工作为止 — the same `monthPayable` rule as the
 *   schedule and re-employment recording: one source of truth, so the ledger
 *   never pays what the schedule excludes).
 */
export function applicationPayability(input: PayableApplication): "applicationNotApproved" | "reemployed" | null {
  if (input.applicationStatus !== "APPROVED") return "applicationNotApproved";
  if (input.kind === "MONTHLY_SUPPORT" && input.reemployedOn && !monthPayable(input.dueOn, input.reemployedOn)) return "reemployed";
  return null;
}

/**
 * The ledger's answer for an application payable (lib/ledger/rules/payability.ts):
 * refused with fund.applicationNotApproved or fund.reemployed { date }, and —
 * after its payout is reversed — cancelled with the reason fund.reversalCancel.*
 * (in the default language, stored on the payable).
 * @returns null when the payable can still be paid
 */
export function applicationNeverPayable(input: PayableApplication): NeverPayable | null {
  const reason = applicationPayability(input);
  if (reason === null) return null;
  const date = input.reemployedOn ? isoDate(input.reemployedOn) : "";
  const cancelReason = (seq: number) => defaultLocaleText("fund.reversalCancel")(reason, { seq, date });
  return reason === "applicationNotApproved" ? { code: "fund.applicationNotApproved", values: {}, cancelReason } : { code: "fund.reemployed", values: { date }, cancelReason };
}

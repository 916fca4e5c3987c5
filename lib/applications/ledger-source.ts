/**
 * Approved applications as a source of payables for the ledger
 * (lib/ledger/sources.ts, registered by lib/plugins.ts): the applications
 * feature tells the ledger whether a payable can still be paid (第四条第3项,
 * 第十七条), who approved the money, how a payout is labelled and the
 * application numbers shown in the fund's lists. The feature uses the ledger;
 * the ledger never imports this feature.
 */
import type { SourceDefinition } from "@/lib/ledger/sources";
import { isoDate } from "@/lib/dates";
import { applicationNeverPayable } from "./payability";

/** The source type of payables owed for an approved application (Payable.sourceType). */
export const APPLICATION_SOURCE = "application";

/** The hooks of application payables. */
export const applicationSource: SourceDefinition = {
  type: APPLICATION_SOURCE,
  async neverPayable(tx, payable) {
    const app = await tx.application.findUniqueOrThrow({ where: { id: payable.sourceId }, select: { status: true, reemployedOn: true } });
    return applicationNeverPayable({ kind: payable.kind, dueOn: payable.dueOn, applicationStatus: app.status, reemployedOn: app.reemployedOn });
  },
  // The leading group's (or chairperson's meeting's) approval, 第十八条.
  async approverOf(tx, applicationId) {
    const approval = await tx.reviewRecord.findFirst({ where: { applicationId, action: "APPROVE" }, orderBy: { at: "desc" }, select: { actorId: true } });
    return approval?.actorId ?? null;
  },
  payoutMemo: (p) => (p.kind === "MONTHLY_SUPPORT" ? `第${p.instalmentNo}期（${isoDate(p.periodStart).slice(0, 7)}）` : "一次性补助"),
  async references(client, ids) {
    const apps = await client.application.findMany({ where: { id: { in: [...ids] } }, select: { id: true, number: true } });
    return new Map(apps.map((a) => [a.id, a.number]));
  },
};

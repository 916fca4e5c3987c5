/**
 * Sources of payables: what money is owed for (an approved aid application,
 * a vitality project…). Entries and payables name their source generically —
 * `sourceType` + `sourceId` — and the feature that owns a source type
 * registers its hooks here (lib/plugins.ts): whether a payable can ever be
 * paid (and so what it becomes after its payout is reversed), who approved
 * the money, the disbursement's memo and the reference numbers shown in lists.
 * The ledger imports no feature.
 */
import type { Tx } from "@/lib/db";
import type { PayableKind } from "@/lib/generated/prisma/enums";
import type { NeverPayable } from "./rules/payability";

/** The payable facts a source's hooks are given. */
export type PayableFacts = {
  id: number;
  sourceType: string;
  sourceId: number;
  kind: PayableKind;
  category: string;
  instalmentNo: number;
  periodStart: Date;
  dueOn: Date;
};

/** The hooks of one source type. */
export type SourceDefinition = {
  /** e.g. "application" (stored in Payable.sourceType / LedgerEntry.sourceType) */
  type: string;
  /**
   * Why this payable can never be paid (any more), or null. Called inside the
   * payment and the reversal transactions, after the payable's row lock, so the
   * answer reflects the committed source.
   */
  neverPayable(tx: Tx, payable: PayableFacts): Promise<NeverPayable | null>;
  /** who approved the money (LedgerEntry.approvedById of the payout), or null */
  approverOf(tx: Tx, sourceId: number): Promise<number | null>;
  /** memo of the payout entry (e.g. "第2期（2026-03）") */
  payoutMemo(payable: PayableFacts): string;
  /** reference numbers of sources for lists and reports (e.g. the application number), by id */
  references(client: Tx, ids: readonly number[]): Promise<Map<number, string>>;
};

const sources = new Map<string, SourceDefinition>();

/**
 * Register (or, on a hot reload, replace) the hooks of a source type.
 * Called by lib/plugins.ts; tests register their own sources.
 */
export function registerSource(definition: SourceDefinition): void {
  sources.set(definition.type, definition);
}

/**
 * The hooks of source type `type`.
 * @throws Error when no feature registered it (a wiring error: import "@/lib/plugins")
 */
export function sourceOf(type: string): SourceDefinition {
  const definition = sources.get(type);
  if (!definition) throw new Error(`ledger: source type "${type}" is not registered (import "@/lib/plugins" in this entry point)`);
  return definition;
}

/**
 * Reference numbers of mixed sources (e.g. ledger entries of several types), by "type:id".
 */
export async function sourceReferences(client: Tx, refs: readonly { sourceType: string | null; sourceId: number | null }[]): Promise<Map<string, string>> {
  const byType = new Map<string, Set<number>>();
  for (const r of refs) {
    if (r.sourceType === null || r.sourceId === null) continue;
    const ids = byType.get(r.sourceType) ?? new Set<number>();
    ids.add(r.sourceId);
    byType.set(r.sourceType, ids);
  }
  const out = new Map<string, string>();
  for (const [type, ids] of byType) {
    for (const [id, ref] of await sourceOf(type).references(client, [...ids])) out.set(`${type}:${id}`, ref);
  }
  return out;
}

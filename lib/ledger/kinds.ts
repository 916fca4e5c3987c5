/**
 * Kinds of fund. The ledger keeps every kind the same way (posting, locks,
 * reversal, settlement, rollover, verification); what differs is supplied by
 * the kind's feature, registered here at start (lib/plugins.ts):
 * - which organisation types hold a fund of the kind (rights protection:
 *   区市县工会以上工会领导机关, 《办法》第十一条);
 * - the annual inflow posted when a year opens (rights protection: the
 *   appropriation from the policy in force, 第十一条/第十三条; the vitality
 *   project fund, 《实施方案》六.5, will supply its own);
 * - the first year, the name and account subject of a new fund, and the
 *   reporting categories its payouts are split by.
 * The ledger imports no feature: features register, the ledger looks up.
 */
import type { Tx } from "@/lib/db";
import type { FundKind, OrgType } from "@/lib/generated/prisma/enums";
import type { Decimal } from "@/lib/money";

/** What a kind of fund supplies to the ledger. */
export type FundKindDefinition = {
  kind: FundKind;
  /** organisation types that hold a fund of this kind (one each) */
  holderTypes: ReadonlySet<OrgType>;
  /** earliest year a fund of this kind may open */
  firstYear: number;
  /** name and account subject (专门科目) of a new fund of `org` */
  naming(org: { name: string }): { name: string; accountSubject: string };
  /**
   * The annual inflow posted as the year's APPROPRIATION when `year` opens:
   * a positive amount (yuan) and the entry's memo citing its basis. Reads
   * policy data through `tx` (inside the posting transaction).
   * @throws DomainError when nothing can be appropriated (e.g. no policy in force)
   */
  annualInflow(tx: Tx, input: { orgType: OrgType; year: number }): Promise<{ amount: Decimal; memo: string }>;
  /** reporting categories of payouts (Payable.category), in report order */
  categories: readonly string[];
};

const kinds = new Map<FundKind, FundKindDefinition>();

/**
 * Register (or, on a hot reload, replace) the definition of a kind.
 * Called by lib/plugins.ts; tests register their own kinds.
 */
export function registerFundKind(definition: FundKindDefinition): void {
  kinds.set(definition.kind, definition);
}

/**
 * The definition of `kind`.
 * @throws Error when no feature registered it (a wiring error: import "@/lib/plugins")
 */
export function fundKind(kind: FundKind): FundKindDefinition {
  const definition = kinds.get(kind);
  if (!definition) throw new Error(`ledger: fund kind ${kind} is not registered (import "@/lib/plugins" in this entry point)`);
  return definition;
}

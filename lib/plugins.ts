/**
 * Where features plug into the engines. The ledger (lib/ledger) imports no
 * feature: each feature hands it what only the feature knows, here, once per
 * process —
 * - fund kinds: the rights protection fund (lib/fund/kind.ts; the vitality
 *   project fund, 《实施方案》六.5, registers next);
 * - payable sources: approved aid applications (lib/applications/ledger-source.ts).
 * Imported by every entry point (lib/server/action.ts: pages, actions, route
 * handlers), the seed, the benchmarks and the tests. Idempotent.
 */
import { registerFundKind } from "@/lib/ledger/kinds";
import { registerSource } from "@/lib/ledger/sources";
import { rightsProtectionFund } from "@/lib/fund/kind";
import { applicationSource } from "@/lib/applications/ledger-source";

registerFundKind(rightsProtectionFund);
registerSource(applicationSource);

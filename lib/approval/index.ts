/**
 * The review-chain engine: chains as data (./types.ts), the pure rules (./chain.ts) and the
 * generic persistence for chains that keep their items in ApprovalItem (./service.ts).
 * Features define chains; the engine imports no feature.
 */
export * from "./types";
export * from "./chain";

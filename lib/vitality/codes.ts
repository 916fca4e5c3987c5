/**
 * One-time ballot codes (四.2 无记名投票): high-entropy, printed on slips assigned to nobody,
 * stored only as sha256 hashes. No I/O.
 *
 * A code is 12 characters of Crockford's base32 (0-9, A-Z without I L O U): 60 bits from
 * crypto.randomBytes, printed as "ABCD-EFGH-JKMN". Reading it back ignores case, spaces and dashes,
 * and maps the look-alikes I/L → 1 and O → 0.
 */
import { createHash, randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** Characters of a code (5 bits each: 60 bits). */
export const CODE_LENGTH = 12;

/** A fresh random code, grouped for printing ("ABCD-EFGH-JKMN"). */
export function newBallotCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let out = "";
  for (let i = 0; i < CODE_LENGTH; i++) out += ALPHABET[bytes[i]! & 31];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
}

/** The canonical form of what a member typed or scanned, or null when it cannot be a code. */
export function normalizeBallotCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (s.length !== CODE_LENGTH) return null;
  for (const ch of s) if (!ALPHABET.includes(ch)) return null;
  return s;
}

/** sha256 hex of the canonical code — the only form stored (VitalityBallotCode.hash). */
export function hashBallotCode(canonical: string): string {
  return createHash("sha256").update(`vitality-ballot-code:${canonical}`).digest("hex");
}

/** An unguessable key for a ballot's public page (/ballot/<key>): 32 random bytes, base64url. */
export function newPublicKey(): string {
  return randomBytes(32).toString("base64url");
}

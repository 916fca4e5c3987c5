/**
 * Password hashing with argon2id (@node-rs/argon2), OWASP parameters
 * (19 MiB memory, 2 iterations, 1 lane).
 */
import { hash, verify } from "@node-rs/argon2";

// algorithm 2 = Algorithm.Argon2id (an ambient const enum, not importable under isolatedModules)
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verified against when the username is unknown, so timing does not reveal it.
let dummyHash: Promise<string> | undefined;

/** True when `password` matches `passwordHash` (or always false for a null hash, in constant-ish time). */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword("dummy-password-for-timing");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

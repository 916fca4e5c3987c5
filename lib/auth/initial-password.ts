/**
 * Initial passwords for accounts created by `org:import` or the first start of
 * a non-demo portal (issue 10.1): random per account, shown or written once,
 * and the account must change it at first sign-in.
 */
import { randomInt } from "node:crypto";

// No look-alikes (0/O, 1/l/I): the password is read off a sheet and typed.
const LETTERS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS = "23456789";
const ALPHABET = LETTERS + DIGITS;

/** A random password of `length` (≥ 12) characters with letters and digits (~5.8 bits each; 16 → ~93 bits). */
export function randomInitialPassword(length = 16): string {
  if (length < 12) throw new Error("initial passwords have at least 12 characters");
  for (;;) {
    let out = "";
    for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
    if (/[A-Za-z]/.test(out) && /\d/.test(out)) return out;
  }
}

/**
 * Money: yuan with 2 decimal places, as decimal.js values in rules and
 * numeric(14,2) in PostgreSQL (Prisma Decimal). Never a JavaScript float.
 * Prisma accepts these values (and strings) directly; `yuan()` converts Prisma's
 * Decimal back.
 */
import DecimalJs from "decimal.js";
import { z } from "zod";

/** decimal.js configured for money: 30 significant digits, half-up rounding. */
export const Decimal = DecimalJs.clone({ precision: 30, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = DecimalJs;
/** Anything that reads as an amount: string, Decimal, Prisma Decimal (and number literals in tests). */
export type DecimalValue = DecimalJs.Value | { toString(): string };

/** Largest amount numeric(14,2) holds, yuan. */
export const MAX_YUAN = new Decimal("999999999999.99");

/** Any decimal-like value (string, number literal in tests, Prisma Decimal) → yuan rounded to fen. */
export function yuan(value: DecimalValue): Decimal {
  return new Decimal(typeof value === "object" ? value.toString() : value).toDecimalPlaces(2);
}

export const ZERO = new Decimal(0);

/** Sum of amounts, yuan. */
export function sumYuan(values: Iterable<DecimalValue>): Decimal {
  let total = new Decimal(0);
  for (const v of values) total = total.plus(yuan(v));
  return total;
}

/** "12,345.60" — grouping with 2 decimals (the unit 元 / ¥ is added by the message). */
export function formatYuan(value: DecimalValue): string {
  const fixed = yuan(value).toFixed(2);
  const [int, frac] = fixed.replace("-", "").split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${fixed.startsWith("-") ? "-" : ""}${grouped}.${frac}`;
}

/** Form field: a non-negative amount in yuan with at most 2 decimals → Decimal. */
export const zYuan = z
  .string()
  .trim()
  .min(1)
  .regex(/^\d{1,12}(\.\d{1,2})?$/, "validation.money")
  .transform((s) => yuan(s));

/** Optional amount: "" → undefined. */
export const zOptionalYuan = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), zYuan.optional());

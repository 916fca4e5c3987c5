/**
 * Payment methods of a payout (第四条第3项: the office 具体办理基金的发放) — the
 * one list used by validation (the pay action, payPayable), the pay form, the
 * ledger page, the Excel export and the demo seed. Ledger rows store the key
 * (`LedgerEntry.method`); the labels live here, in both languages, and nowhere else.
 * Pure, no I/O.
 */
import { DomainError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";

/** Every payment method: stored key and its Chinese and English label. */
export const PAYMENT_METHODS = [
  { key: "BANK_TRANSFER", zh: "银行转账", en: "Bank transfer" },
  { key: "CASH", zh: "现金", en: "Cash" },
  { key: "CHEQUE", zh: "支票", en: "Cheque" },
] as const;

export type PaymentMethod = (typeof PAYMENT_METHODS)[number]["key"];

/** The keys, for `z.enum(PAYMENT_METHOD_KEYS)`. */
export const PAYMENT_METHOD_KEYS = PAYMENT_METHODS.map((m) => m.key) as [PaymentMethod, ...PaymentMethod[]];

/** The method preselected in the pay form. */
export const DEFAULT_PAYMENT_METHOD: PaymentMethod = "BANK_TRANSFER";

/** Is `value` a payment method key? */
export function isPaymentMethod(value: unknown): value is PaymentMethod {
  return typeof value === "string" && PAYMENT_METHODS.some((m) => m.key === value);
}

/**
 * A payment method key to store, or refuse.
 * @throws DomainError fund.methodInvalid { method }
 */
export function assertPaymentMethod(value: string): PaymentMethod {
  if (!isPaymentMethod(value)) throw new DomainError("fund.methodInvalid", { method: value });
  return value;
}

/**
 * The label of a stored method in `locale`. Rows recorded before the keys were
 * enforced may hold a Chinese label ("银行转账"): it is recognised and shown in
 * the user's language; anything else is shown as stored.
 */
export function paymentMethodLabel(stored: string, locale: Locale): string {
  const method = PAYMENT_METHODS.find((m) => m.key === stored || m.zh === stored || m.en === stored);
  if (!method) return stored;
  return locale === "en" ? method.en : method.zh;
}

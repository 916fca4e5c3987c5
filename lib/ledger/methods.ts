/**
 * Payment methods of a payout, for every kind of fund (the rights protection
 * fund: 第四条第3项 the office 具体办理基金的发放) — the
 * one list of keys used by validation (the pay action, payPayable), the pay
 * form, the ledger page, the Excel export, the demo seed and the bench. Ledger
 * rows store the key (`LedgerEntry.method`); the labels are messages
 * (`fund.methods.<KEY>` in lib/i18n/messages), like every other label.
 * Pure, no I/O.
 */
import { DomainError } from "@/lib/errors";

/** Every payment method key, in the order the pay form offers them. */
export const PAYMENT_METHODS = ["BANK_TRANSFER", "CASH", "CHEQUE"] as const;

export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** The method preselected in the pay form. */
export const DEFAULT_PAYMENT_METHOD: PaymentMethod = "BANK_TRANSFER";

/** Is `value` a payment method key? */
export function isPaymentMethod(value: unknown): value is PaymentMethod {
  return typeof value === "string" && (PAYMENT_METHODS as readonly string[]).includes(value);
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
 * The label of a stored method: the message `methods.<KEY>` through `t` (a
 * translator under "fund"); a value that is not a key is shown as stored.
 */
export function paymentMethodLabel(stored: string, t: (key: `methods.${PaymentMethod}`) => string): string {
  return isPaymentMethod(stored) ? t(`methods.${stored}`) : stored;
}

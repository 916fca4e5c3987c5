/**
 * Money rules of 《办法》 art. 15–17 (pure, no I/O).
 *
 * The limits are policy data (PolicyVersion, art. 19: the leading group may
 * change them); an application is always checked against the version fixed on it at
 * submission, never against constants.
 */
import { DomainError } from "@/lib/errors";
import type { AidArticle } from "@/lib/generated/prisma/enums";
import { formatYuan, yuan, type Decimal } from "@/lib/money";

/** The money limits of one PolicyVersion (yuan as Decimal or Prisma Decimal; months as integers). */
export type AidLimits = {
  /** art. 15 lower bound of the one-off subsidy, yuan */
  unfairTreatmentSubsidyMin: { toString(): string };
  /** art. 15 upper bound, yuan */
  unfairTreatmentSubsidyMax: { toString(): string };
  /** art. 16 ceiling of the one-off subsidy, yuan */
  retaliationSubsidyMax: { toString(): string };
  /** art. 17 maximum months of minimum-wage support */
  minimumWageSupportMaxMonths: number;
};

/** What an article grants, for checks and for the explanation shown in the UI. */
export type AidRule =
  | { article: "ART15"; kind: "oneOffRange"; min: Decimal; max: Decimal }
  | { article: "ART16"; kind: "oneOffCeiling"; max: Decimal }
  | { article: "ART17"; kind: "monthlySupport"; maxMonths: number };

/** The rule of `article` under `limits` (art. 15: range; art. 16: ceiling; art. 17: months). */
export function aidRule(article: AidArticle, limits: AidLimits): AidRule {
  switch (article) {
    case "ART15":
      return { article, kind: "oneOffRange", min: yuan(limits.unfairTreatmentSubsidyMin), max: yuan(limits.unfairTreatmentSubsidyMax) };
    case "ART16":
      return { article, kind: "oneOffCeiling", max: yuan(limits.retaliationSubsidyMax) };
    case "ART17":
      return { article, kind: "monthlySupport", maxMonths: limits.minimumWageSupportMaxMonths };
  }
}

/** A requested, proposed or approved amount: yuan for art. 15/16, months for art. 17. */
export type AidQuantity = { amount?: Decimal | null; months?: number | null };

/**
 * Check an amount (art. 15/16) or a number of months (art. 17) against the limits.
 * - art. 15: min ≤ amount ≤ max (第十五条 1000—3000元), e.g. 999 and 3001 are refused, 1000 and 3000 pass;
 * - art. 16: 0 < amount ≤ max (第十六条 不超过3000元);
 * - art. 17: 1 ≤ months ≤ minimumWageSupportMaxMonths (第十七条 最长不超过六个月), e.g. 7 is refused.
 * @returns the normalised quantity (amount rounded to fen; months for art. 17)
 * @throws DomainError application.amountRequired | application.amountOutOfRange15 {min,max} | application.amountOverMax16 {max} |
 *   application.amountNotPositive | application.monthsRequired | application.monthsOutOfRange {max}
 */
export function checkAidQuantity(article: AidArticle, quantity: AidQuantity, limits: AidLimits): { amount: Decimal | null; months: number | null } {
  const rule = aidRule(article, limits);
  if (rule.kind === "monthlySupport") {
    const months = quantity.months;
    if (months === undefined || months === null) throw new DomainError("application.monthsRequired");
    if (!Number.isInteger(months) || months < 1 || months > rule.maxMonths) throw new DomainError("application.monthsOutOfRange", { max: rule.maxMonths });
    return { amount: null, months };
  }
  if (quantity.amount === undefined || quantity.amount === null) throw new DomainError("application.amountRequired");
  const amount = yuan(quantity.amount);
  if (rule.kind === "oneOffRange") {
    if (amount.lessThan(rule.min) || amount.greaterThan(rule.max)) {
      throw new DomainError("application.amountOutOfRange15", { min: formatYuan(rule.min), max: formatYuan(rule.max) });
    }
    return { amount, months: null };
  }
  if (amount.lessThanOrEqualTo(0)) throw new DomainError("application.amountNotPositive");
  if (amount.greaterThan(rule.max)) throw new DomainError("application.amountOverMax16", { max: formatYuan(rule.max) });
  return { amount, months: null };
}

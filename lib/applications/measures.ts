/**
 * Protective measures an upper-level union takes on an application (《办法》第六条至第十条), pure:
 * the kind-specific details (validated JSON in ProtectiveMeasure.details), the
 * art. 7 compensation calculator and the overdue rule.
 *
 * - art. 6  违反规定程序擅自调整或撤销基层工会领导干部 → 下发《基层工会干部权益保障意见书》，要求限期整改
 *           (letter number, unit, rectification deadline = dueOn, required);
 * - art. 7  因履行职责被解除劳动合同 → 提请劳动保障部门责令恢复工作并补发报酬，或给予本人年收入二倍的赔偿;
 * - art. 8  无正当理由调动工作岗位、打击报复 → 提请责令改正、恢复原工作，帮助取得赔偿;
 * - art. 9  失业而有就业愿望和能力 → 再就业帮助，工会职业介绍机构优先、免费提供岗位;
 * - art. 10 劳动争议仲裁已受理 → 指派法律志愿者无偿法律援助或代付诉讼费用.
 */
import { z } from "zod";
import type { MeasureKind, MeasureStatus } from "@/lib/generated/prisma/enums";
import { yuan, zOptionalYuan, type Decimal } from "@/lib/money";
import { zDate, zId, zOptionalDate, zOptionalText, zText } from "@/lib/validation";

/** The article each measure kind implements. */
export const MEASURE_ARTICLE: Record<MeasureKind, number> = {
  ART6_OPINION_LETTER: 6,
  ART7_LABOUR_AUTHORITY: 7,
  ART8_TRANSFER_CORRECTION: 8,
  ART9_REEMPLOYMENT: 9,
  ART10_LEGAL_AID: 10,
};

/**
 * Art. 7 calculator: compensation = 2 × the cadre's annual income ("年收入二倍的赔偿").
 * @param annualIncome yuan per year
 * @returns yuan, rounded to fen
 */
export function art7Compensation(annualIncome: Decimal | { toString(): string }): Decimal {
  return yuan(annualIncome).times(2).toDecimalPlaces(2);
}

/** Kind-specific fields (stored as JSON; money as strings of yuan). */
export const MEASURE_DETAILS = {
  ART6_OPINION_LETTER: z.object({
    letterNumber: zText(40),
    unitName: zText(120),
    violation: zText(1000),
    requirement: zText(1000),
  }),
  ART7_LABOUR_AUTHORITY: z.object({
    authority: zText(120),
    remedy: z.enum(["REINSTATEMENT", "COMPENSATION"]),
    annualIncome: zOptionalYuan,
  }),
  ART8_TRANSFER_CORRECTION: z.object({
    authority: zText(120),
    originalPost: zText(100),
    transferredTo: zText(100),
  }),
  ART9_REEMPLOYMENT: z.object({
    agency: zText(120),
    placement: zOptionalText(200),
  }),
  ART10_LEGAL_AID: z.object({
    mode: z.enum(["VOLUNTEER_LAWYER", "LITIGATION_COSTS"]),
    disputeCaseNumber: zText(60),
    lawyerName: zOptionalText(60),
    litigationCosts: zOptionalYuan,
  }),
} satisfies Record<MeasureKind, z.ZodObject>;

const common = {
  applicationId: zId,
  startedOn: zDate,
  dueOn: zOptionalDate,
  note: zOptionalText(2000),
};

/** Form input of a new measure: the common fields plus the kind's details. */
export const newMeasureSchema = z.discriminatedUnion("kind", [
  // art. 6: the rectification deadline is part of the letter
  z.object({ ...common, dueOn: zDate, kind: z.literal("ART6_OPINION_LETTER"), ...MEASURE_DETAILS.ART6_OPINION_LETTER.shape }),
  z
    .object({ ...common, kind: z.literal("ART7_LABOUR_AUTHORITY"), ...MEASURE_DETAILS.ART7_LABOUR_AUTHORITY.shape })
    .refine((v) => v.remedy !== "COMPENSATION" || v.annualIncome !== undefined, { path: ["annualIncome"], message: "validation.applicationAnnualIncome" }),
  z.object({ ...common, kind: z.literal("ART8_TRANSFER_CORRECTION"), ...MEASURE_DETAILS.ART8_TRANSFER_CORRECTION.shape }),
  z.object({ ...common, kind: z.literal("ART9_REEMPLOYMENT"), ...MEASURE_DETAILS.ART9_REEMPLOYMENT.shape }),
  z
    .object({ ...common, kind: z.literal("ART10_LEGAL_AID"), ...MEASURE_DETAILS.ART10_LEGAL_AID.shape })
    .refine((v) => v.mode !== "VOLUNTEER_LAWYER" || v.lawyerName !== undefined, { path: ["lawyerName"], message: "validation.applicationLawyer" })
    .refine((v) => v.mode !== "LITIGATION_COSTS" || v.litigationCosts !== undefined, { path: ["litigationCosts"], message: "validation.applicationLitigationCosts" }),
]);
export type NewMeasureInput = z.output<typeof newMeasureSchema>;

/** JSON-safe details of a measure, as stored: money as yuan strings, art. 7 compensation computed. */
export type MeasureDetails = Record<string, string>;

/** Split a new measure's input into its stored details (only the kind's own fields). */
export function measureDetailsOf(input: NewMeasureInput): MeasureDetails {
  const keys = Object.keys(MEASURE_DETAILS[input.kind].shape);
  const details: MeasureDetails = {};
  for (const key of keys) {
    const value = (input as Record<string, unknown>)[key];
    if (value === undefined || value === null) continue;
    details[key] = typeof value === "object" ? yuan(value as Decimal).toFixed(2) : String(value);
  }
  if (input.kind === "ART7_LABOUR_AUTHORITY" && input.remedy === "COMPENSATION" && input.annualIncome) {
    details.compensation = art7Compensation(input.annualIncome).toFixed(2);
  }
  return details;
}

/** Read stored details back (tolerates unknown keys; money stays as strings). */
export function readMeasureDetails(raw: unknown): MeasureDetails {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return {};
  return Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter(([, v]) => typeof v === "string")) as MeasureDetails;
}

/**
 * An OPEN measure past its due date is overdue (for art. 6: the unit did not
 * rectify within the deadline of the opinion letter).
 * @param today calendar day (UTC midnight)
 */
export function measureOverdue(measure: { status: MeasureStatus; dueOn: Date | null }, today: Date): boolean {
  return measure.status === "OPEN" && measure.dueOn !== null && measure.dueOn.getTime() < today.getTime();
}

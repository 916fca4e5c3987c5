/**
 * The fields of 《大连市基层工会干部权益保障基金申报表》 (art. 18.1) as zod
 * schemas, pure. The applicant, organisation, position and full-time status come
 * from the signed-in cadre's record (art. 2), not from the form; the money
 * limits are checked against the policy version by the service (art. 15–17, 19).
 */
import { z } from "zod";
import { AidArticle } from "@/lib/generated/prisma/enums";
import { zOptionalYuan } from "@/lib/money";
import { MAX_INT4, zDate, zId, zInt, zOptionalDate, zOptionalInt, zOptionalText, zText } from "@/lib/validation";
import { todayInChina } from "@/lib/dates";
import { eventTypeFits } from "./event-types";

const notInFuture = (d: Date) => d.getTime() <= todayInChina().getTime();

/** A record version from a hidden form field (optimistic concurrency). */
export const zVersion = zInt(0, MAX_INT4);

const fields = {
  article: z.enum(AidArticle),
  eventType: zText(40),
  eventDate: zDate.refine(notInFuture, "validation.applicationFutureDate"),
  eventDescription: zText(4000),
  harmDescription: zText(4000),
  /** art. 15/16, yuan */
  requestedAmount: zOptionalYuan,
  /** art. 17, months (the range is checked against the policy version) */
  requestedMonths: zOptionalInt(1, 99),
  /** art. 17: first day without pay */
  unemployedFrom: zOptionalDate.refine((d) => d === undefined || notInFuture(d), "validation.applicationFutureDate"),
  phone: zOptionalText(30).pipe(z.string().regex(/^[0-9+\-() ]{5,30}$/, "validation.phone").optional()),
  bankName: zText(100),
  bankAccountName: zText(60),
  bankAccountNumber: z
    .string()
    .trim()
    .regex(/^[0-9 ]{8,40}$/, "validation.applicationBankAccount")
    .transform((s) => s.replace(/ /g, "")),
};

type Fields = z.output<z.ZodObject<typeof fields>>;

function refine(v: Fields, ctx: z.RefinementCtx) {
  if (!eventTypeFits(v.article, v.eventType)) ctx.addIssue({ code: "custom", path: ["eventType"], message: "validation.applicationEventType" });
  if (v.article === "ART17") {
    if (v.requestedMonths === undefined) ctx.addIssue({ code: "custom", path: ["requestedMonths"], message: "validation.applicationMonthsRequired" });
    if (v.unemployedFrom === undefined) ctx.addIssue({ code: "custom", path: ["unemployedFrom"], message: "validation.applicationUnemployedFrom" });
    else if (v.unemployedFrom.getTime() < v.eventDate.getTime()) {
      ctx.addIssue({ code: "custom", path: ["unemployedFrom"], message: "validation.applicationUnemployedBeforeEvent" });
    }
  } else if (v.requestedAmount === undefined) {
    ctx.addIssue({ code: "custom", path: ["requestedAmount"], message: "validation.applicationAmountRequired" });
  }
}

/** Only the quantity of the chosen article is kept (art. 15/16: yuan; art. 17: months from a date). */
function keepArticleQuantity<T extends Fields>(v: T): T {
  return v.article === "ART17" ? { ...v, requestedAmount: undefined } : { ...v, requestedMonths: undefined, unemployedFrom: undefined };
}

/** A new application. */
export const applicationFormSchema = z.object(fields).superRefine(refine).transform(keepArticleQuantity);
export type ApplicationForm = z.output<typeof applicationFormSchema>;

/** An edit of a draft or returned application: the form plus the application id and the version the applicant saw. */
export const applicationEditSchema = z
  .object({ ...fields, applicationId: zId, version: zVersion })
  .superRefine(refine)
  .transform(keepArticleQuantity);

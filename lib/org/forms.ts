/**
 * The zod schema of the new-organisation form: parsed by the server action
 * (app/(portal)/orgs/actions.ts) and validated in the browser with the same schema.
 */
import { z } from "zod";
import { OrgType, Ownership, UnitNature } from "@/lib/generated/prisma/enums";
import { zId, zOptionalInt, zOptionalText, zText } from "@/lib/validation";

const optionalEnum = <T extends Record<string, string>>(e: T) => z.preprocess((v) => (v === "" ? undefined : v), z.enum(e).optional());

/** A new organisation under `parentId` (never a second city federation). */
export const createOrgSchema = z.object({
  parentId: zId,
  code: z.string().trim().regex(/^[A-Za-z0-9-]{2,40}$/, "validation.invalid"),
  name: zText(120),
  nameEn: zOptionalText(160),
  type: z.enum(OrgType).exclude(["CITY_FEDERATION"]),
  industrialResident: z.preprocess((v) => (v === "" || v === undefined ? undefined : v === "true"), z.boolean().optional()),
  unitNature: optionalEnum(UnitNature),
  ownership: optionalEnum(Ownership),
  staffCount: zOptionalInt(0, 1_000_000),
});

"use server";

import { z } from "zod";
import { OrgType, Ownership, UnitNature } from "@/lib/generated/prisma/enums";
import { createOrganization, organizationResource } from "@/lib/org/service";
import { defineAction } from "@/lib/server/action";
import { zId, zOptionalInt, zOptionalText, zText } from "@/lib/validation";

const optionalEnum = <T extends Record<string, string>>(e: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(e).optional());

export const createOrgAction = defineAction({
  schema: z.object({
    parentId: zId,
    code: z.string().trim().regex(/^[A-Za-z0-9-]{2,40}$/, "validation.invalid"),
    name: zText(120),
    nameEn: zOptionalText(160),
    type: z.enum(OrgType).exclude(["CITY_FEDERATION"]),
    industrialResident: z.preprocess((v) => (v === "" || v === undefined ? undefined : v === "true"), z.boolean().optional()),
    unitNature: optionalEnum(UnitNature),
    ownership: optionalEnum(Ownership),
    staffCount: zOptionalInt(0, 1_000_000),
  }),
  permission: "org.manage",
  // Creating under a parent = managing that parent: it must be in the admin's subtree.
  resource: (input) => organizationResource(input.parentId),
  run: ({ input, ctx }) => createOrganization(ctx, { ...input, code: input.code.toUpperCase() }),
  successMessage: "admin.orgs.created",
  revalidate: () => ["/orgs"],
});

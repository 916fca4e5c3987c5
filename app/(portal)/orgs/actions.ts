"use server";

import { createOrgSchema } from "@/lib/org/forms";
import { createOrganization, organizationResource } from "@/lib/org/service";
import { defineAction } from "@/lib/server/action";

export const createOrgAction = defineAction({
  schema: createOrgSchema,
  permission: "org.manage",
  // Creating under a parent = managing that parent: it must be in the admin's subtree.
  resource: (input) => organizationResource(input.parentId),
  run: ({ input, ctx }) => createOrganization(ctx, { ...input, code: input.code.toUpperCase() }),
  successMessage: "admin.orgs.created",
  revalidate: () => ["/orgs"],
});

/** Read side of organisations for pages and the shell. */
import { db } from "@/lib/db";

/** Whether organisation `id` is demo data (the shell shows the demo banner). */
export async function isDemoOrganization(id: number): Promise<boolean> {
  const org = await db().organization.findUnique({ where: { id }, select: { isDemo: true } });
  return org?.isDemo ?? false;
}

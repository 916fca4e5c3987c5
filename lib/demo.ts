/**
 * Demo mode: the database holds the demo data (organisations marked isDemo,
 * loaded by prisma/seed.ts unless PORTAL_DEMO=off). Only then does the portal
 * show the demo banner and the sign-in page's hint about the published demo
 * password (issue 10.1).
 */
import { db } from "@/lib/db";

/** True when the portal's database holds demo data. */
export async function isDemoDatabase(): Promise<boolean> {
  return (await db().organization.count({ where: { isDemo: true }, take: 1 })) > 0;
}

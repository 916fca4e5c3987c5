/**
 * Test fixtures on a real database: a small organisation tree and users with
 * unique codes, so test files never collide. Everything is created through the
 * same services the app uses (audited).
 */
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/authz/types";
import { actorFromUser } from "@/lib/authz/actor";
import { systemContext, type RequestContext } from "@/lib/audit/writer";
import { db } from "@/lib/db";
import type { CadrePosition, OrgType, Role } from "@/lib/generated/prisma/enums";
import { insertOrganization } from "@/lib/org/service";
import { hashPassword } from "@/lib/auth/password";

let passwordHash: Promise<string> | undefined;
export const FIXTURE_PASSWORD = "Fixture123";

export function uniq(prefix = "T"): string {
  return `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
}

export async function createOrg(type: OrgType, parentId: number | null, name?: string) {
  return db().$transaction((tx) => insertOrganization(tx, { code: uniq(type.slice(0, 3)), name: name ?? uniq("组织"), type, parentId }));
}

/** A city → district → grassroots tree (plus a second district) for one test file. */
export async function createTree() {
  const city = await createOrg("CITY_FEDERATION", null, "测试市总工会");
  const district = await createOrg("DISTRICT_FEDERATION", city.id, "测试甲区总工会");
  const otherDistrict = await createOrg("DISTRICT_FEDERATION", city.id, "测试乙区总工会");
  const grassroots = await createOrg("GRASSROOTS_UNION", district.id, "测试甲区企业工会");
  const otherGrassroots = await createOrg("GRASSROOTS_UNION", otherDistrict.id, "测试乙区企业工会");
  return { city, district, otherDistrict, grassroots, otherGrassroots };
}

export async function createUser(
  organizationId: number,
  roles: Role[],
  extra: { position?: CadrePosition; fullTime?: boolean; username?: string } = {},
) {
  passwordHash ??= hashPassword(FIXTURE_PASSWORD);
  return db().user.create({
    data: {
      username: extra.username ?? uniq("u").toLowerCase(),
      displayName: uniq("用户"),
      passwordHash: await passwordHash,
      organizationId,
      roles,
      position: extra.position,
      fullTime: extra.fullTime ?? false,
    },
    include: { organization: true },
  });
}

/** The Actor the authorization gate would build for `user`. */
export function actorOf(user: Awaited<ReturnType<typeof createUser>>): Actor {
  return actorFromUser(user);
}

export function ctxOf(actor: Actor | null): RequestContext {
  return actor ? { actor, requestId: randomUUID() } : systemContext();
}

/**
 * The policy of 《办法》 as seeded (art. 15 1000–3000, art. 16 ≤ 3000, art. 17 ≤ 6
 * months, art. 11 funds 300,000 / 100,000), created when the test database has none.
 */
export async function ensurePolicy() {
  const existing = await db().policyVersion.findFirst({ where: { effectiveFrom: { lte: new Date("2009-01-01T00:00:00Z") } }, orderBy: { effectiveFrom: "desc" } });
  if (existing) return existing;
  return db().policyVersion.create({
    data: {
      code: uniq("DGF"),
      title: "《大连市基层工会干部权益保障办法》（测试）",
      effectiveFrom: new Date("2008-09-18T00:00:00Z"),
      unfairTreatmentSubsidyMin: "1000.00",
      unfairTreatmentSubsidyMax: "3000.00",
      retaliationSubsidyMax: "3000.00",
      minimumWageSupportMaxMonths: 6,
      cityFundAnnual: "300000.00",
      districtFundAnnual: "100000.00",
    },
  });
}

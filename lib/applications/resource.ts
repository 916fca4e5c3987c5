/**
 * Loading what the rules need from the database: the authorization resource of
 * an application, the applicant's eligibility context (art. 2) and the organisations
 * on a path (reporting org, city federation, wage tier).
 */
import type { Resource } from "@/lib/authz/types";
import { db, type Tx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { CadrePosition, ApplicationStage, ApplicationStatus, OrgType } from "@/lib/generated/prisma/enums";
import { pathIds, reportingOrgOf } from "@/lib/org/tree";
import { checkEligibility, type Eligibility } from "./eligibility";
import { wageTierOf } from "./schedule";

export type ApplicationResource = Extract<Resource, { type: "application" }>;

/** The gate's view of a loaded application. */
export function toApplicationResource(app: {
  id: number;
  applicantId: number;
  status: ApplicationStatus;
  stage: ApplicationStage | null;
  organization: { path: string };
  reportingOrg: { path: string };
}): ApplicationResource {
  return {
    type: "application",
    id: app.id,
    applicantId: app.applicantId,
    orgPath: app.organization.path,
    reportingOrgPath: app.reportingOrg.path,
    stage: app.stage,
    status: app.status,
  };
}

const RESOURCE_SELECT = {
  id: true,
  applicantId: true,
  status: true,
  stage: true,
  organization: { select: { path: true } },
  reportingOrg: { select: { path: true } },
} as const;

/**
 * Authorization resource of application `id`.
 * @throws NotFoundError when there is no such application
 */
export async function applicationResource(id: number, client: Tx = db()): Promise<ApplicationResource> {
  const app = await client.application.findUnique({ where: { id }, select: RESOURCE_SELECT });
  if (!app) throw new NotFoundError();
  return toApplicationResource(app);
}

/** The organisations on `path` (root first). */
export async function orgsOnPath(client: Tx, path: string) {
  const ids = pathIds(path);
  const rows = await client.organization.findMany({
    where: { id: { in: ids } },
    select: { id: true, parentId: true, type: true, path: true, name: true, wageTier: true },
  });
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is NonNullable<typeof r> => r !== undefined);
}

export type ApplicantContext = {
  user: { id: number; displayName: string; position: CadrePosition | null; fullTime: boolean; phone: string | null };
  organization: { id: number; name: string; type: OrgType; path: string };
  /** art. 18.1 the district/county, pilot-zone federation or industrial union it reports to */
  reportingOrg: { id: number; name: string; path: string } | null;
  /** minimum-wage tier for art. 17 (inherited from the nearest ancestor) */
  wageTier: string | null;
  eligibility: Eligibility;
};

/**
 * Everything art. 2 and art. 18.1 need about an applicant: position, full-time
 * status, own union, the union it reports to and the eligibility verdict.
 * Affiliation to the city ("工会组织关系隶属于大连市") = the union reports to a
 * district/pilot-zone federation or industrial union under a city federation.
 * @throws NotFoundError unknown user
 */
export async function applicantContext(client: Tx, userId: number): Promise<ApplicantContext> {
  const user = await client.user.findUnique({
    where: { id: userId },
    select: { id: true, displayName: true, position: true, fullTime: true, phone: true, organization: { select: { id: true, name: true, type: true, path: true } } },
  });
  if (!user) throw new NotFoundError();
  const chain = await orgsOnPath(client, user.organization.path);
  const byId = new Map(chain.map((o) => [o.id, o]));
  const reporting = reportingOrgOf(user.organization.path, byId);
  const affiliated = reporting !== null && chain[0]?.type === "CITY_FEDERATION";
  const { organization, ...person } = user;
  return {
    user: person,
    organization,
    reportingOrg: reporting ? { id: reporting.id, name: reporting.name, path: reporting.path } : null,
    wageTier: wageTierOf(organization.path, byId),
    eligibility: checkEligibility({ position: user.position, fullTime: user.fullTime, orgType: organization.type, affiliated }),
  };
}

/** The city federation on `path` (the root of the tree an application belongs to). @throws NotFoundError */
export async function cityFederationOf(client: Tx, path: string) {
  const city = (await orgsOnPath(client, path)).find((o) => o.type === "CITY_FEDERATION");
  if (!city) throw new NotFoundError();
  return city;
}

/**
 * An application with what every mutation needs (paths for the gate, its policy version).
 * @throws NotFoundError when there is no such application
 */
export async function loadApplication(client: Tx, id: number) {
  const app = await client.application.findUnique({
    where: { id },
    include: { organization: { select: { path: true } }, reportingOrg: { select: { path: true } }, policyVersion: true },
  });
  if (!app) throw new NotFoundError();
  return app;
}

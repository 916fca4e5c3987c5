/**
 * Who may apply (《办法》第二条), pure.
 *
 * Para. 1: the chairperson, vice-chairpersons and other full-time union cadres
 * of a grassroots union whose union affiliation belongs to the city.
 * Para. 2: cadres of regional/industry federations and joint grassroots unions
 * "参照本办法执行" (by reference).
 */
import type { CadrePosition, OrgType } from "@/lib/generated/prisma/enums";
import { GRASSROOTS_TYPES } from "@/lib/org/tree";

export type EligibilityInput = {
  position: CadrePosition | null;
  fullTime: boolean;
  /** type of the applicant's own union */
  orgType: OrgType;
  /** the union reports to a district/pilot-zone federation or an industrial union under the city (art. 2 "隶属于大连市") */
  affiliated: boolean;
};

/** Why someone is not covered; each maps to a message citing 第二条. */
export type EligibilityProblem = "positionNotCovered" | "notFullTime" | "orgNotGrassroots" | "notAffiliated";

export type Eligibility = {
  eligible: boolean;
  /** covered "by reference" (art. 2 para. 2: joint grassroots union, regional/industry federation) */
  byReference: boolean;
  problems: EligibilityProblem[];
};

/** Union types covered by art. 2 para. 2 ("参照本办法执行"). */
const BY_REFERENCE: ReadonlySet<OrgType> = new Set(["JOINT_GRASSROOTS_UNION", "REGIONAL_FEDERATION"]);

/**
 * Decide eligibility under art. 2. Chairpersons and vice-chairpersons are
 * covered whether or not full-time; any other cadre only as FULL_TIME_CADRE
 * with fullTime = true ("其他专职工会干部"); position OTHER or unknown is not covered.
 * @returns every problem found (empty when eligible)
 */
export function checkEligibility(input: EligibilityInput): Eligibility {
  const problems: EligibilityProblem[] = [];
  const { position } = input;
  if (position !== "CHAIRPERSON" && position !== "VICE_CHAIRPERSON") {
    if (position !== "FULL_TIME_CADRE") problems.push("positionNotCovered");
    else if (!input.fullTime) problems.push("notFullTime");
  }
  if (!GRASSROOTS_TYPES.has(input.orgType)) problems.push("orgNotGrassroots");
  if (!input.affiliated) problems.push("notAffiliated");
  return { eligible: problems.length === 0, byReference: BY_REFERENCE.has(input.orgType), problems };
}

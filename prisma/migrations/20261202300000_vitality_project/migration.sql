-- Grassroots union vitality project, part 1 (seed 001 《大连市基层工会活力建设项目实施方案》 三–五, issue 8):
-- dated policy, enrolment per year, plan + items + anonymous suggestions, dual report, members' ballots
-- (codes as hashes only; votes with a random id and no time, sequence, code or person), higher evaluation,
-- admonition talks, chairperson adjustments. Guards at the end (CHECK on w ≥ 80%, vote trigger).

-- CreateEnum
CREATE TYPE "VitalityScopeReason" AS ENUM ('NON_PUBLIC_100', 'NON_PUBLIC_50', 'PUBLIC_OWNERSHIP', 'ENTERPRISE_MANAGED_INSTITUTION', 'PUBLIC_INSTITUTION', 'JOINT_GRASSROOTS', 'INDUSTRY_UNION');

-- CreateEnum
CREATE TYPE "VitalityModel" AS ENUM ('THREE_PLUS_X', 'TWO_PLUS_X');

-- CreateEnum
CREATE TYPE "VitalityBallotItem" AS ENUM ('COMMITTEE', 'CHAIRPERSON', 'ORGANISATION', 'COLLECTIVE_CONSULTATION', 'DEMOCRATIC_MANAGEMENT');

-- CreateEnum
CREATE TYPE "VitalityAnswer" AS ENUM ('SATISFIED', 'BASIC', 'DISSATISFIED');

-- CreateEnum
CREATE TYPE "VitalityBallotKind" AS ENUM ('ONLINE', 'PAPER');

-- CreateEnum
CREATE TYPE "VitalityBallotStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "VitalityPlanItemKind" AS ENUM ('ORGANISATION', 'COLLECTIVE_CONSULTATION', 'DEMOCRATIC_MANAGEMENT', 'CUSTOM');

-- CreateTable
CREATE TABLE "VitalityPolicy" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "memberWeightPercent" DECIMAL(5,2) NOT NULL,
    "turnoutNumerator" INTEGER NOT NULL,
    "turnoutDenominator" INTEGER NOT NULL,
    "basicSatisfiedWeight" DECIMAL(3,2) NOT NULL,
    "dissatisfactionLimitPercent" DECIMAL(5,2) NOT NULL,
    "consecutiveForAdjustment" INTEGER NOT NULL,
    "awardPriorityPercent" DECIMAL(5,2) NOT NULL,
    "modelUnitPercent" DECIMAL(5,2) NOT NULL,
    "upToStandardPercent" DECIMAL(5,2) NOT NULL,
    "nonPublicMinStaff" INTEGER NOT NULL,
    "nonPublicExtendedMinStaff" INTEGER NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VitalityPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VitalityEnrolment" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "unitNature" "UnitNature" NOT NULL,
    "ownership" "Ownership",
    "staffCount" INTEGER NOT NULL,
    "memberCount" INTEGER NOT NULL,
    "chairpersonName" VARCHAR(60) NOT NULL,
    "partyOrganisation" VARCHAR(120) NOT NULL,
    "enterpriseManaged" BOOLEAN NOT NULL DEFAULT false,
    "industryUnion" BOOLEAN NOT NULL DEFAULT false,
    "scopeReason" "VitalityScopeReason" NOT NULL,
    "model" "VitalityModel" NOT NULL,
    "enrolledById" INTEGER,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VitalityEnrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VitalityBallot" (
    "id" SERIAL NOT NULL,
    "enrolmentId" INTEGER NOT NULL,
    "policyId" INTEGER NOT NULL,
    "kind" "VitalityBallotKind" NOT NULL,
    "status" "VitalityBallotStatus" NOT NULL DEFAULT 'DRAFT',
    "publicKey" VARCHAR(43) NOT NULL,
    "meetingName" VARCHAR(120) NOT NULL,
    "meetingDate" DATE NOT NULL,
    "due" INTEGER NOT NULL,
    "items" "VitalityBallotItem"[],
    "present" INTEGER,
    "codesIssued" INTEGER NOT NULL DEFAULT 0,
    "slipsHandedOut" INTEGER,
    "slipsReturned" INTEGER,
    "rerunOfId" INTEGER,
    "votes" INTEGER,
    "required" INTEGER,
    "valid" BOOLEAN,
    "tally" JSONB,
    "tellerName" VARCHAR(60),
    "scrutineerName" VARCHAR(60),
    "openedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VitalityBallot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VitalityBallotCode" (
    "id" UUID NOT NULL,
    "ballotId" INTEGER NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "used" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "VitalityBallotCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VitalityVote" (
    "id" UUID NOT NULL,
    "ballotId" INTEGER NOT NULL,
    "answers" "VitalityAnswer"[],

    CONSTRAINT "VitalityVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VitalityHigherEvaluation" (
    "id" SERIAL NOT NULL,
    "enrolmentId" INTEGER NOT NULL,
    "scorePercent" DECIMAL(5,2) NOT NULL,
    "partyOrganisation" VARCHAR(120) NOT NULL,
    "evaluatedOn" DATE NOT NULL,
    "evaluatedById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VitalityHigherEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VitalityAdmonitionTalk" (
    "id" SERIAL NOT NULL,
    "enrolmentId" INTEGER NOT NULL,
    "heldOn" DATE NOT NULL,
    "participants" VARCHAR(300) NOT NULL,
    "rectificationDeadline" DATE NOT NULL,
    "rectifiedOn" DATE,
    "recordedById" INTEGER,
    "remindedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VitalityAdmonitionTalk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VitalityChairpersonAdjustment" (
    "id" SERIAL NOT NULL,
    "enrolmentId" INTEGER NOT NULL,
    "decidedOn" DATE NOT NULL,
    "decision" VARCHAR(500) NOT NULL,
    "recordedById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VitalityChairpersonAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VitalityPlan" (
    "id" SERIAL NOT NULL,
    "enrolmentId" INTEGER NOT NULL,
    "publicKey" VARCHAR(43),
    "publishedOn" DATE,
    "announcedHow" VARCHAR(200),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "VitalityPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VitalityPlanItem" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "VitalityPlanItemKind" NOT NULL,
    "title" VARCHAR(120) NOT NULL,
    "status" VARCHAR(1000),
    "goal" VARCHAR(1000) NOT NULL,
    "measures" VARCHAR(2000),
    "timeFrame" VARCHAR(120),
    "completion" VARCHAR(1000),

    CONSTRAINT "VitalityPlanItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VitalitySuggestion" (
    "id" UUID NOT NULL,
    "planId" INTEGER NOT NULL,
    "text" VARCHAR(1000) NOT NULL,
    "receivedOn" DATE NOT NULL,

    CONSTRAINT "VitalitySuggestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VitalityDualReport" (
    "id" SERIAL NOT NULL,
    "enrolmentId" INTEGER NOT NULL,
    "programmeResults" VARCHAR(4000) NOT NULL,
    "fundsCollected" DECIMAL(14,2) NOT NULL,
    "fundsManaged" DECIMAL(14,2) NOT NULL,
    "fundsUsed" DECIMAL(14,2) NOT NULL,
    "dutiesPerformance" VARCHAR(4000) NOT NULL,
    "congressReceivedOn" DATE,
    "higherReceivedOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "VitalityDualReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VitalityPolicy_code_key" ON "VitalityPolicy"("code");

-- CreateIndex
CREATE UNIQUE INDEX "VitalityPolicy_effectiveFrom_key" ON "VitalityPolicy"("effectiveFrom");

-- CreateIndex
CREATE INDEX "VitalityEnrolment_year_idx" ON "VitalityEnrolment"("year");

-- CreateIndex
CREATE UNIQUE INDEX "VitalityEnrolment_organizationId_year_key" ON "VitalityEnrolment"("organizationId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "VitalityBallot_publicKey_key" ON "VitalityBallot"("publicKey");

-- CreateIndex
CREATE UNIQUE INDEX "VitalityBallot_rerunOfId_key" ON "VitalityBallot"("rerunOfId");

-- CreateIndex
CREATE INDEX "VitalityBallot_enrolmentId_idx" ON "VitalityBallot"("enrolmentId");

-- CreateIndex
CREATE UNIQUE INDEX "VitalityBallotCode_ballotId_hash_key" ON "VitalityBallotCode"("ballotId", "hash");

-- CreateIndex
CREATE INDEX "VitalityVote_ballotId_idx" ON "VitalityVote"("ballotId");

-- CreateIndex
CREATE UNIQUE INDEX "VitalityHigherEvaluation_enrolmentId_key" ON "VitalityHigherEvaluation"("enrolmentId");

-- CreateIndex
CREATE INDEX "VitalityAdmonitionTalk_enrolmentId_idx" ON "VitalityAdmonitionTalk"("enrolmentId");

-- CreateIndex
CREATE INDEX "VitalityChairpersonAdjustment_enrolmentId_idx" ON "VitalityChairpersonAdjustment"("enrolmentId");

-- CreateIndex
CREATE UNIQUE INDEX "VitalityPlan_enrolmentId_key" ON "VitalityPlan"("enrolmentId");

-- CreateIndex
CREATE UNIQUE INDEX "VitalityPlan_publicKey_key" ON "VitalityPlan"("publicKey");

-- CreateIndex
CREATE UNIQUE INDEX "VitalityPlanItem_planId_position_key" ON "VitalityPlanItem"("planId", "position");

-- CreateIndex
CREATE INDEX "VitalitySuggestion_planId_idx" ON "VitalitySuggestion"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "VitalityDualReport_enrolmentId_key" ON "VitalityDualReport"("enrolmentId");

-- AddForeignKey
ALTER TABLE "VitalityEnrolment" ADD CONSTRAINT "VitalityEnrolment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VitalityBallot" ADD CONSTRAINT "VitalityBallot_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "VitalityEnrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VitalityBallot" ADD CONSTRAINT "VitalityBallot_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "VitalityPolicy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VitalityBallot" ADD CONSTRAINT "VitalityBallot_rerunOfId_fkey" FOREIGN KEY ("rerunOfId") REFERENCES "VitalityBallot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VitalityBallotCode" ADD CONSTRAINT "VitalityBallotCode_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "VitalityBallot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VitalityVote" ADD CONSTRAINT "VitalityVote_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "VitalityBallot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VitalityHigherEvaluation" ADD CONSTRAINT "VitalityHigherEvaluation_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "VitalityEnrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VitalityAdmonitionTalk" ADD CONSTRAINT "VitalityAdmonitionTalk_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "VitalityEnrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VitalityChairpersonAdjustment" ADD CONSTRAINT "VitalityChairpersonAdjustment_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "VitalityEnrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VitalityPlan" ADD CONSTRAINT "VitalityPlan_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "VitalityEnrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VitalityPlanItem" ADD CONSTRAINT "VitalityPlanItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "VitalityPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VitalitySuggestion" ADD CONSTRAINT "VitalitySuggestion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "VitalityPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VitalityDualReport" ADD CONSTRAINT "VitalityDualReport_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "VitalityEnrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ── Guards ────────────────────────────────────────────────────────────────
-- 四.2 "会员（代表）权重不低于80%": no policy row may weight the members below 80%.
ALTER TABLE "VitalityPolicy" ADD CONSTRAINT "VitalityPolicy_memberWeight_floor"
  CHECK ("memberWeightPercent" >= 80 AND "memberWeightPercent" <= 100);

-- 四.2 无记名投票: a cast vote's answers never change and a vote is never deleted. The one UPDATE allowed
-- re-randomises the ids when the ballot closes (lib/vitality/ballots.ts closeBallot), which leaves every vote
-- of the ballot with one shared transaction id instead of its own cast's.
CREATE FUNCTION vitality_vote_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'VitalityVote rows cannot be deleted (secret ballot, 《实施方案》四.2)';
  END IF;
  IF NEW."ballotId" IS DISTINCT FROM OLD."ballotId" OR NEW.answers IS DISTINCT FROM OLD.answers THEN
    RAISE EXCEPTION 'VitalityVote answers cannot be changed (secret ballot, 《实施方案》四.2)';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "VitalityVote_guard" BEFORE UPDATE OR DELETE ON "VitalityVote"
  FOR EACH ROW EXECUTE FUNCTION vitality_vote_guard();

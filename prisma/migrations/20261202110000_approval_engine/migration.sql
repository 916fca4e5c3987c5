-- The review-chain engine's generic persistence (issue 7 item 1, lib/approval/service.ts):
-- items on a chain refer to their subject generically (subject type and id), so the
-- vitality project's forms (附件1–4) can run on the engine. Applications keep their tables.

CREATE TYPE "ApprovalStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN');
CREATE TYPE "ApprovalAction" AS ENUM ('SUBMIT', 'RESUBMIT', 'WITHDRAW', 'FORWARD', 'RETURN', 'REJECT', 'APPROVE');

CREATE TABLE "ApprovalItem" (
    "id" SERIAL NOT NULL,
    "chainKey" VARCHAR(40) NOT NULL,
    "subjectType" VARCHAR(40) NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "applicantId" INTEGER NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "reportingOrgId" INTEGER NOT NULL,
    "status" "ApprovalStatus" NOT NULL DEFAULT 'DRAFT',
    "stage" VARCHAR(40),
    "round" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "decisionPath" VARCHAR(40),
    "stageEnteredAt" TIMESTAMPTZ(3),
    "stageDueAt" TIMESTAMPTZ(3),
    "stageRemindedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ApprovalItem_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ApprovalDecision" (
    "id" SERIAL NOT NULL,
    "itemId" INTEGER NOT NULL,
    "stage" VARCHAR(40),
    "action" "ApprovalAction" NOT NULL,
    "round" INTEGER NOT NULL,
    "opinion" VARCHAR(4000) NOT NULL,
    "actorId" INTEGER NOT NULL,
    "onBehalfOfId" INTEGER,
    "actorOrgId" INTEGER NOT NULL,
    "fields" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApprovalDecision_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ApprovalItem_chainKey_status_stage_stageDueAt_idx" ON "ApprovalItem"("chainKey", "status", "stage", "stageDueAt");
CREATE UNIQUE INDEX "ApprovalItem_subjectType_subjectId_key" ON "ApprovalItem"("subjectType", "subjectId");
CREATE INDEX "ApprovalDecision_itemId_at_idx" ON "ApprovalDecision"("itemId", "at");

ALTER TABLE "ApprovalItem" ADD CONSTRAINT "ApprovalItem_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ApprovalItem" ADD CONSTRAINT "ApprovalItem_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ApprovalItem" ADD CONSTRAINT "ApprovalItem_reportingOrgId_fkey" FOREIGN KEY ("reportingOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ApprovalDecision" ADD CONSTRAINT "ApprovalDecision_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ApprovalItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ApprovalDecision" ADD CONSTRAINT "ApprovalDecision_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ApprovalDecision" ADD CONSTRAINT "ApprovalDecision_onBehalfOfId_fkey" FOREIGN KEY ("onBehalfOfId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

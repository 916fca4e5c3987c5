-- CreateEnum
CREATE TYPE "OrgType" AS ENUM ('CITY_FEDERATION', 'DISTRICT_FEDERATION', 'PILOT_ZONE_FEDERATION', 'INDUSTRIAL_UNION', 'GRASSROOTS_UNION', 'JOINT_GRASSROOTS_UNION', 'REGIONAL_FEDERATION');

-- CreateEnum
CREATE TYPE "UnitNature" AS ENUM ('STATE_OWNED', 'COLLECTIVE', 'JOINT_STOCK', 'JOINT_VENTURE', 'PRIVATE', 'HK_MACAO_TAIWAN', 'FOREIGN_INVESTED', 'OTHER_ENTERPRISE', 'PUBLIC_INSTITUTION');

-- CreateEnum
CREATE TYPE "Ownership" AS ENUM ('PUBLIC', 'NON_PUBLIC');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CADRE', 'GRASSROOTS_OFFICER', 'DISTRICT_REVIEWER', 'LEADING_GROUP_OFFICE', 'LEADING_GROUP_MEMBER', 'CHAIRPERSON_MEETING', 'FINANCE_AUDITOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "CadrePosition" AS ENUM ('CHAIRPERSON', 'VICE_CHAIRPERSON', 'FULL_TIME_CADRE', 'OTHER');

-- CreateEnum
CREATE TYPE "AidArticle" AS ENUM ('ART15', 'ART16', 'ART17');

-- CreateEnum
CREATE TYPE "CaseStage" AS ENUM ('GRASSROOTS', 'DISTRICT', 'OFFICE', 'LEADING_GROUP');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "DecisionPath" AS ENUM ('LEADING_GROUP', 'CHAIRPERSON_MEETING');

-- CreateEnum
CREATE TYPE "ReviewAction" AS ENUM ('SUBMIT', 'RESUBMIT', 'FORWARD', 'RETURN', 'REJECT', 'APPROVE', 'WITHDRAW');

-- CreateEnum
CREATE TYPE "MeasureKind" AS ENUM ('ART6_OPINION_LETTER', 'ART7_LABOUR_AUTHORITY', 'ART8_TRANSFER_CORRECTION', 'ART9_REEMPLOYMENT', 'ART10_LEGAL_AID');

-- CreateEnum
CREATE TYPE "MeasureStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PayableKind" AS ENUM ('ONE_OFF', 'MONTHLY_SUPPORT');

-- CreateEnum
CREATE TYPE "PayableStatus" AS ENUM ('SCHEDULED', 'PAID', 'CANCELLED');

-- CreateEnum
CREATE TYPE "FundYearStatus" AS ENUM ('OPEN', 'SETTLED');

-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('APPROPRIATION', 'ROLLOVER', 'TOP_UP', 'SUBSIDY_RECEIVED', 'SUBSIDY_GRANTED', 'DISBURSEMENT', 'REVERSAL');

-- CreateEnum
CREATE TYPE "FundRequestKind" AS ENUM ('TOP_UP', 'SUBSIDY');

-- CreateEnum
CREATE TYPE "FundRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateTable
CREATE TABLE "Organization" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "nameEn" VARCHAR(160),
    "type" "OrgType" NOT NULL,
    "parentId" INTEGER,
    "path" VARCHAR(400) NOT NULL,
    "depth" INTEGER NOT NULL,
    "industrialResident" BOOLEAN,
    "unitNature" "UnitNature",
    "ownership" "Ownership",
    "staffCount" INTEGER,
    "address" VARCHAR(200),
    "wageTier" VARCHAR(20),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "username" VARCHAR(64) NOT NULL,
    "displayName" VARCHAR(60) NOT NULL,
    "passwordHash" VARCHAR(200) NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "roles" "Role"[],
    "position" "CadrePosition",
    "fullTime" BOOLEAN NOT NULL DEFAULT false,
    "phone" VARCHAR(30),
    "email" VARCHAR(120),
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" VARCHAR(200) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "lockedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actorId" INTEGER,
    "actorName" VARCHAR(60),
    "action" VARCHAR(80) NOT NULL,
    "entityType" VARCHAR(60) NOT NULL,
    "entityId" VARCHAR(60) NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "requestId" VARCHAR(64),
    "prevHash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyVersion" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "art15Min" DECIMAL(14,2) NOT NULL,
    "art15Max" DECIMAL(14,2) NOT NULL,
    "art16Max" DECIMAL(14,2) NOT NULL,
    "art17MaxMonths" INTEGER NOT NULL,
    "cityFundAnnual" DECIMAL(14,2) NOT NULL,
    "districtFundAnnual" DECIMAL(14,2) NOT NULL,
    "note" VARCHAR(400),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MinimumWage" (
    "id" SERIAL NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "tier" VARCHAR(20),
    "monthlyAmount" DECIMAL(14,2) NOT NULL,
    "source" VARCHAR(200),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MinimumWage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewDeadline" (
    "stage" "CaseStage" NOT NULL,
    "days" INTEGER NOT NULL,

    CONSTRAINT "ReviewDeadline_pkey" PRIMARY KEY ("stage")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" SERIAL NOT NULL,
    "number" VARCHAR(30) NOT NULL,
    "applicantId" INTEGER NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "reportingOrgId" INTEGER NOT NULL,
    "policyVersionId" INTEGER NOT NULL,
    "position" "CadrePosition" NOT NULL,
    "fullTime" BOOLEAN NOT NULL,
    "phone" VARCHAR(30),
    "article" "AidArticle" NOT NULL,
    "eventType" VARCHAR(40) NOT NULL,
    "eventDate" DATE NOT NULL,
    "eventDescription" VARCHAR(4000) NOT NULL,
    "harmDescription" VARCHAR(4000) NOT NULL,
    "requestedAmount" DECIMAL(14,2),
    "requestedMonths" INTEGER,
    "unemployedFrom" DATE,
    "reemployedOn" DATE,
    "bankName" VARCHAR(100),
    "bankAccountName" VARCHAR(60),
    "bankAccountNumber" VARCHAR(40),
    "status" "CaseStatus" NOT NULL DEFAULT 'DRAFT',
    "stage" "CaseStage",
    "returnRound" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMPTZ(3),
    "stageEnteredAt" TIMESTAMPTZ(3),
    "stageDueAt" TIMESTAMPTZ(3),
    "proposedAmount" DECIMAL(14,2),
    "proposedMonths" INTEGER,
    "decisionPath" "DecisionPath",
    "approvedAmount" DECIMAL(14,2),
    "approvedMonths" INTEGER,
    "decidedAt" TIMESTAMPTZ(3),
    "closingReason" VARCHAR(2000),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewRecord" (
    "id" SERIAL NOT NULL,
    "applicationId" INTEGER NOT NULL,
    "stage" "CaseStage",
    "action" "ReviewAction" NOT NULL,
    "round" INTEGER NOT NULL,
    "opinion" VARCHAR(4000) NOT NULL,
    "actorId" INTEGER NOT NULL,
    "actorOrgId" INTEGER NOT NULL,
    "amount" DECIMAL(14,2),
    "months" INTEGER,
    "decisionPath" "DecisionPath",
    "verificationFindings" VARCHAR(4000),
    "verifiedOn" DATE,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProtectiveMeasure" (
    "id" SERIAL NOT NULL,
    "applicationId" INTEGER NOT NULL,
    "kind" "MeasureKind" NOT NULL,
    "status" "MeasureStatus" NOT NULL DEFAULT 'OPEN',
    "ownerId" INTEGER NOT NULL,
    "ownerOrgId" INTEGER NOT NULL,
    "startedOn" DATE NOT NULL,
    "dueOn" DATE,
    "completedOn" DATE,
    "outcome" VARCHAR(2000),
    "details" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProtectiveMeasure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "applicationId" INTEGER NOT NULL,
    "uploadedById" INTEGER NOT NULL,
    "fileName" VARCHAR(200) NOT NULL,
    "mimeType" VARCHAR(60) NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "storageKey" VARCHAR(200) NOT NULL,
    "round" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payable" (
    "id" SERIAL NOT NULL,
    "applicationId" INTEGER NOT NULL,
    "fundId" INTEGER NOT NULL,
    "kind" "PayableKind" NOT NULL,
    "article" "AidArticle" NOT NULL,
    "instalmentNo" INTEGER NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE,
    "amount" DECIMAL(14,2) NOT NULL,
    "wageRate" DECIMAL(14,2),
    "dueOn" DATE NOT NULL,
    "status" "PayableStatus" NOT NULL DEFAULT 'SCHEDULED',
    "cancelReason" VARCHAR(400),
    "paidAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payable_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Fund" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "accountSubject" VARCHAR(60) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Fund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundYear" (
    "id" SERIAL NOT NULL,
    "fundId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "status" "FundYearStatus" NOT NULL DEFAULT 'OPEN',
    "openingBalance" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "balance" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "entryCount" INTEGER NOT NULL DEFAULT 0,
    "closingBalance" DECIMAL(14,2),
    "settledAt" TIMESTAMPTZ(3),
    "settledById" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FundYear_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" BIGSERIAL NOT NULL,
    "fundId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "balanceAfter" DECIMAL(14,2) NOT NULL,
    "entryDate" DATE NOT NULL,
    "payableId" INTEGER,
    "applicationId" INTEGER,
    "article" "AidArticle",
    "districtOrgId" INTEGER,
    "counterpartFundId" INTEGER,
    "reversesEntryId" BIGINT,
    "method" VARCHAR(40),
    "reference" VARCHAR(100),
    "memo" VARCHAR(400),
    "createdById" INTEGER NOT NULL,
    "approvedById" INTEGER,
    "idempotencyKey" VARCHAR(100),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundRequest" (
    "id" SERIAL NOT NULL,
    "fundId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" "FundRequestKind" NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "reason" VARCHAR(2000) NOT NULL,
    "status" "FundRequestStatus" NOT NULL DEFAULT 'PENDING',
    "requestedById" INTEGER NOT NULL,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" VARCHAR(2000),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FundRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" VARCHAR(1000) NOT NULL,
    "link" VARCHAR(200),
    "applicationId" INTEGER,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_code_key" ON "Organization"("code");

-- CreateIndex
CREATE INDEX "Organization_parentId_idx" ON "Organization"("parentId");

-- CreateIndex
CREATE INDEX "Organization_path_idx" ON "Organization"("path");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_organizationId_idx" ON "User"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditLog_hash_key" ON "AuditLog"("hash");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_idx" ON "AuditLog"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyVersion_code_key" ON "PolicyVersion"("code");

-- CreateIndex
CREATE UNIQUE INDEX "MinimumWage_effectiveFrom_tier_key" ON "MinimumWage"("effectiveFrom", "tier");

-- CreateIndex
CREATE UNIQUE INDEX "Application_number_key" ON "Application"("number");

-- CreateIndex
CREATE INDEX "Application_status_stage_stageDueAt_idx" ON "Application"("status", "stage", "stageDueAt");

-- CreateIndex
CREATE INDEX "Application_reportingOrgId_status_stage_idx" ON "Application"("reportingOrgId", "status", "stage");

-- CreateIndex
CREATE INDEX "Application_organizationId_status_idx" ON "Application"("organizationId", "status");

-- CreateIndex
CREATE INDEX "Application_applicantId_status_idx" ON "Application"("applicantId", "status");

-- CreateIndex
CREATE INDEX "ReviewRecord_applicationId_at_idx" ON "ReviewRecord"("applicationId", "at");

-- CreateIndex
CREATE INDEX "ProtectiveMeasure_applicationId_idx" ON "ProtectiveMeasure"("applicationId");

-- CreateIndex
CREATE INDEX "ProtectiveMeasure_status_dueOn_idx" ON "ProtectiveMeasure"("status", "dueOn");

-- CreateIndex
CREATE INDEX "Attachment_applicationId_idx" ON "Attachment"("applicationId");

-- CreateIndex
CREATE INDEX "Payable_fundId_status_dueOn_idx" ON "Payable"("fundId", "status", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "Payable_applicationId_instalmentNo_key" ON "Payable"("applicationId", "instalmentNo");

-- CreateIndex
CREATE UNIQUE INDEX "Fund_organizationId_key" ON "Fund"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "FundYear_fundId_year_key" ON "FundYear"("fundId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_reversesEntryId_key" ON "LedgerEntry"("reversesEntryId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_idempotencyKey_key" ON "LedgerEntry"("idempotencyKey");

-- CreateIndex
CREATE INDEX "LedgerEntry_fundId_year_kind_idx" ON "LedgerEntry"("fundId", "year", "kind");

-- CreateIndex
CREATE INDEX "LedgerEntry_payableId_idx" ON "LedgerEntry"("payableId");

-- CreateIndex
CREATE INDEX "LedgerEntry_year_districtOrgId_idx" ON "LedgerEntry"("year", "districtOrgId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_fundId_year_seq_key" ON "LedgerEntry"("fundId", "year", "seq");

-- CreateIndex
CREATE INDEX "FundRequest_fundId_year_status_idx" ON "FundRequest"("fundId", "year", "status");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_reportingOrgId_fkey" FOREIGN KEY ("reportingOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_policyVersionId_fkey" FOREIGN KEY ("policyVersionId") REFERENCES "PolicyVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRecord" ADD CONSTRAINT "ReviewRecord_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtectiveMeasure" ADD CONSTRAINT "ProtectiveMeasure_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payable" ADD CONSTRAINT "Payable_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payable" ADD CONSTRAINT "Payable_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fund" ADD CONSTRAINT "Fund_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundYear" ADD CONSTRAINT "FundYear_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_payableId_fkey" FOREIGN KEY ("payableId") REFERENCES "Payable"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundRequest" ADD CONSTRAINT "FundRequest_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

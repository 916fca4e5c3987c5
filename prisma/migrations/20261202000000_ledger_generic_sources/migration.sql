-- One ledger for every kind of fund (issue 7 item 2, lib/ledger).
--
-- * Fund gains a kind (one fund per organisation and kind); every existing fund
--   is a rights protection fund (《办法》第十一条).
-- * Ledger entries, report totals and payables refer to their source
--   generically — a source type and id plus the reporting dimensions category
--   and reporting organisation — instead of the application columns
--   (applicationId, article, districtOrgId). A payable names its payee: a person
--   (every existing payable: the applicant) or an organisation.
--
-- Nothing is lost: columns are renamed or retyped in place (article → category
-- keeps 'ART15'/'ART16'/'ART17' as text), new columns are filled from the rows
-- they describe. LedgerEntry stays append-only: its new sourceType column is
-- computed by a generated-column expression that is then dropped (the values
-- stay), so no UPDATE ever runs against the ledger and its trigger stays on.
-- tests/integration/ledger-migration.test.ts seeds the old shape and checks
-- balances, totals, ledger:verify and audit:verify before = after.

-- ── Fund.kind ──────────────────────────────────────────────────────────────
CREATE TYPE "FundKind" AS ENUM ('RIGHTS_PROTECTION', 'VITALITY_PROJECT');

ALTER TABLE "Fund" ADD COLUMN "kind" "FundKind" NOT NULL DEFAULT 'RIGHTS_PROTECTION';
ALTER TABLE "Fund" ALTER COLUMN "kind" DROP DEFAULT;
DROP INDEX "Fund_organizationId_key";
CREATE UNIQUE INDEX "Fund_organizationId_kind_key" ON "Fund"("organizationId", "kind");

-- ── LedgerEntry: source and reporting dimensions ───────────────────────────
ALTER TABLE "LedgerEntry" RENAME COLUMN "applicationId" TO "sourceId";
ALTER TABLE "LedgerEntry" RENAME COLUMN "districtOrgId" TO "reportingOrgId";
ALTER TABLE "LedgerEntry" ALTER COLUMN "article" TYPE VARCHAR(20) USING "article"::text;
ALTER TABLE "LedgerEntry" RENAME COLUMN "article" TO "category";
ALTER TABLE "LedgerEntry"
  ADD COLUMN "sourceType" VARCHAR(40) GENERATED ALWAYS AS (CASE WHEN "sourceId" IS NOT NULL THEN 'application' END) STORED;
ALTER TABLE "LedgerEntry" ALTER COLUMN "sourceType" DROP EXPRESSION;
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_source_pair" CHECK (("sourceType" IS NULL) = ("sourceId" IS NULL));
ALTER INDEX "LedgerEntry_year_districtOrgId_idx" RENAME TO "LedgerEntry_year_reportingOrgId_idx";

-- ── LedgerTotal: the same dimensions ───────────────────────────────────────
ALTER TABLE "LedgerTotal" ALTER COLUMN "article" TYPE VARCHAR(20);
ALTER TABLE "LedgerTotal" RENAME COLUMN "article" TO "category";
ALTER TABLE "LedgerTotal" RENAME COLUMN "districtOrgId" TO "reportingOrgId";
ALTER INDEX "LedgerTotal_fundId_year_month_kind_reversal_article_distric_key"
  RENAME TO "LedgerTotal_fundId_year_month_kind_reversal_category_report_key";

-- ── Payable: source, dimensions, payee ─────────────────────────────────────
ALTER TABLE "Payable" DROP CONSTRAINT "Payable_applicationId_fkey";
DROP INDEX "Payable_applicationId_instalmentNo_key";
ALTER TABLE "Payable" RENAME COLUMN "applicationId" TO "sourceId";
ALTER TABLE "Payable" ADD COLUMN "sourceType" VARCHAR(40) NOT NULL DEFAULT 'application';
ALTER TABLE "Payable" ALTER COLUMN "sourceType" DROP DEFAULT;
ALTER TABLE "Payable" ALTER COLUMN "article" TYPE VARCHAR(20) USING "article"::text;
ALTER TABLE "Payable" RENAME COLUMN "article" TO "category";
ALTER TABLE "Payable" RENAME COLUMN "wageRate" TO "rate";
ALTER TABLE "Payable" ADD COLUMN "reportingOrgId" INTEGER;
ALTER TABLE "Payable" ADD COLUMN "payeeUserId" INTEGER;
ALTER TABLE "Payable" ADD COLUMN "payeeOrgId" INTEGER;
-- The application's reporting body (18.1) and applicant, as the payout read them.
UPDATE "Payable" p SET "reportingOrgId" = a."reportingOrgId", "payeeUserId" = a."applicantId"
FROM "Application" a WHERE p."sourceType" = 'application' AND a.id = p."sourceId";
ALTER TABLE "Payable" ADD CONSTRAINT "Payable_one_payee" CHECK (num_nonnulls("payeeUserId", "payeeOrgId") = 1);
CREATE UNIQUE INDEX "Payable_sourceType_sourceId_instalmentNo_key" ON "Payable"("sourceType", "sourceId", "instalmentNo");
ALTER TABLE "Payable" ADD CONSTRAINT "Payable_reportingOrgId_fkey" FOREIGN KEY ("reportingOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Payable" ADD CONSTRAINT "Payable_payeeUserId_fkey" FOREIGN KEY ("payeeUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Payable" ADD CONSTRAINT "Payable_payeeOrgId_fkey" FOREIGN KEY ("payeeOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

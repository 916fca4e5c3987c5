-- AlterTable
ALTER TABLE "FundRequest" ADD COLUMN     "grantingFundId" INTEGER;

-- CreateIndex
CREATE INDEX "FundRequest_grantingFundId_year_status_idx" ON "FundRequest"("grantingFundId", "year", "status");

-- AddForeignKey
ALTER TABLE "FundRequest" ADD CONSTRAINT "FundRequest_grantingFundId_fkey" FOREIGN KEY ("grantingFundId") REFERENCES "Fund"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "LedgerTotal" (
    "id" SERIAL NOT NULL,
    "fundId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "reversal" BOOLEAN NOT NULL,
    "article" VARCHAR(8) NOT NULL,
    "districtOrgId" INTEGER NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "LedgerTotal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LedgerTotal_year_fundId_idx" ON "LedgerTotal"("year", "fundId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerTotal_fundId_year_month_kind_reversal_article_distric_key" ON "LedgerTotal"("fundId", "year", "month", "kind", "reversal", "article", "districtOrgId");

-- AddForeignKey
ALTER TABLE "LedgerTotal" ADD CONSTRAINT "LedgerTotal_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Policy columns named by what they mean (issue 7 item 8); the article stays in the
-- column comment in schema.prisma. Renames only: no data is rewritten or lost.
ALTER TABLE "PolicyVersion" RENAME COLUMN "art15Min" TO "unfairTreatmentSubsidyMin";
ALTER TABLE "PolicyVersion" RENAME COLUMN "art15Max" TO "unfairTreatmentSubsidyMax";
ALTER TABLE "PolicyVersion" RENAME COLUMN "art16Max" TO "retaliationSubsidyMax";
ALTER TABLE "PolicyVersion" RENAME COLUMN "art17MaxMonths" TO "minimumWageSupportMaxMonths";

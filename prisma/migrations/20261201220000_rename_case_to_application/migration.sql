-- One name for one thing (glossary: 申请 = application): the enums of the art. 18 chain
-- are named after the application, not "case". Renaming a type keeps every value and column.
ALTER TYPE "CaseStage" RENAME TO "ApplicationStage";
ALTER TYPE "CaseStatus" RENAME TO "ApplicationStatus";

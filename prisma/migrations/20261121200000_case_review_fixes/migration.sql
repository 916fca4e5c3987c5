-- Cases review fixes.
-- 1. closingReason holds a rejection's or withdrawal's reasons, which are opinions:
--    as long as ReviewRecord.opinion (4000), so a long opinion no longer overflows.
-- 2. Deadline reminders are marked on the reminded row itself (stageRemindedAt,
--    remindedAt), so a step with no reviewers is reminded exactly once and a
--    measure's reminder is found by its id, not by matching the notification link.
-- 3. A measure's note (given when it is recorded) gets its own column; closing the
--    measure writes only `outcome` and no longer overwrites the note.

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "stageRemindedAt" TIMESTAMPTZ(3),
ALTER COLUMN "closingReason" SET DATA TYPE VARCHAR(4000);

-- AlterTable
ALTER TABLE "ProtectiveMeasure" ADD COLUMN     "note" VARCHAR(2000),
ADD COLUMN     "remindedAt" TIMESTAMPTZ(3);

-- Data: an open measure's `outcome` so far held its note.
UPDATE "ProtectiveMeasure" SET "note" = "outcome", "outcome" = NULL WHERE "status" = 'OPEN';

-- Data: reminders already sent before this migration stay sent (the last time the old link/time rules matched).
UPDATE "Application" a SET "stageRemindedAt" = (
  SELECT max(n."createdAt") FROM "Notification" n
  WHERE n."applicationId" = a.id AND n.kind = 'caseOverdue' AND n."createdAt" >= a."stageEnteredAt")
WHERE a.status = 'IN_REVIEW' AND a."stageEnteredAt" IS NOT NULL;

UPDATE "ProtectiveMeasure" m SET "remindedAt" = (
  SELECT max(n."createdAt") FROM "Notification" n
  WHERE n.kind = 'measureOverdue' AND n.link = '/cases/' || m."applicationId" || '#measure-' || m.id);

-- CreateIndex
CREATE INDEX "Application_status_stage_article_stageDueAt_organizationId__idx" ON "Application"("status", "stage", "article", "stageDueAt", "organizationId", "applicantId");

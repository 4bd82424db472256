-- DropIndex
DROP INDEX "Application_studentId_key";

-- CreateIndex
CREATE INDEX "Application_studentId_createdAt_idx" ON "Application"("studentId", "createdAt" DESC);

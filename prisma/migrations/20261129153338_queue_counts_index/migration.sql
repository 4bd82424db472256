-- DropIndex
DROP INDEX "Application_componentId_academicYear_idx";

-- CreateIndex
CREATE INDEX "Application_componentId_academicYear_status_idx" ON "Application"("componentId", "academicYear", "status");

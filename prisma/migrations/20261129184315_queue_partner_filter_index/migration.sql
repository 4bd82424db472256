-- CreateIndex
CREATE INDEX "Application_componentId_partnerId_status_idx" ON "Application"("componentId", "partnerId", "status");

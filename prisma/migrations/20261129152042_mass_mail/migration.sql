-- CreateTable
CREATE TABLE "MassMailing" (
    "id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "filters" JSONB NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MassMailing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MassMailRecipient" (
    "id" UUID NOT NULL,
    "mailingId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "claimedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),

    CONSTRAINT "MassMailRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MassMailing_createdAt_idx" ON "MassMailing"("createdAt");

-- CreateIndex
CREATE INDEX "MassMailRecipient_mailingId_claimedAt_idx" ON "MassMailRecipient"("mailingId", "claimedAt");

-- CreateIndex
CREATE INDEX "MassMailRecipient_applicationId_idx" ON "MassMailRecipient"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "MassMailRecipient_mailingId_applicationId_key" ON "MassMailRecipient"("mailingId", "applicationId");

-- AddForeignKey
ALTER TABLE "MassMailRecipient" ADD CONSTRAINT "MassMailRecipient_mailingId_fkey" FOREIGN KEY ("mailingId") REFERENCES "MassMailing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MassMailRecipient" ADD CONSTRAINT "MassMailRecipient_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

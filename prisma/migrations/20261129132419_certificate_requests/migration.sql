-- CreateEnum
CREATE TYPE "CertificateRequestStatus" AS ENUM ('PENDING', 'ISSUED');

-- CreateTable
CREATE TABLE "CertificateRequest" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "kind" "LetterKind" NOT NULL,
    "status" "CertificateRequestStatus" NOT NULL DEFAULT 'PENDING',
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "letterId" UUID,
    "issuedAt" TIMESTAMP(3),

    CONSTRAINT "CertificateRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CertificateRequest_letterId_key" ON "CertificateRequest"("letterId");

-- CreateIndex
CREATE INDEX "CertificateRequest_applicationId_status_idx" ON "CertificateRequest"("applicationId", "status");

-- AddForeignKey
ALTER TABLE "CertificateRequest" ADD CONSTRAINT "CertificateRequest_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "AmiStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'GRANTED', 'REFUSED');

-- CreateEnum
CREATE TYPE "AmiMobilityKind" AS ENUM ('STUDIES', 'INTERNSHIP');

-- CreateEnum
CREATE TYPE "AmiGrantStatus" AS ENUM ('SOCIAL_GRANT', 'ANNUAL_ALLOWANCE', 'NONE');

-- CreateEnum
CREATE TYPE "AmiDocumentKind" AS ENUM ('AWARD_LETTER', 'DISABILITY_PROOF');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'AMU_STUDENT';

-- CreateTable
CREATE TABLE "AmiYearRate" (
    "academicYear" INTEGER NOT NULL,
    "monthlyRateCents" INTEGER NOT NULL,
    "lifetimeCapMonths" INTEGER NOT NULL DEFAULT 10,
    "grantLevelSupplementCents" INTEGER,
    "disabilitySupplementCents" INTEGER,
    "ruralAreaSupplementCents" INTEGER,
    "priorityUrbanAreaSupplementCents" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AmiYearRate_pkey" PRIMARY KEY ("academicYear")
);

-- CreateTable
CREATE TABLE "AmiApplication" (
    "id" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "status" "AmiStatus" NOT NULL DEFAULT 'DRAFT',
    "mobilityKind" "AmiMobilityKind" NOT NULL,
    "hostName" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "partOfCurriculum" BOOLEAN NOT NULL,
    "referentTeacher" TEXT NOT NULL,
    "grantStatus" "AmiGrantStatus" NOT NULL,
    "grantLevel" INTEGER,
    "birthDate" DATE NOT NULL,
    "disability" BOOLEAN NOT NULL DEFAULT false,
    "ruralArea" BOOLEAN NOT NULL DEFAULT false,
    "priorityUrbanArea" BOOLEAN NOT NULL DEFAULT false,
    "erasmusPlus" BOOLEAN NOT NULL DEFAULT false,
    "months" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMP(3),
    "lateFlag" BOOLEAN NOT NULL DEFAULT false,
    "computedAmountCents" INTEGER,
    "grantedAmountCents" INTEGER,
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decidedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AmiApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AmiDocument" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "kind" "AmiDocumentKind" NOT NULL,
    "originalName" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AmiDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AmiApplication_studentId_idx" ON "AmiApplication"("studentId");

-- CreateIndex
CREATE INDEX "AmiApplication_status_submittedAt_idx" ON "AmiApplication"("status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AmiDocument_storageKey_key" ON "AmiDocument"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "AmiDocument_applicationId_kind_key" ON "AmiDocument"("applicationId", "kind");

-- AddForeignKey
ALTER TABLE "AmiApplication" ADD CONSTRAINT "AmiApplication_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AmiDocument" ADD CONSTRAINT "AmiDocument_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "AmiApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

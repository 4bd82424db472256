-- Trigram search on applicant names and e-mails (Application.searchText). A trusted
-- extension since PostgreSQL 13: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "StudyPeriod" AS ENUM ('S1', 'S2', 'FULL_YEAR');

-- CreateEnum
CREATE TYPE "CefrLevel" AS ENUM ('A1', 'A2', 'B1', 'B2', 'C1', 'C2');

-- CreateEnum
CREATE TYPE "HousingCity" AS ENUM ('AIX', 'MARSEILLE', 'NO_PREFERENCE');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('PASSPORT', 'TRANSCRIPT', 'LEARNING_AGREEMENT', 'PHOTO', 'CV', 'MOTIVATION_LETTER');

-- CreateEnum
CREATE TYPE "NoteKind" AS ENUM ('CHANGES_REQUESTED', 'REJECTION_REASON', 'ACCEPTANCE_NOTE', 'INTERNAL_COMMENT');

-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "offshore" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PortalSetting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PortalSetting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "firstName" TEXT,
    "lastName" TEXT,
    "dateOfBirth" DATE,
    "nationality" CHAR(2),
    "contactEmail" TEXT,
    "phone" TEXT,
    "addressLine" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "country" CHAR(2),
    "partnerId" UUID,
    "homeCoordinatorName" TEXT,
    "homeCoordinatorEmail" TEXT,
    "nominatedBy" TEXT,
    "nominatedOn" DATE,
    "componentId" UUID,
    "programmeId" UUID,
    "studyLevel" "StudyLevel",
    "period" "StudyPeriod",
    "academicYear" INTEGER,
    "plannedCourses" JSONB NOT NULL DEFAULT '[]',
    "frenchLevel" "CefrLevel",
    "englishLevel" "CefrLevel",
    "languagesDeclared" BOOLEAN NOT NULL DEFAULT false,
    "frenchWarning" BOOLEAN NOT NULL DEFAULT false,
    "housingRequested" BOOLEAN,
    "housingCity" "HousingCity",
    "housingNeeds" TEXT,
    "submittedAt" TIMESTAMP(3),
    "lastSubmittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationDocument" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "originalName" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationNote" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "kind" "NoteKind" NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Application_studentId_key" ON "Application"("studentId");

-- CreateIndex
CREATE INDEX "Application_componentId_lastSubmittedAt_id_idx" ON "Application"("componentId", "lastSubmittedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Application_lastSubmittedAt_id_idx" ON "Application"("lastSubmittedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Application_componentId_lastName_firstName_id_idx" ON "Application"("componentId", "lastName", "firstName", "id");

-- CreateIndex
CREATE INDEX "Application_componentId_status_idx" ON "Application"("componentId", "status");

-- CreateIndex
CREATE INDEX "Application_status_idx" ON "Application"("status");

-- CreateIndex
CREATE INDEX "Application_componentId_academicYear_idx" ON "Application"("componentId", "academicYear");

-- CreateIndex
CREATE INDEX "Application_partnerId_academicYear_idx" ON "Application"("partnerId", "academicYear");

-- CreateIndex
CREATE INDEX "Application_programmeId_academicYear_idx" ON "Application"("programmeId", "academicYear");

-- CreateIndex
CREATE INDEX "Application_searchText_idx" ON "Application" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationDocument_storageKey_key" ON "ApplicationDocument"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationDocument_applicationId_kind_key" ON "ApplicationDocument"("applicationId", "kind");

-- CreateIndex
CREATE INDEX "ApplicationNote_applicationId_createdAt_idx" ON "ApplicationNote"("applicationId", "createdAt");

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "PartnerInstitution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationDocument" ADD CONSTRAINT "ApplicationDocument_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationDocument" ADD CONSTRAINT "ApplicationDocument_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationNote" ADD CONSTRAINT "ApplicationNote_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationNote" ADD CONSTRAINT "ApplicationNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

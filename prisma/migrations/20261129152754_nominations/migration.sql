/*
  Warnings:

  - A unique constraint covering the columns `[nominationId]` on the table `Application` will be added. The column is new (all null): no duplicate can exist.

*/
-- CreateEnum
CREATE TYPE "NominationSource" AS ENUM ('CSV', 'EWP');

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "nominationId" UUID;

-- CreateTable
CREATE TABLE "Nomination" (
    "id" UUID NOT NULL,
    "source" "NominationSource" NOT NULL,
    "partnerId" UUID NOT NULL,
    "studentName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "componentId" UUID NOT NULL,
    "studyLevel" "StudyLevel" NOT NULL,
    "period" "StudyPeriod" NOT NULL,
    "academicYear" INTEGER NOT NULL,
    "homeCoordinatorName" TEXT NOT NULL,
    "studentId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Nomination_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Nomination_studentId_idx" ON "Nomination"("studentId");

-- CreateIndex
CREATE INDEX "Nomination_partnerId_academicYear_idx" ON "Nomination"("partnerId", "academicYear");

-- CreateIndex
CREATE UNIQUE INDEX "Nomination_email_academicYear_period_key" ON "Nomination"("email", "academicYear", "period");

-- CreateIndex
CREATE UNIQUE INDEX "Application_nominationId_key" ON "Application"("nominationId");

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "PartnerInstitution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "ResidenceCity" AS ENUM ('AIX', 'MARSEILLE');

-- CreateEnum
CREATE TYPE "Semester" AS ENUM ('S1', 'S2');

-- CreateEnum
CREATE TYPE "AllocationPolicy" AS ENUM ('FIRST_COME', 'RANKING');

-- CreateEnum
CREATE TYPE "HousingStatus" AS ENUM ('PENDING', 'ACCEPTED', 'WAITLISTED', 'REFUSED', 'DECLINED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "InsuranceStatus" AS ENUM ('MISSING', 'SUBMITTED', 'APPROVED', 'REJECTED');

-- AlterEnum
ALTER TYPE "DocumentKind" ADD VALUE 'INSURANCE_CERTIFICATE';

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "insuranceReviewNote" TEXT,
ADD COLUMN     "insuranceReviewedAt" TIMESTAMP(3),
ADD COLUMN     "insuranceStatus" "InsuranceStatus" NOT NULL DEFAULT 'MISSING';

-- CreateTable
CREATE TABLE "Residence" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "city" "ResidenceCity" NOT NULL,
    "address" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Residence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResidenceCapacity" (
    "id" UUID NOT NULL,
    "residenceId" UUID NOT NULL,
    "academicYear" INTEGER NOT NULL,
    "semester" "Semester" NOT NULL,
    "rooms" INTEGER NOT NULL,

    CONSTRAINT "ResidenceCapacity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HousingRound" (
    "id" UUID NOT NULL,
    "academicYear" INTEGER NOT NULL,
    "semester" "Semester" NOT NULL,
    "releaseAt" TIMESTAMP(3) NOT NULL,
    "policy" "AllocationPolicy" NOT NULL DEFAULT 'FIRST_COME',
    "releasedAt" TIMESTAMP(3),
    "releasedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HousingRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HousingRequest" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "cityPreference" "HousingCity" NOT NULL,
    "needs" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "rank" INTEGER,
    "status" "HousingStatus" NOT NULL DEFAULT 'PENDING',
    "residenceId" UUID,
    "waitlistPosition" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "decidedById" UUID,
    "notifiedStatus" "HousingStatus",
    "notifiedAt" TIMESTAMP(3),
    "mailClaimedAt" TIMESTAMP(3),
    "interlogRegisteredAt" TIMESTAMP(3),
    "interlogRequestedAt" TIMESTAMP(3),
    "depositPaidAt" TIMESTAMP(3),
    "commitmentsAcceptedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HousingRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Residence_name_key" ON "Residence"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ResidenceCapacity_residenceId_academicYear_semester_key" ON "ResidenceCapacity"("residenceId", "academicYear", "semester");

-- CreateIndex
CREATE UNIQUE INDEX "HousingRound_academicYear_semester_key" ON "HousingRound"("academicYear", "semester");

-- CreateIndex
CREATE UNIQUE INDEX "HousingRequest_applicationId_key" ON "HousingRequest"("applicationId");

-- CreateIndex
CREATE INDEX "HousingRequest_roundId_status_idx" ON "HousingRequest"("roundId", "status");

-- CreateIndex
CREATE INDEX "HousingRequest_residenceId_status_idx" ON "HousingRequest"("residenceId", "status");

-- AddForeignKey
ALTER TABLE "ResidenceCapacity" ADD CONSTRAINT "ResidenceCapacity_residenceId_fkey" FOREIGN KEY ("residenceId") REFERENCES "Residence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HousingRequest" ADD CONSTRAINT "HousingRequest_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HousingRequest" ADD CONSTRAINT "HousingRequest_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "HousingRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HousingRequest" ADD CONSTRAINT "HousingRequest_residenceId_fkey" FOREIGN KEY ("residenceId") REFERENCES "Residence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

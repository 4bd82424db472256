/*
  Warnings:

  - A unique constraint covering the columns `[ewpIiaId]` on the table `Agreement` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[partnerId,partnerIiaId]` on the table `Agreement` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[ewpHeiId]` on the table `PartnerInstitution` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "AgreementStatus" AS ENUM ('DRAFT', 'SIGNED', 'TERMINATED');

-- AlterTable
ALTER TABLE "Agreement" ADD COLUMN     "eqfLevels" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "ewpIiaId" TEXT,
ADD COLUMN     "iscedCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "languageRequirements" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "partnerIiaHash" TEXT,
ADD COLUMN     "partnerIiaId" TEXT,
ADD COLUMN     "status" "AgreementStatus" NOT NULL DEFAULT 'SIGNED';

-- AlterTable
ALTER TABLE "PartnerInstitution" ADD COLUMN     "ewpHeiId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_ewpIiaId_key" ON "Agreement"("ewpIiaId");

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_partnerId_partnerIiaId_key" ON "Agreement"("partnerId", "partnerIiaId");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerInstitution_ewpHeiId_key" ON "PartnerInstitution"("ewpHeiId");

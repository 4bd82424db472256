-- CreateEnum
CREATE TYPE "MobilityPeriod" AS ENUM ('S1', 'S2', 'FULL_YEAR');

-- AlterTable
ALTER TABLE "Agreement" ADD COLUMN     "periods" "MobilityPeriod"[] DEFAULT ARRAY[]::"MobilityPeriod"[],
ADD COLUMN     "signedOn" DATE,
ADD COLUMN     "signedPdfKey" TEXT,
ADD COLUMN     "signedPdfName" TEXT,
ADD COLUMN     "signedPdfSize" INTEGER;

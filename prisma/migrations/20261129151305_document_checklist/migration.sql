-- CreateEnum
CREATE TYPE "DocumentReview" AS ENUM ('PENDING', 'ACCEPTED', 'TO_REPLACE');

-- AlterTable
ALTER TABLE "ApplicationDocument" ADD COLUMN     "review" "DocumentReview" NOT NULL DEFAULT 'PENDING',
ADD COLUMN     "reviewNote" TEXT,
ADD COLUMN     "reviewedAt" TIMESTAMP(3);

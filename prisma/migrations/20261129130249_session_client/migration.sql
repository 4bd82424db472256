-- AlterTable
ALTER TABLE "UserSession" ADD COLUMN     "clientAddress" TEXT,
ADD COLUMN     "userAgent" TEXT;

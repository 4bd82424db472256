-- CreateEnum
CREATE TYPE "MessageSide" AS ENUM ('STUDENT', 'STAFF');

-- AlterTable
ALTER TABLE "Component" ADD COLUMN     "officeHoursEn" TEXT,
ADD COLUMN     "officeHoursFr" TEXT;

-- CreateTable
CREATE TABLE "DossierMessage" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "side" "MessageSide" NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DossierMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierThreadRead" (
    "applicationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DossierThreadRead_pkey" PRIMARY KEY ("applicationId","userId")
);

-- CreateIndex
CREATE INDEX "DossierMessage_applicationId_side_createdAt_idx" ON "DossierMessage"("applicationId", "side", "createdAt");

-- CreateIndex
CREATE INDEX "DossierThreadRead_userId_idx" ON "DossierThreadRead"("userId");

-- AddForeignKey
ALTER TABLE "DossierMessage" ADD CONSTRAINT "DossierMessage_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierMessage" ADD CONSTRAINT "DossierMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierThreadRead" ADD CONSTRAINT "DossierThreadRead_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierThreadRead" ADD CONSTRAINT "DossierThreadRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

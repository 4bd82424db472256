-- CreateEnum
CREATE TYPE "LetterKind" AS ENUM ('ACCEPTANCE', 'ARRIVAL_CERTIFICATE', 'ATTENDANCE_CERTIFICATE');

-- CreateTable
CREATE TABLE "Letter" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "kind" "LetterKind" NOT NULL,
    "locale" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "size" INTEGER NOT NULL,
    "studentName" TEXT NOT NULL,
    "periodStart" DATE,
    "periodEnd" DATE,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedById" UUID,
    "replacedAt" TIMESTAMP(3),

    CONSTRAINT "Letter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LetterVerifyThrottle" (
    "key" TEXT NOT NULL,
    "misses" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LetterVerifyThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Letter_code_key" ON "Letter"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Letter_storageKey_key" ON "Letter"("storageKey");

-- CreateIndex
CREATE INDEX "Letter_applicationId_kind_locale_idx" ON "Letter"("applicationId", "kind", "locale");

-- CreateIndex
CREATE UNIQUE INDEX "Letter_applicationId_kind_locale_version_key" ON "Letter"("applicationId", "kind", "locale", "version");

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

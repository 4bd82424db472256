-- CreateTable
CREATE TABLE "LetterLetterhead" (
    "locale" TEXT NOT NULL,
    "lines" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "LetterLetterhead_pkey" PRIMARY KEY ("locale")
);

-- CreateTable
CREATE TABLE "LetterSignatureImage" (
    "id" TEXT NOT NULL DEFAULT 'current',
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "LetterSignatureImage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LetterSignatureImage_storageKey_key" ON "LetterSignatureImage"("storageKey");

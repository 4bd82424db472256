-- CreateTable
CREATE TABLE "LetterTemplate" (
    "kind" "LetterKind" NOT NULL,
    "locale" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "signatoryName" TEXT NOT NULL,
    "signatoryTitle" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "LetterTemplate_pkey" PRIMARY KEY ("kind","locale")
);

-- R-VIS-5: a welcome desk opens in several periods (the autumn intake, the spring intake in
-- January). Each desk's single period and hours move into a period row; slots and bookings stay
-- as they are (a slot belongs to the period its Paris day falls in).

-- CreateTable
CREATE TABLE "WelcomeDeskPeriod" (
    "id" UUID NOT NULL,
    "deskId" UUID NOT NULL,
    "label" TEXT,
    "opensOn" DATE NOT NULL,
    "closesOn" DATE NOT NULL,
    "dailyOpensAt" TEXT NOT NULL DEFAULT '09:00',
    "dailyClosesAt" TEXT NOT NULL DEFAULT '16:00',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WelcomeDeskPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WelcomeDeskPeriod_deskId_opensOn_idx" ON "WelcomeDeskPeriod"("deskId", "opensOn");

-- AddForeignKey
ALTER TABLE "WelcomeDeskPeriod" ADD CONSTRAINT "WelcomeDeskPeriod_deskId_fkey" FOREIGN KEY ("deskId") REFERENCES "WelcomeDesk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The service checks the order too (R-VIS-5); the table keeps it whatever writes.
ALTER TABLE "WelcomeDeskPeriod" ADD CONSTRAINT "WelcomeDeskPeriod_closes_after_opening" CHECK ("closesOn" >= "opensOn");

-- Existing data: each desk whose period was announced keeps it, with its hours. A desk whose
-- period was "to be announced" has no period (its hours alone said nothing to students).
INSERT INTO "WelcomeDeskPeriod" ("id", "deskId", "opensOn", "closesOn", "dailyOpensAt", "dailyClosesAt", "updatedAt")
SELECT gen_random_uuid(), "id", "opensOn", "closesOn", "dailyOpensAt", "dailyClosesAt", CURRENT_TIMESTAMP
FROM "WelcomeDesk"
WHERE "opensOn" IS NOT NULL AND "closesOn" IS NOT NULL;

-- AlterTable
ALTER TABLE "WelcomeDesk" DROP COLUMN "closesOn",
DROP COLUMN "dailyClosesAt",
DROP COLUMN "dailyOpensAt",
DROP COLUMN "opensOn";

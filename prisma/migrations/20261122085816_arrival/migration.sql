-- CreateEnum
CREATE TYPE "VisaType" AS ENUM ('VLS_TS', 'SHORT_STAY', 'NONE', 'EU_RESIDENCE_PERMIT');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "DocumentKind" ADD VALUE 'VISA_OFII_FORM';
ALTER TYPE "DocumentKind" ADD VALUE 'VISA_PASSPORT_PAGES';
ALTER TYPE "DocumentKind" ADD VALUE 'VISA_PROOF_OF_RESIDENCE';
ALTER TYPE "DocumentKind" ADD VALUE 'VISA_FEE_RECEIPT';
ALTER TYPE "DocumentKind" ADD VALUE 'VISA_VALIDATION_PROOF';

-- CreateTable
CREATE TABLE "VisaFee" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VisaFee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CountryList" (
    "code" TEXT NOT NULL,
    "countries" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CountryList_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "VisaProcedure" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "summaryFr" TEXT NOT NULL,
    "summaryEn" TEXT NOT NULL,
    "deadlineMonths" INTEGER NOT NULL,
    "visaTypes" "VisaType"[],
    "reminderDays" INTEGER[],
    "supersededAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisaProcedure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisaProcedureStep" (
    "id" UUID NOT NULL,
    "procedureId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "titleFr" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "bodyFr" TEXT NOT NULL,
    "bodyEn" TEXT NOT NULL,
    "feeId" UUID,

    CONSTRAINT "VisaProcedureStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisaStepDocument" (
    "id" UUID NOT NULL,
    "stepId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "labelFr" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "uploadKind" "DocumentKind",

    CONSTRAINT "VisaStepDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisaProcedureYear" (
    "academicYear" INTEGER NOT NULL,
    "procedureId" UUID NOT NULL,

    CONSTRAINT "VisaProcedureYear_pkey" PRIMARY KEY ("academicYear")
);

-- CreateTable
CREATE TABLE "ArrivalChecklist" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "nationality" CHAR(2) NOT NULL,
    "visaType" "VisaType" NOT NULL,
    "arrivalDate" DATE,
    "procedureId" UUID,
    "foreignNumber" TEXT,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArrivalChecklist_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArrivalStepProgress" (
    "checklistId" UUID NOT NULL,
    "stepId" UUID NOT NULL,
    "doneAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArrivalStepProgress_pkey" PRIMARY KEY ("checklistId","stepId")
);

-- CreateTable
CREATE TABLE "VisaReminder" (
    "checklistId" UUID NOT NULL,
    "deadline" DATE NOT NULL,
    "offsetDays" INTEGER NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "VisaReminder_pkey" PRIMARY KEY ("checklistId","deadline","offsetDays")
);

-- CreateTable
CREATE TABLE "WelcomeDesk" (
    "id" UUID NOT NULL,
    "city" "ResidenceCity" NOT NULL,
    "placeName" TEXT,
    "address" TEXT,
    "opensOn" DATE,
    "closesOn" DATE,
    "dailyOpensAt" TEXT NOT NULL DEFAULT '09:00',
    "dailyClosesAt" TEXT NOT NULL DEFAULT '16:00',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WelcomeDesk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WelcomeDeskSlot" (
    "id" UUID NOT NULL,
    "deskId" UUID NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "capacity" INTEGER NOT NULL,
    "booked" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "WelcomeDeskSlot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WelcomeDeskBooking" (
    "id" UUID NOT NULL,
    "slotId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WelcomeDeskBooking_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VisaFee_code_key" ON "VisaFee"("code");

-- CreateIndex
CREATE UNIQUE INDEX "VisaProcedure_code_version_key" ON "VisaProcedure"("code", "version");

-- CreateIndex
CREATE INDEX "VisaProcedureStep_feeId_idx" ON "VisaProcedureStep"("feeId");

-- CreateIndex
CREATE UNIQUE INDEX "VisaProcedureStep_procedureId_position_key" ON "VisaProcedureStep"("procedureId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "VisaStepDocument_stepId_position_key" ON "VisaStepDocument"("stepId", "position");

-- CreateIndex
CREATE INDEX "VisaProcedureYear_procedureId_idx" ON "VisaProcedureYear"("procedureId");

-- CreateIndex
CREATE UNIQUE INDEX "ArrivalChecklist_applicationId_key" ON "ArrivalChecklist"("applicationId");

-- CreateIndex
CREATE INDEX "ArrivalChecklist_procedureId_idx" ON "ArrivalChecklist"("procedureId");

-- CreateIndex
CREATE INDEX "ArrivalStepProgress_stepId_idx" ON "ArrivalStepProgress"("stepId");

-- CreateIndex
CREATE UNIQUE INDEX "WelcomeDesk_city_key" ON "WelcomeDesk"("city");

-- CreateIndex
CREATE UNIQUE INDEX "WelcomeDeskSlot_deskId_startsAt_key" ON "WelcomeDeskSlot"("deskId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "WelcomeDeskBooking_applicationId_key" ON "WelcomeDeskBooking"("applicationId");

-- CreateIndex
CREATE INDEX "WelcomeDeskBooking_slotId_idx" ON "WelcomeDeskBooking"("slotId");

-- AddForeignKey
ALTER TABLE "VisaProcedureStep" ADD CONSTRAINT "VisaProcedureStep_procedureId_fkey" FOREIGN KEY ("procedureId") REFERENCES "VisaProcedure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisaProcedureStep" ADD CONSTRAINT "VisaProcedureStep_feeId_fkey" FOREIGN KEY ("feeId") REFERENCES "VisaFee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisaStepDocument" ADD CONSTRAINT "VisaStepDocument_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "VisaProcedureStep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisaProcedureYear" ADD CONSTRAINT "VisaProcedureYear_procedureId_fkey" FOREIGN KEY ("procedureId") REFERENCES "VisaProcedure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArrivalChecklist" ADD CONSTRAINT "ArrivalChecklist_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArrivalChecklist" ADD CONSTRAINT "ArrivalChecklist_procedureId_fkey" FOREIGN KEY ("procedureId") REFERENCES "VisaProcedure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArrivalStepProgress" ADD CONSTRAINT "ArrivalStepProgress_checklistId_fkey" FOREIGN KEY ("checklistId") REFERENCES "ArrivalChecklist"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArrivalStepProgress" ADD CONSTRAINT "ArrivalStepProgress_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "VisaProcedureStep"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisaReminder" ADD CONSTRAINT "VisaReminder_checklistId_fkey" FOREIGN KEY ("checklistId") REFERENCES "ArrivalChecklist"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WelcomeDeskSlot" ADD CONSTRAINT "WelcomeDeskSlot_deskId_fkey" FOREIGN KEY ("deskId") REFERENCES "WelcomeDesk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WelcomeDeskBooking" ADD CONSTRAINT "WelcomeDeskBooking_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "WelcomeDeskSlot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WelcomeDeskBooking" ADD CONSTRAINT "WelcomeDeskBooking_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Added by hand: a slot is never overbooked, whatever writes to it (the service also checks).
ALTER TABLE "WelcomeDeskSlot" ADD CONSTRAINT "WelcomeDeskSlot_booked_within_capacity" CHECK ("booked" >= 0 AND "booked" <= "capacity");
ALTER TABLE "WelcomeDeskSlot" ADD CONSTRAINT "WelcomeDeskSlot_ends_after_start" CHECK ("endsAt" > "startsAt");

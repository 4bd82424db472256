-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "callId" UUID,
ADD COLUMN     "lateSubmissionAt" TIMESTAMP(3),
ADD COLUMN     "lateSubmissionReason" TEXT;

-- CreateTable
CREATE TABLE "ApplicationCall" (
    "id" UUID NOT NULL,
    "academicYear" INTEGER NOT NULL,
    "period" "StudyPeriod" NOT NULL,
    "opensAt" TIMESTAMPTZ(3) NOT NULL,
    "nominationDeadline" TIMESTAMPTZ(3) NOT NULL,
    "applicationDeadline" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApplicationCall_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ApplicationCall_academicYear_period_idx" ON "ApplicationCall"("academicYear", "period");

-- CreateIndex
CREATE INDEX "ApplicationCall_applicationDeadline_idx" ON "ApplicationCall"("applicationDeadline");

-- CreateIndex
CREATE INDEX "Application_callId_status_idx" ON "Application"("callId", "status");

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_callId_fkey" FOREIGN KEY ("callId") REFERENCES "ApplicationCall"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Existing data (R-ELI-8): every application that names a year and a period gets a call of that
-- year and period, with AMU's usual dates in Paris time (decisions in July for semester 1 and the
-- full year, in December for semester 2; the deadlines are set before them). These are the
-- defaults of lib/calls/rules.ts defaultCallDates at the time of writing; an administrator
-- changes them in /admin/calls.
INSERT INTO "ApplicationCall" ("id", "academicYear", "period", "opensAt", "nominationDeadline", "applicationDeadline", "updatedAt")
SELECT gen_random_uuid(), y."academicYear", y."period",
  CASE WHEN y."period" = 'S2'
    THEN make_timestamp(y."academicYear", 5, 1, 0, 0, 0) AT TIME ZONE 'Europe/Paris'
    ELSE make_timestamp(y."academicYear" - 1, 12, 1, 0, 0, 0) AT TIME ZONE 'Europe/Paris' END,
  CASE WHEN y."period" = 'S2'
    THEN make_timestamp(y."academicYear", 9, 30, 23, 59, 0) AT TIME ZONE 'Europe/Paris'
    ELSE make_timestamp(y."academicYear", 4, 30, 23, 59, 0) AT TIME ZONE 'Europe/Paris' END,
  CASE WHEN y."period" = 'S2'
    THEN make_timestamp(y."academicYear", 10, 31, 23, 59, 0) AT TIME ZONE 'Europe/Paris'
    ELSE make_timestamp(y."academicYear", 5, 31, 23, 59, 0) AT TIME ZONE 'Europe/Paris' END,
  CURRENT_TIMESTAMP
FROM (SELECT DISTINCT "academicYear", "period" FROM "Application"
      WHERE "academicYear" IS NOT NULL AND "period" IS NOT NULL) AS y;

UPDATE "Application" AS a SET "callId" = c."id"
FROM "ApplicationCall" AS c
WHERE a."academicYear" = c."academicYear" AND a."period" = c."period";

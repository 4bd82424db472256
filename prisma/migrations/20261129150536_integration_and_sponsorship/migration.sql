-- CreateEnum
CREATE TYPE "IntegrationSignupStatus" AS ENUM ('CONFIRMED', 'WAITLISTED');

-- CreateEnum
CREATE TYPE "SponsorStatus" AS ENUM ('PENDING', 'APPROVED', 'REFUSED');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'SPONSOR';

-- CreateTable
CREATE TABLE "IntegrationSession" (
    "id" UUID NOT NULL,
    "academicYear" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "dailyHours" TEXT NOT NULL,
    "totalHours" INTEGER NOT NULL DEFAULT 20,
    "place" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntegrationSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationSignup" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "status" "IntegrationSignupStatus" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntegrationSignup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FleCourse" (
    "id" UUID NOT NULL,
    "componentId" UUID NOT NULL,
    "academicYear" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "schedule" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FleCourse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorTeacher" (
    "id" UUID NOT NULL,
    "componentId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "contactNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentorTeacher_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorAssignment" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "teacherId" UUID NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentorAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SponsorProfile" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "componentId" UUID NOT NULL,
    "city" "ResidenceCity" NOT NULL,
    "languages" TEXT[],
    "interests" TEXT[],
    "capacity" INTEGER NOT NULL,
    "charterVersion" TEXT NOT NULL,
    "charterAcceptedAt" TIMESTAMP(3) NOT NULL,
    "status" "SponsorStatus" NOT NULL DEFAULT 'PENDING',
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SponsorProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SponsorshipOptIn" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "consentVersion" TEXT NOT NULL,
    "consentedAt" TIMESTAMP(3) NOT NULL,
    "withdrawnAt" TIMESTAMP(3),
    "languages" TEXT[],
    "interests" TEXT[],

    CONSTRAINT "SponsorshipOptIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SponsorMatch" (
    "id" UUID NOT NULL,
    "sponsorId" UUID NOT NULL,
    "applicationId" UUID,
    "academicYear" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "forced" BOOLEAN NOT NULL DEFAULT false,
    "confirmedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedById" UUID,
    "anonymisedAt" TIMESTAMP(3),

    CONSTRAINT "SponsorMatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IntegrationSession_academicYear_startsOn_idx" ON "IntegrationSession"("academicYear", "startsOn");

-- CreateIndex
CREATE UNIQUE INDEX "IntegrationSignup_applicationId_key" ON "IntegrationSignup"("applicationId");

-- CreateIndex
CREATE INDEX "IntegrationSignup_sessionId_status_createdAt_idx" ON "IntegrationSignup"("sessionId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "FleCourse_componentId_academicYear_idx" ON "FleCourse"("componentId", "academicYear");

-- CreateIndex
CREATE INDEX "MentorTeacher_componentId_idx" ON "MentorTeacher"("componentId");

-- CreateIndex
CREATE UNIQUE INDEX "MentorAssignment_applicationId_key" ON "MentorAssignment"("applicationId");

-- CreateIndex
CREATE INDEX "MentorAssignment_teacherId_idx" ON "MentorAssignment"("teacherId");

-- CreateIndex
CREATE UNIQUE INDEX "SponsorProfile_userId_key" ON "SponsorProfile"("userId");

-- CreateIndex
CREATE INDEX "SponsorProfile_status_idx" ON "SponsorProfile"("status");

-- CreateIndex
CREATE UNIQUE INDEX "SponsorshipOptIn_applicationId_key" ON "SponsorshipOptIn"("applicationId");

-- CreateIndex
CREATE INDEX "SponsorshipOptIn_withdrawnAt_idx" ON "SponsorshipOptIn"("withdrawnAt");

-- CreateIndex
CREATE UNIQUE INDEX "SponsorMatch_applicationId_key" ON "SponsorMatch"("applicationId");

-- CreateIndex
CREATE INDEX "SponsorMatch_sponsorId_idx" ON "SponsorMatch"("sponsorId");

-- CreateIndex
CREATE INDEX "SponsorMatch_academicYear_anonymisedAt_idx" ON "SponsorMatch"("academicYear", "anonymisedAt");

-- AddForeignKey
ALTER TABLE "IntegrationSignup" ADD CONSTRAINT "IntegrationSignup_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "IntegrationSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationSignup" ADD CONSTRAINT "IntegrationSignup_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FleCourse" ADD CONSTRAINT "FleCourse_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorTeacher" ADD CONSTRAINT "MentorTeacher_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorAssignment" ADD CONSTRAINT "MentorAssignment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorAssignment" ADD CONSTRAINT "MentorAssignment_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "MentorTeacher"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SponsorProfile" ADD CONSTRAINT "SponsorProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SponsorProfile" ADD CONSTRAINT "SponsorProfile_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SponsorshipOptIn" ADD CONSTRAINT "SponsorshipOptIn_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SponsorMatch" ADD CONSTRAINT "SponsorMatch_sponsorId_fkey" FOREIGN KEY ("sponsorId") REFERENCES "SponsorProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SponsorMatch" ADD CONSTRAINT "SponsorMatch_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "JointMasterRunStatus" AS ENUM ('ALLOCATED', 'INFEASIBLE');

-- CreateTable
CREATE TABLE "JointMasterIntake" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "consortium" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JointMasterIntake_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JointMasterStudent" (
    "id" UUID NOT NULL,
    "intakeId" UUID NOT NULL,
    "studentNumber" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "lastDegreeCountry" CHAR(2) NOT NULL,
    "scholarship" TEXT,
    "ranking" INTEGER NOT NULL,
    "wishes" JSONB NOT NULL DEFAULT '[]',
    "thesisUniversity" TEXT,
    "thesisSubject" TEXT,
    "thesisApprovedAt" TIMESTAMP(3),
    "thesisApprovedBy" UUID,
    "fixedSemester2" TEXT,
    "fixedSemester3" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JointMasterStudent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JointMasterRun" (
    "id" UUID NOT NULL,
    "intakeId" UUID NOT NULL,
    "status" "JointMasterRunStatus" NOT NULL,
    "input" JSONB NOT NULL,
    "result" JSONB NOT NULL,
    "stats" JSONB NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "JointMasterRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "JointMasterIntake_name_key" ON "JointMasterIntake"("name");

-- CreateIndex
CREATE INDEX "JointMasterStudent_email_idx" ON "JointMasterStudent"("email");

-- CreateIndex
CREATE UNIQUE INDEX "JointMasterStudent_intakeId_studentNumber_key" ON "JointMasterStudent"("intakeId", "studentNumber");

-- CreateIndex
CREATE INDEX "JointMasterRun_intakeId_createdAt_idx" ON "JointMasterRun"("intakeId", "createdAt");

-- AddForeignKey
ALTER TABLE "JointMasterStudent" ADD CONSTRAINT "JointMasterStudent_intakeId_fkey" FOREIGN KEY ("intakeId") REFERENCES "JointMasterIntake"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointMasterRun" ADD CONSTRAINT "JointMasterRun_intakeId_fkey" FOREIGN KEY ("intakeId") REFERENCES "JointMasterIntake"("id") ON DELETE CASCADE ON UPDATE CASCADE;

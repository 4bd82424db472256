import "server-only";
import { z } from "zod";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { db } from "@/lib/db";
import type { AllocationResult } from "@/lib/joint-master/allocate";
import type { Path } from "@/lib/joint-master/rules";
import { type TWish, ZConsortium } from "@/lib/joint-master/schemas";

// The coordinator's reads take the admin viewer as proof; the student's read is found from
// their own account's e-mail, never from an id they send.

export async function listIntakes(viewer: AdminViewer) {
  assertAdminViewer(viewer);
  return db.jointMasterIntake.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, _count: { select: { students: true, runs: true } } },
  });
}

/** Null when there is no such intake (or the id is not even a UUID: the page answers 404). */
export async function getIntake(viewer: AdminViewer, intakeId: string) {
  assertAdminViewer(viewer);
  if (!z.uuid().safeParse(intakeId).success) return null;
  const intake = await db.jointMasterIntake.findUnique({
    where: { id: intakeId },
    include: {
      students: { orderBy: [{ ranking: "asc" }, { studentNumber: "asc" }] },
      runs: {
        orderBy: { createdAt: "desc" },
        take: 20,
        select: { id: true, status: true, createdAt: true, publishedAt: true, stats: true },
      },
    },
  });
  if (!intake) return null;
  return {
    ...intake,
    consortium: ZConsortium.parse(intake.consortium),
    students: intake.students.map((student) => ({ ...student, wishes: student.wishes as TWish[] })),
  };
}

/** A run with its result and explanations, and the intake's students to name them. */
export async function getRun(viewer: AdminViewer, runId: string) {
  assertAdminViewer(viewer);
  if (!z.uuid().safeParse(runId).success) return null;
  const run = await db.jointMasterRun.findUnique({
    where: { id: runId },
    include: {
      intake: {
        select: {
          id: true,
          name: true,
          consortium: true,
          students: { select: { id: true, studentNumber: true, name: true, fixedSemester2: true } },
        },
      },
    },
  });
  if (!run) return null;
  return {
    ...run,
    result: run.result as unknown as AllocationResult,
    consortium: ZConsortium.parse(run.intake.consortium),
  };
}

/**
 * The student's own intake entry and, once published, their path (the latest published run of
 * their intake). Null when the account's e-mail is in no intake.
 */
export async function getOwnJointMaster(viewer: { email: string }) {
  const student = await db.jointMasterStudent.findFirst({
    where: { email: viewer.email.toLowerCase() },
    orderBy: { createdAt: "desc" },
    include: { intake: { select: { name: true, consortium: true } } },
  });
  if (!student) return null;
  const run = await db.jointMasterRun.findFirst({
    where: { intakeId: student.intakeId, publishedAt: { not: null } },
    orderBy: { publishedAt: "desc" },
    select: { result: true, publishedAt: true },
  });
  const result = run?.result as unknown as AllocationResult | undefined;
  const outcome =
    result?.status === "allocated"
      ? result.students.find((candidate) => candidate.studentId === student.studentNumber)
      : undefined;
  const path: Path | null = outcome?.path ?? null;
  return {
    name: student.name,
    intakeName: student.intake.name,
    consortium: ZConsortium.parse(student.intake.consortium),
    scholarship: student.scholarship,
    wishes: student.wishes as TWish[],
    thesisUniversity: student.thesisUniversity,
    thesisSubject: student.thesisSubject,
    thesisApproved: student.thesisApprovedAt !== null,
    path,
    wishRank: outcome?.wishRank ?? null,
  };
}

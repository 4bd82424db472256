import "server-only";
import { z } from "zod";
import { academicYearOf } from "@/lib/academic-year";
import { assessAmiApplication, lifetimeCapFor } from "@/lib/ami/assess";
import { amiAcademicYear, countingStatuses, paymentSchedule } from "@/lib/ami/rules";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { AmiStatus } from "@/lib/generated/prisma/enums";
import { cursorTime, decodeCursor, encodeCursor } from "@/lib/keyset-cursor";

/** The AMI reads: the student's own applications, and the office's (admins only). */

type Student = Pick<Viewer, "id">;

const applicationSelect = {
  id: true,
  status: true,
  mobilityKind: true,
  hostName: true,
  country: true,
  startDate: true,
  endDate: true,
  partOfCurriculum: true,
  referentTeacher: true,
  grantStatus: true,
  grantLevel: true,
  birthDate: true,
  disability: true,
  ruralArea: true,
  priorityUrbanArea: true,
  erasmusPlus: true,
  months: true,
  submittedAt: true,
  lateFlag: true,
  grantedAmountCents: true,
  computedAmountCents: true,
  decisionReason: true,
  decidedAt: true,
} as const;

/** The granted amount's schedule, one line per month (R-AMI-5); none before the grant. */
function scheduleOf(application: {
  status: AmiStatus;
  startDate: Date;
  months: number;
  grantedAmountCents: number | null;
}) {
  return application.status === "GRANTED" && application.grantedAmountCents !== null
    ? paymentSchedule(application.startDate, application.months, application.grantedAmountCents)
    : [];
}

/** The student's applications, newest stay first. */
export async function listMyAmiApplications(student: Student) {
  const rows = await db.amiApplication.findMany({
    where: { studentId: student.id },
    select: applicationSelect,
    orderBy: [{ startDate: "desc" }, { id: "asc" }],
  });
  return rows.map((row) => ({ ...row, schedule: scheduleOf(row) }));
}

/** Anything but a UUID names no application: "not found", like someone else's. */
const isId = (id: string) => z.uuid().safeParse(id).success;

/** One of the student's own applications (someone else's reads as missing). */
export async function getMyAmiApplication(student: Student, id: string) {
  if (!isId(id)) return null;
  const row = await db.amiApplication.findFirst({ where: { id, studentId: student.id }, select: applicationSelect });
  return row ? { ...row, schedule: scheduleOf(row) } : null;
}

/**
 * R-AMI-1: the months the student has received (granted), those held by applications under
 * review, and what is left of the lifetime cap (null: no year's figures set yet).
 */
export async function myAmiMonths(student: Student, now = new Date()) {
  const rows = await db.amiApplication.findMany({
    where: { studentId: student.id, status: { in: [...countingStatuses] } },
    select: { status: true, months: true },
  });
  const granted = rows.filter((row) => row.status === "GRANTED").reduce((sum, row) => sum + row.months, 0);
  const pending = rows.filter((row) => row.status !== "GRANTED").reduce((sum, row) => sum + row.months, 0);
  const cap = await lifetimeCapFor(db, academicYearOf(now));
  return { granted, pending, cap, left: cap === null ? null : Math.max(0, cap - granted - pending) };
}

const queuePageSize = 50;

/**
 * The office's queue: submitted applications (never drafts), those awaiting a decision first,
 * oldest submission first, each with every rule's verdict and the student's months used.
 */
export async function listAmiQueue(admin: AdminViewer, options: { status?: AmiStatus; cursor?: string }) {
  assertAdminViewer(admin);
  const key = decodeCursor(options.cursor, 2);
  const after = key ? cursorTime(key[0]) : null;
  const rows = await db.amiApplication.findMany({
    where: {
      status: options.status ?? { not: "DRAFT" },
      ...(after && key ? { OR: [{ submittedAt: { gt: after } }, { submittedAt: after, id: { gt: key[1] } }] } : {}),
    },
    select: {
      ...applicationSelect,
      studentId: true,
      student: { select: { name: true, email: true } },
    },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: queuePageSize + 1,
  });
  const page = rows.slice(0, queuePageSize);
  const items = [];
  for (const row of page) {
    items.push({ ...row, assessment: await assessAmiApplication(db, row, row.submittedAt ?? new Date()) });
  }
  const last = page.at(-1);
  const nextCursor =
    rows.length > queuePageSize && last ? encodeCursor([last.submittedAt!.toISOString(), last.id]) : null;
  return { items, nextCursor };
}

/** One application for the office, with the rules' verdicts, the amount and the schedule. */
export async function getAmiApplicationForOffice(admin: AdminViewer, id: string) {
  assertAdminViewer(admin);
  if (!isId(id)) return null;
  const row = await db.amiApplication.findFirst({
    where: { id, status: { not: "DRAFT" } },
    select: { ...applicationSelect, studentId: true, student: { select: { name: true, email: true } } },
  });
  if (!row) return null;
  const assessment = await assessAmiApplication(db, row, row.submittedAt ?? new Date());
  return { ...row, assessment, academicYear: amiAcademicYear(row), schedule: scheduleOf(row) };
}

/** R-AMI-2: every year's figures, newest first. */
export async function listAmiYearRates(admin: AdminViewer) {
  assertAdminViewer(admin);
  return db.amiYearRate.findMany({ orderBy: { academicYear: "desc" } });
}

/** The finance office's export: every payment line of every granted application, by stay. */
export async function listAmiPaymentLines(admin: AdminViewer) {
  assertAdminViewer(admin);
  const rows = await db.amiApplication.findMany({
    where: { status: "GRANTED" },
    select: {
      ...applicationSelect,
      student: { select: { name: true, email: true } },
    },
    orderBy: [{ startDate: "asc" }, { id: "asc" }],
  });
  return rows.flatMap((row) =>
    scheduleOf(row).map((line) => ({
      applicationId: row.id,
      studentName: row.student.name,
      studentEmail: row.student.email,
      hostName: row.hostName,
      country: row.country,
      startDate: row.startDate,
      endDate: row.endDate,
      months: row.months,
      grantedAmountCents: row.grantedAmountCents ?? 0,
      erasmusPlus: row.erasmusPlus,
      instalment: line.number,
      month: line.month,
      amountCents: line.amountCents,
    })),
  );
}

/** The university's student e-mail domains (configuration), for the registration page's hint. */
export function amuStudentEmailDomains(): readonly string[] {
  return env().AMU_STUDENT_EMAIL_DOMAINS;
}

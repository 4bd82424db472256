import "server-only";
import {
  type AmiAmount,
  type AmiEligibility,
  type AmiSituation,
  type AmiYearFigures,
  amiAcademicYear,
  checkEligibility,
  computeAmount,
  countingStatuses,
} from "@/lib/ami/rules";
import type { Db, Tx } from "@/lib/db";

/**
 * The rules applied to one stored application with what they need from the database (the
 * year's figures, the student's other applications): shared by the service, which decides on
 * the verdict, and by the reads, which show it. Pure rules stay in rules.ts.
 */

type Client = Db | Tx;

const figuresSelect = {
  academicYear: true,
  monthlyRateCents: true,
  lifetimeCapMonths: true,
  grantLevelSupplementCents: true,
  disabilitySupplementCents: true,
  ruralAreaSupplementCents: true,
  priorityUrbanAreaSupplementCents: true,
} as const;

export async function figuresForYear(client: Client, academicYear: number): Promise<AmiYearFigures | null> {
  return client.amiYearRate.findUnique({ where: { academicYear }, select: figuresSelect });
}

/**
 * R-AMI-1: the lifetime cap that applies to a stay: its year's, or, before the office has set
 * that year, the latest one set before it (the cap is over the student's studies, not a year's
 * rate). Null when no year has any figures.
 */
export async function lifetimeCapFor(client: Client, academicYear: number): Promise<number | null> {
  const row =
    (await client.amiYearRate.findFirst({
      where: { academicYear: { lte: academicYear } },
      orderBy: { academicYear: "desc" },
      select: { lifetimeCapMonths: true },
    })) ??
    (await client.amiYearRate.findFirst({ orderBy: { academicYear: "asc" }, select: { lifetimeCapMonths: true } }));
  return row?.lifetimeCapMonths ?? null;
}

/** The student's applications whose months count towards the cap, but one (rules.ts). */
export async function otherCountingStays(client: Client, studentId: string, exceptId: string | null) {
  return client.amiApplication.findMany({
    where: {
      studentId,
      status: { in: [...countingStatuses] },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true, startDate: true, endDate: true, months: true },
    orderBy: { startDate: "asc" },
  });
}

export interface AssessedFields extends AmiSituation {
  id: string | null;
  studentId: string;
  startDate: Date;
  endDate: Date;
  partOfCurriculum: boolean;
  birthDate: Date;
}

export interface AmiAssessment {
  academicYear: number;
  /** Null: no figures at all yet (the office is told to set them). */
  lifetimeCapMonths: number | null;
  eligibility: AmiEligibility | null;
  amount: AmiAmount;
}

/** Every rule's verdict on an application and its amount, as of `submittedOn`. */
export async function assessAmiApplication(
  client: Client,
  application: AssessedFields,
  submittedOn: Date,
): Promise<AmiAssessment> {
  const academicYear = amiAcademicYear(application);
  // One after the other: a transaction's queries share one connection.
  const figures = await figuresForYear(client, academicYear);
  const cap = await lifetimeCapFor(client, academicYear);
  const otherStays = await otherCountingStays(client, application.studentId, application.id);
  const eligibility =
    cap === null ? null : checkEligibility({ ...application, submittedOn, otherStays, lifetimeCapMonths: cap });
  const amount = computeAmount(academicYear, eligibility?.months ?? 0, application, figures);
  return { academicYear, lifetimeCapMonths: cap, eligibility, amount };
}

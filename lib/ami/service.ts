import "server-only";
import { formatAcademicYear } from "@/lib/academic-year";
import { type AmiAssessment, type AssessedFields, assessAmiApplication } from "@/lib/ami/assess";
import {
  type AmiCheckName,
  type AmiEligibility,
  canDecide,
  isEditableByStudent,
  requiredAmiDocuments,
} from "@/lib/ami/rules";
import type { TAmiApplication, TAmiApplicationId, TAmiDecision, TAmiYearRate } from "@/lib/ami/schemas";
import { recordAudit } from "@/lib/audit";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { db, type Tx } from "@/lib/db";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import type { AmiStatus } from "@/lib/generated/prisma/enums";

/**
 * The AMI applications' only writer (R-AMI-1…4): the student's draft and submission, the
 * office's decisions and the figures of each year. Each change and its audit event go in one
 * transaction; decisions are guarded on the status the officer saw.
 */

type Student = Pick<Viewer, "id">;
type Admin = AdminViewer & Pick<Viewer, "id">;

const applicationFields = (input: TAmiApplication) => ({
  mobilityKind: input.mobilityKind,
  hostName: input.hostName,
  country: input.country,
  startDate: input.startDate,
  endDate: input.endDate,
  partOfCurriculum: input.partOfCurriculum,
  referentTeacher: input.referentTeacher,
  grantStatus: input.grantStatus,
  grantLevel: input.grantLevel,
  birthDate: input.birthDate,
  disability: input.disability,
  ruralArea: input.ruralArea,
  priorityUrbanArea: input.priorityUrbanArea,
  erasmusPlus: input.erasmusPlus,
});

/**
 * Two submissions of one student at once must not both use the months left (R-AMI-1): every
 * write that changes what counts towards the cap takes the student's row lock first.
 */
async function lockStudent(tx: Tx, studentId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${studentId}::uuid FOR UPDATE`;
}

async function editableApplicationOrThrow(tx: Tx, student: Student, id: string) {
  const application = await tx.amiApplication.findFirst({
    where: { id, studentId: student.id },
    select: { id: true, status: true },
  });
  if (!application) throw new NotFoundError();
  if (!isEditableByStudent(application.status)) throw new DomainError("amiNotEditable");
  return application;
}

/** The first rule a refused application breaks, as the message and field the form shows. */
function refusalOf(assessment: AmiAssessment, eligibility: AmiEligibility, names: readonly AmiCheckName[]) {
  const failed = eligibility.checks.find((check) => !check.met && !check.flagOnly && names.includes(check.name));
  const cap = assessment.lifetimeCapMonths ?? 0;
  switch (failed?.name) {
    case "duration":
      return new DomainError(
        "amiDuration",
        { max: cap, months: eligibility.length.wholeMonths, days: eligibility.length.extraDays },
        "endDate",
      );
    case "overlap":
      return new DomainError("amiOverlap", {}, "startDate");
    case "lifetimeCap":
      return new DomainError("amiCap", { months: eligibility.months, left: eligibility.monthsLeft, cap }, "endDate");
    case "grantHolder":
      return new DomainError("amiNotGrantHolder", {}, "grantStatus");
    case "curriculum":
      return new DomainError("amiNotInCurriculum", {}, "partOfCurriculum");
    case "age":
      return new DomainError("amiAge", {}, "birthDate");
    default:
      return null;
  }
}

async function assessOrThrow(tx: Tx, application: AssessedFields, now: Date) {
  const assessment = await assessAmiApplication(tx, application, now);
  if (!assessment.eligibility) {
    throw new DomainError("amiRateMissing", { year: formatAcademicYear(assessment.academicYear) });
  }
  return { assessment, eligibility: assessment.eligibility };
}

const missingDocumentCode = {
  AWARD_LETTER: "amiAwardLetterMissing",
  DISABILITY_PROOF: "amiDisabilityProofMissing",
} as const;

// What a draft is refused for: bad dates and what would clash with the other applications.
// The student's situation (grant, age, curriculum) is checked at submission, so a draft keeps it.
const draftChecks: readonly AmiCheckName[] = ["duration", "overlap", "lifetimeCap"];
const submissionChecks: readonly AmiCheckName[] = [
  "duration",
  "overlap",
  "lifetimeCap",
  "grantHolder",
  "curriculum",
  "age",
];

/** A new application, or changes to one the student may still change (R-AMI-1). */
export async function saveAmiApplication(
  student: Student,
  input: TAmiApplication,
  requestId: string,
  now = new Date(),
): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    await lockStudent(tx, student.id);
    const existing = input.id ? await editableApplicationOrThrow(tx, student, input.id) : null;
    const { assessment, eligibility } = await assessOrThrow(
      tx,
      { ...input, id: existing?.id ?? null, studentId: student.id },
      now,
    );
    const refusal = refusalOf(assessment, eligibility, draftChecks);
    if (refusal) throw refusal;
    const data = { ...applicationFields(input), months: eligibility.months };
    const saved = existing
      ? await tx.amiApplication.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.amiApplication.create({ data: { ...data, studentId: student.id }, select: { id: true } });
    await recordAudit(tx, {
      actorId: student.id,
      action: "ami.save",
      entityType: "AmiApplication",
      entityId: saved.id,
      after: data,
      requestId,
    });
    return saved;
  });
}

/**
 * Submitted to the international office (R-AMI-1, R-AMI-3, R-AMI-4): refused if a rule is not
 * met, with the rule's message on its field; accepted but flagged when less than six months
 * before departure.
 */
export async function submitAmiApplication(
  student: Student,
  input: TAmiApplicationId,
  requestId: string,
  now = new Date(),
): Promise<{ late: boolean }> {
  return db.$transaction(async (tx) => {
    await lockStudent(tx, student.id);
    const current = await editableApplicationOrThrow(tx, student, input.id);
    // Issue 19: the role rests on a university address the student has shown they read.
    const account = await tx.user.findUniqueOrThrow({ where: { id: student.id }, select: { emailVerifiedAt: true } });
    if (!account.emailVerifiedAt) throw new DomainError("amiEmailNotVerified");
    const application = await tx.amiApplication.findUniqueOrThrow({ where: { id: current.id } });
    const { assessment, eligibility } = await assessOrThrow(tx, application, now);
    const refusal = refusalOf(assessment, eligibility, submissionChecks);
    if (refusal) throw refusal;
    const uploaded = await tx.amiDocument.findMany({
      where: { applicationId: application.id },
      select: { kind: true },
    });
    const missing = requiredAmiDocuments(application).find(
      (kind) => !uploaded.some((document) => document.kind === kind),
    );
    if (missing) throw new DomainError(missingDocumentCode[missing]);
    const updated = await tx.amiApplication.updateMany({
      where: { id: application.id, status: current.status },
      // A request for changes, once answered, is no longer the office's word (the audit keeps it).
      data: {
        status: "SUBMITTED",
        submittedAt: now,
        months: eligibility.months,
        lateFlag: eligibility.late,
        decisionReason: null,
        decidedAt: null,
        decidedById: null,
      },
    });
    if (updated.count !== 1) throw new ConflictError();
    await recordAudit(tx, {
      actorId: student.id,
      action: "ami.submit",
      entityType: "AmiApplication",
      entityId: application.id,
      before: { status: current.status },
      after: { status: "SUBMITTED", months: eligibility.months, late: eligibility.late },
      requestId,
    });
    return { late: eligibility.late };
  });
}

export interface AmiDecisionMail {
  to: string;
  locale: "fr" | "en";
  name: string;
  host: string;
  decision: TAmiDecision["decision"];
  months: number;
  amountCents: number | null;
  reason: string | null;
}

const auditAction = {
  GRANTED: "ami.grant",
  REFUSED: "ami.refuse",
  CHANGES_REQUESTED: "ami.requestChanges",
} as const;

/**
 * The office decides (R-AMI-2, R-AMI-4): granted with the computed amount, or another with its
 * reason; refused, or sent back for changes, with a reason. Nothing is granted while the year's
 * figures are missing. Cumulation with Erasmus+ is shown, never blocking. Returns the mail to
 * send once committed.
 */
export async function decideAmiApplication(
  admin: Admin,
  input: TAmiDecision,
  requestId: string,
  now = new Date(),
): Promise<AmiDecisionMail> {
  assertAdminViewer(admin);
  return db.$transaction(async (tx) => {
    const application = await tx.amiApplication.findUnique({
      where: { id: input.id },
      include: { student: { select: { email: true, name: true, locale: true } } },
    });
    if (!application || application.status === "DRAFT") throw new NotFoundError();
    if (!canDecide(application.status)) throw new ConflictError();
    let computedAmountCents: number | null = null;
    let grantedAmountCents: number | null = null;
    if (input.decision === "GRANTED") {
      await lockStudent(tx, application.studentId);
      const assessment = await assessAmiApplication(tx, application, application.submittedAt ?? now);
      if (!assessment.amount.ok) {
        throw new DomainError("amiRateMissing", { year: formatAcademicYear(assessment.academicYear) });
      }
      if (assessment.eligibility && !assessment.eligibility.checks.find((c) => c.name === "lifetimeCap")?.met) {
        throw new DomainError("amiCapCrossed", { cap: assessment.lifetimeCapMonths ?? 0 });
      }
      computedAmountCents = assessment.amount.totalCents;
      grantedAmountCents = input.amount ?? computedAmountCents;
      if (grantedAmountCents !== computedAmountCents && !input.reason) {
        throw new DomainError("amiAdjustmentReason", {}, "reason");
      }
    }
    const status: AmiStatus = input.decision;
    const updated = await tx.amiApplication.updateMany({
      where: { id: application.id, status: application.status },
      data: {
        status,
        computedAmountCents,
        grantedAmountCents,
        decisionReason: input.reason,
        decidedAt: now,
        decidedById: admin.id,
      },
    });
    if (updated.count !== 1) throw new ConflictError();
    await recordAudit(tx, {
      actorId: admin.id,
      action: auditAction[input.decision],
      entityType: "AmiApplication",
      entityId: application.id,
      before: { status: application.status },
      after: { status, computedAmountCents, grantedAmountCents, reason: input.reason },
      requestId,
    });
    return {
      to: application.student.email,
      locale: application.student.locale,
      name: application.student.name,
      host: application.hostName,
      decision: input.decision,
      months: application.months,
      amountCents: grantedAmountCents,
      reason: input.reason,
    };
  });
}

/** R-AMI-2: one academic year's figures, set by the office when the decree is published. */
export async function setAmiYearRate(admin: Admin, input: TAmiYearRate, requestId: string): Promise<void> {
  assertAdminViewer(admin);
  const data = {
    monthlyRateCents: input.monthlyRate,
    lifetimeCapMonths: input.lifetimeCapMonths,
    grantLevelSupplementCents: input.grantLevelSupplement,
    disabilitySupplementCents: input.disabilitySupplement,
    ruralAreaSupplementCents: input.ruralAreaSupplement,
    priorityUrbanAreaSupplementCents: input.priorityUrbanAreaSupplement,
  };
  await db.$transaction(async (tx) => {
    const before = await tx.amiYearRate.findUnique({ where: { academicYear: input.academicYear } });
    await tx.amiYearRate.upsert({
      where: { academicYear: input.academicYear },
      create: { academicYear: input.academicYear, ...data },
      update: data,
    });
    await recordAudit(tx, {
      actorId: admin.id,
      action: "amiYearRate.update",
      entityType: "AmiYearRate",
      entityId: String(input.academicYear),
      before: before ? { ...before, updatedAt: undefined } : undefined,
      after: data,
      requestId,
    });
  });
}

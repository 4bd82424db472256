import "server-only";
import { lockOwnAcceptedApplicationOrThrow } from "@/lib/applications/own-application";
import {
  type ArrivalDateProblem,
  arrivalDateProblem,
  canRecordNumber,
  checklistApplicability,
  missingUploads,
} from "@/lib/arrival/rules";
import type { TArrivalDetails, TArrivalStep, TForeignNumber } from "@/lib/arrival/schemas";
import { recordAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { db, type Tx } from "@/lib/db";
import { DomainError, type ErrorCode, NotFoundError } from "@/lib/errors";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { dateToDay, dayToDate, parisDay } from "@/lib/paris-time";
import { findVisaExemptCountries } from "@/lib/visa-exempt-countries";

/**
 * The accepted student's arrival checklist (R-VIS-1…6): what they entered France with and
 * when, the steps of their residence-permit procedure, and the AGDREF number that ends it.
 * Each function acts on the viewer's own application only, locked for the transaction.
 */

type StudentViewer = Pick<Viewer, "id" | "role">;

/** The viewer's accepted application, locked for the transaction, with what the arrival rules need. */
async function lockAcceptedApplication(tx: Tx, viewer: StudentViewer) {
  const application = await lockOwnAcceptedApplicationOrThrow(tx, viewer, "arrivalNotAccepted");
  if (!application.decidedAt || application.academicYear === null) throw new DomainError("arrivalNotAccepted");
  return { id: application.id, academicYear: application.academicYear, decidedAt: application.decidedAt };
}

const procedureSelect = {
  id: true,
  visaTypes: true,
  excludedNationalities: true,
  steps: { orderBy: { position: "asc" }, select: { id: true, documents: { select: { uploadKind: true } } } },
} as const;

/** The checklist with what the step and number rules need; null when the student has not started. */
async function findChecklist(tx: Tx, applicationId: string) {
  return tx.arrivalChecklist.findUnique({
    where: { applicationId },
    select: {
      id: true,
      nationality: true,
      visaType: true,
      arrivalDate: true,
      foreignNumber: true,
      completedAt: true,
      procedure: { select: procedureSelect },
      steps: { select: { stepId: true } },
    },
  });
}

/** The checklist whose procedure applies to the student, or the reason it does not exist. */
async function applicableChecklistOrThrow(tx: Tx, applicationId: string) {
  const checklist = await findChecklist(tx, applicationId);
  if (!checklist?.procedure) throw new DomainError("arrivalNotStarted");
  const applicability = checklistApplicability({
    nationality: checklist.nationality,
    visaType: checklist.visaType,
    exemptCountries: await findVisaExemptCountries(tx),
    procedure: checklist.procedure,
  });
  if (!applicability.applies) throw new DomainError("arrivalNotApplicable");
  return { ...checklist, procedure: checklist.procedure };
}

function uploadKindsOf(step: { documents: { uploadKind: DocumentKind | null }[] }): DocumentKind[] {
  return step.documents.flatMap((document) => (document.uploadKind ? [document.uploadKind] : []));
}

const arrivalDateErrors: Record<ArrivalDateProblem, ErrorCode> = {
  beforeAcceptance: "arrivalBeforeAcceptance",
  tooFarInPast: "arrivalTooFarInPast",
  tooFarInFuture: "arrivalTooFarInFuture",
};

/**
 * R-VIS-6, R-VIS-1: the student says their nationality, their visa and (once known) the day
 * they arrived. The first time the procedure applies, the version active for their academic
 * year is pinned to the checklist: the student keeps it whatever admins change afterwards.
 */
export async function saveArrivalDetails(
  viewer: StudentViewer,
  input: TArrivalDetails,
  requestId: string,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const application = await lockAcceptedApplication(tx, viewer);
    if (input.arrivalDate) {
      const problem = arrivalDateProblem(input.arrivalDate, parisDay(application.decidedAt), parisDay(now));
      if (problem)
        throw new DomainError(arrivalDateErrors[problem], { date: application.decidedAt.getTime() }, "arrivalDate");
    }
    const existing = await findChecklist(tx, application.id);
    let procedureId = existing?.procedure?.id ?? null;
    if (!procedureId) {
      const active = await tx.visaProcedureYear.findUnique({
        where: { academicYear: application.academicYear },
        select: { procedure: { select: { id: true, visaTypes: true, excludedNationalities: true } } },
      });
      const applies =
        active !== null &&
        checklistApplicability({
          nationality: input.nationality,
          visaType: input.visaType,
          exemptCountries: await findVisaExemptCountries(tx),
          procedure: active.procedure,
        }).applies;
      procedureId = applies ? active.procedure.id : null;
    }
    const data = {
      nationality: input.nationality,
      visaType: input.visaType,
      arrivalDate: input.arrivalDate ? dayToDate(input.arrivalDate) : null,
      procedureId,
    };
    const checklist = await tx.arrivalChecklist.upsert({
      where: { applicationId: application.id },
      create: { applicationId: application.id, ...data },
      update: data,
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: existing ? "arrival.update" : "arrival.start",
      entityType: "ArrivalChecklist",
      entityId: checklist.id,
      before: existing
        ? {
            nationality: existing.nationality,
            visaType: existing.visaType,
            arrivalDate: existing.arrivalDate ? dateToDay(existing.arrivalDate) : null,
            procedureId: existing.procedure?.id ?? null,
          }
        : undefined,
      after: { ...data, arrivalDate: input.arrivalDate },
      requestId,
    });
    return { checklistId: checklist.id, procedureId };
  });
}

/**
 * A step ticked (done) or unticked. Ticking needs the copies the step asks for; once the
 * number is recorded the steps no longer change. Ticking a ticked step changes nothing.
 */
export async function setArrivalStep(viewer: StudentViewer, input: TArrivalStep, requestId: string) {
  return db.$transaction(async (tx) => {
    const application = await lockAcceptedApplication(tx, viewer);
    const checklist = await applicableChecklistOrThrow(tx, application.id);
    const step = checklist.procedure.steps.find((candidate) => candidate.id === input.stepId);
    if (!step) throw new NotFoundError();
    if (checklist.completedAt) throw new DomainError("arrivalCompleted");
    const isDone = checklist.steps.some((progress) => progress.stepId === step.id);
    if (isDone === input.done) return { stepId: step.id, done: isDone, changed: false };
    if (input.done) {
      const uploaded = await tx.applicationDocument.findMany({
        where: { applicationId: application.id },
        select: { kind: true },
      });
      const missing = missingUploads(
        { id: step.id, uploadKinds: uploadKindsOf(step) },
        new Set<DocumentKind>(uploaded.map((document) => document.kind)),
      );
      if (missing.length > 0) throw new DomainError("arrivalStepDocumentsMissing", { count: missing.length });
      await tx.arrivalStepProgress.create({ data: { checklistId: checklist.id, stepId: step.id } });
    } else {
      await tx.arrivalStepProgress.delete({
        where: { checklistId_stepId: { checklistId: checklist.id, stepId: step.id } },
      });
    }
    await recordAudit(tx, {
      actorId: viewer.id,
      action: input.done ? "arrival.stepDone" : "arrival.stepUndone",
      entityType: "ArrivalChecklist",
      entityId: checklist.id,
      before: { stepId: step.id, done: isDone },
      after: { stepId: step.id, done: input.done },
      requestId,
    });
    return { stepId: step.id, done: input.done, changed: true };
  });
}

/**
 * R-VIS-4: the AGDREF number ends the checklist, once every step is done. Recording it again
 * corrects it (a typo) and keeps the first completion time.
 */
export async function recordForeignNumber(
  viewer: StudentViewer,
  input: TForeignNumber,
  requestId: string,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const application = await lockAcceptedApplication(tx, viewer);
    const checklist = await applicableChecklistOrThrow(tx, application.id);
    const done = new Set(checklist.steps.map((progress) => progress.stepId));
    if (!canRecordNumber(checklist.procedure.steps, done)) {
      const pending = checklist.procedure.steps.filter((step) => !done.has(step.id)).length;
      throw new DomainError("arrivalStepsPending", { count: pending }, "foreignNumber");
    }
    // A copy removed after its step was ticked: the step's proof is gone, the checklist is not complete.
    const uploaded = new Set<DocumentKind>(
      (await tx.applicationDocument.findMany({ where: { applicationId: application.id }, select: { kind: true } })).map(
        (document) => document.kind,
      ),
    );
    const missing = checklist.procedure.steps.flatMap((step) =>
      missingUploads({ id: step.id, uploadKinds: uploadKindsOf(step) }, uploaded),
    );
    if (missing.length > 0)
      throw new DomainError("arrivalStepDocumentsMissing", { count: missing.length }, "foreignNumber");
    const completedAt = checklist.completedAt ?? now;
    await tx.arrivalChecklist.update({
      where: { id: checklist.id },
      data: { foreignNumber: input.foreignNumber, completedAt },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: checklist.foreignNumber ? "arrival.correctNumber" : "arrival.complete",
      entityType: "ArrivalChecklist",
      entityId: checklist.id,
      // The number itself stays with the student: the trail records that it was recorded.
      before: {
        foreignNumberRecorded: checklist.foreignNumber !== null,
        completedAt: checklist.completedAt?.toISOString() ?? null,
      },
      after: { foreignNumberRecorded: true, completedAt: completedAt.toISOString() },
      requestId,
    });
    return { foreignNumber: input.foreignNumber, completedAt };
  });
}

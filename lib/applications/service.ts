import "server-only";
import { applicationYears, formatAcademicYear } from "@/lib/academic-year";
import { agreementScopeInclude, toAgreementScope } from "@/lib/agreements/scope";
import { isEditableByStudent, newestApplicationFirst } from "@/lib/application-status";
import { incompleteSteps } from "@/lib/applications/completeness";
import {
  agreementMismatch,
  canTransition,
  doubleDegreeFull,
  missingDocuments,
  needsFrenchWarning,
  newApplicationBasis,
  type ReviewDecision,
  seatHoldingStatuses,
  transitions,
} from "@/lib/applications/rules";
import type {
  TDecision,
  THomeStep,
  THousingStep,
  TIdentityStep,
  TLanguagesStep,
  TStudyStep,
} from "@/lib/applications/schemas";
import { recordAudit } from "@/lib/audit";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { assertSubmissionInCall, openCallForOrThrow } from "@/lib/calls/enrolment";
import { createSemaphore } from "@/lib/concurrency";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import type { ApplicationStatus, Prisma } from "@/lib/generated/prisma/client";
import { syncHousingRequest, withdrawHousingRequest } from "@/lib/housing/requests";
import { discardStoredLetters, issueLetterInTx } from "@/lib/letters/issue";

type StepInput =
  | { step: "identity"; input: TIdentityStep }
  | { step: "home"; input: THomeStep }
  | { step: "study"; input: TStudyStep }
  | { step: "languages"; input: TLanguagesStep }
  | { step: "housing"; input: THousingStep };

/**
 * Saves one step of the student's own application as a draft, creating the application on
 * the first save. Only the fields of that step are written, mapped one by one. A dossier that
 * is no longer editable (submitted, decided) answers "not found", like someone else's.
 */
export async function saveApplicationStep(viewer: Viewer, { step, input }: StepInput, requestId: string) {
  return db.$transaction(async (tx) => {
    // Two tabs saving a first step at once: the student's row serialises them, so one draft is made.
    await lockStudent(tx, viewer.id);
    const existing = await tx.application.findFirst({
      where: { studentId: viewer.id },
      orderBy: newestApplicationFirst,
    });
    if (existing && !isEditableByStudent(existing.status)) throw new NotFoundError();
    const data = await stepData(tx, { step, input } as StepInput);
    if (step === "study") data.callId = await callForStudy(tx, existing, input);
    const merged = { ...existing, ...data };
    const searchText = [merged.firstName, merged.lastName, merged.contactEmail ?? viewer.email]
      .filter(Boolean)
      .join(" ")
      .toLowerCase();

    let applicationId: string;
    if (existing) {
      // Guarded on the status read above: a submission from another tab in between wins.
      const { count } = await tx.application.updateMany({
        where: { id: existing.id, status: existing.status },
        data: { ...data, searchText },
      });
      if (count === 0) throw new ConflictError();
      applicationId = existing.id;
    } else {
      ({ id: applicationId } = await tx.application.create({
        data: { studentId: viewer.id, ...data, searchText },
        select: { id: true },
      }));
    }
    await recordAudit(tx, {
      actorId: viewer.id,
      action: `application.save.${step}`,
      entityType: "Application",
      entityId: applicationId,
      before: existing ? toJson(pick(existing, Object.keys(data))) : undefined,
      after: toJson(data),
      requestId,
    });
    return { applicationId };
  });
}

/**
 * R-ELI-8: the study step places the application in the open call of its year and period. A
 * draft that keeps its year and period keeps its call, even once closed (an exception may let it
 * be submitted); the deadline itself is checked at submission.
 */
async function callForStudy(
  tx: Tx,
  existing: {
    callId: string | null;
    academicYear: number | null;
    period: string | null;
    componentId: string | null;
  } | null,
  input: TStudyStep,
): Promise<string> {
  // A call may be limited to some faculties (R-ELI-8): a change of faculty looks for the call again.
  if (
    existing?.callId &&
    existing.academicYear === input.academicYear &&
    existing.period === input.period &&
    existing.componentId === input.componentId
  ) {
    return existing.callId;
  }
  return (
    await openCallForOrThrow(tx, {
      academicYear: input.academicYear,
      period: input.period,
      componentId: input.componentId,
    })
  ).id;
}

/**
 * Serialises a student's own writes that may create an application (R-ELI-9: one open at a
 * time): their applications, then their account, the order erasure locks them in (no deadlock).
 */
async function lockStudent(tx: Tx, studentId: string) {
  await tx.$queryRaw`SELECT id FROM "Application" WHERE "studentId" = ${studentId}::uuid ORDER BY "id" FOR UPDATE`;
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${studentId}::uuid FOR UPDATE`;
}

/** The columns a step writes; references are checked to exist and to fit together. */
async function stepData(
  tx: Tx,
  { step, input }: StepInput,
): Promise<Omit<Prisma.ApplicationUncheckedCreateInput, "studentId">> {
  switch (step) {
    case "identity":
      return {
        firstName: input.firstName,
        lastName: input.lastName,
        dateOfBirth: input.dateOfBirth,
        nationality: input.nationality,
        contactEmail: input.contactEmail,
        phone: input.phone,
        addressLine: input.addressLine,
        postalCode: input.postalCode,
        city: input.city,
        country: input.country,
      };
    case "home": {
      const partner = await tx.partnerInstitution.findUnique({ where: { id: input.partnerId }, select: { id: true } });
      if (!partner) throw new DomainError("partnerUnknown", {}, "partnerId");
      return {
        partnerId: input.partnerId,
        homeCoordinatorName: input.homeCoordinatorName,
        homeCoordinatorEmail: input.homeCoordinatorEmail,
        nominatedBy: input.nominatedBy,
        nominatedOn: input.nominatedOn,
      };
    }
    case "study": {
      const component = await tx.component.findUnique({ where: { id: input.componentId }, select: { id: true } });
      if (!component) throw new DomainError("componentUnknown", {}, "componentId");
      if (input.programmeId) {
        const programme = await tx.programme.findUnique({
          where: { id: input.programmeId },
          select: { componentId: true, level: true, offshore: true },
        });
        if (!programme || programme.offshore || programme.componentId !== input.componentId)
          throw new DomainError("programmeNotInComponent", {}, "programmeId");
        if (programme.level !== input.studyLevel) throw new DomainError("programmeLevelMismatch", {}, "programmeId");
      }
      return {
        componentId: input.componentId,
        programmeId: input.programmeId,
        studyLevel: input.studyLevel,
        period: input.period,
        academicYear: input.academicYear,
        plannedCourses: input.plannedCourses,
      };
    }
    case "languages":
      return { frenchLevel: input.frenchLevel, englishLevel: input.englishLevel, languagesDeclared: true };
    case "housing":
      return {
        housingRequested: input.housingRequested,
        housingCity: input.housingCity,
        housingNeeds: input.housingNeeds,
      };
  }
}

/**
 * Submits the student's own application (R-ELI-1…6 checked on the server, in one
 * transaction): complete, an active agreement covering the request, the required documents,
 * and a place left in a double-degree programme. French below B2 is a warning, not a refusal.
 * Idempotent: an application already submitted is answered `alreadySubmitted` (the caller
 * sends no second e-mail).
 */
export async function submitApplication(viewer: Viewer, requestId: string) {
  // Two pooled connections stay free for the reads around the transactions (the viewer, the
  // page that follows): 50 students submitting at once queue here, not in the pool (issue 20).
  // Made on first use: `next build` imports this module without the settings.
  withSubmissionSlot ??= createSemaphore(Math.max(1, env().DATABASE_POOL_MAX - 2));
  return withSubmissionSlot(() => submitInTransaction(viewer, requestId));
}

let withSubmissionSlot: ReturnType<typeof createSemaphore> | undefined;

function submitInTransaction(viewer: Viewer, requestId: string) {
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "Application" WHERE "studentId" = ${viewer.id}::uuid
      ORDER BY "createdAt" DESC, "id" DESC LIMIT 1 FOR UPDATE`;
    if (!locked) throw new NotFoundError();
    const application = await tx.application.findUniqueOrThrow({
      where: { id: locked.id },
      include: {
        partner: { include: { agreements: { include: agreementScopeInclude } } },
        programme: true,
        documents: { select: { kind: true } },
      },
    });
    // Submitting again what is already submitted (a double click, or a retry whose first answer
    // was lost) is the same submission: answered as done, nothing written twice.
    if (application.status === "SUBMITTED") {
      return {
        applicationId: application.id,
        frenchWarning: application.frenchWarning,
        resubmission: false,
        alreadySubmitted: true,
        housingReopened: false,
        ownerlessAlert: [],
      };
    }
    if (!canTransition(application.status, "submit")) throw new NotFoundError();
    // R-ACC-7: decisions are e-mailed; an address nobody has confirmed may be mistyped.
    // Read with the viewer, at the start of this request: no second lookup of the user.
    if (!viewer.emailVerified) throw new DomainError("emailNotVerified");

    const missingSteps = incompleteSteps(application);
    if (missingSteps.length > 0) throw new DomainError("applicationIncomplete", { count: missingSteps.length });
    // R-SEC-7: a draft saved for a year that has since ended cannot be submitted for it.
    if (!applicationYears(new Date()).includes(application.academicYear!)) {
      throw new DomainError("academicYearClosed", { year: formatAcademicYear(application.academicYear!) });
    }
    // R-ELI-8: a first submission within its call's dates (or with an administrator's exception).
    await assertSubmissionInCall(tx, application);
    const partner = application.partner!;
    const request = {
      academicYear: application.academicYear!,
      componentId: application.componentId!,
      studyLevel: application.studyLevel!,
    };

    // R-ELI-1
    const mismatch = agreementMismatch(partner.agreements.map(toAgreementScope), request);
    if (mismatch) throw new DomainError(`noAgreement.${mismatch}`, { university: partner.name });

    const missing = missingDocuments(application.documents.map((document) => document.kind));
    if (missing.length > 0) throw new DomainError("documentsMissing", { count: missing.length });

    // R-ELI-6: the programme row is locked so that two submissions cannot take the last place.
    const programme = application.programme;
    if (programme?.doubleDegree) {
      await tx.$queryRaw`SELECT id FROM "Programme" WHERE id = ${programme.id}::uuid FOR UPDATE`;
      const placesTaken = await tx.application.count({
        where: {
          programmeId: programme.id,
          academicYear: request.academicYear,
          status: { in: seatHoldingStatuses },
          id: { not: application.id },
        },
      });
      if (doubleDegreeFull(programme, placesTaken)) throw new DomainError("doubleDegreeFull", {}, "programmeId");
    }

    const frenchWarning = needsFrenchWarning(application.frenchLevel, programme?.teachingLanguage ?? null);
    const now = new Date();
    await transition(tx, application.id, application.status, "SUBMITTED", {
      frenchWarning,
      submittedAt: application.submittedAt ?? now,
      lastSubmittedAt: now,
    });
    // R-HOU-2: the residence request travels with the application.
    const housing = await syncHousingRequest(
      tx,
      { ...application, submittedAt: application.submittedAt ?? now },
      viewer.id,
      requestId,
    );
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "application.submit",
      entityType: "Application",
      entityId: application.id,
      before: { status: application.status },
      after: { status: "SUBMITTED", frenchWarning },
      requestId,
    });
    return {
      applicationId: application.id,
      frenchWarning,
      resubmission: application.status === "CHANGES_REQUESTED",
      alreadySubmitted: false,
      // R-HOU-1: a new semester or city took back the room decision the student had seen.
      housingReopened: housing.reopenedSeenDecision,
      ownerlessAlert: await adminsOfOwnerlessComponent(tx, request.componentId),
    };
  });
}

/**
 * No dossier without an owner: when no enabled correspondent reviews for the component, the
 * administrators (who see every dossier) are the ones to alert; empty otherwise.
 */
async function adminsOfOwnerlessComponent(tx: Tx, componentId: string) {
  const owners = await tx.user.count({
    where: { role: "CORRESPONDENT", disabled: false, components: { some: { id: componentId } } },
  });
  if (owners > 0) return [];
  return tx.user.findMany({
    where: { role: "ADMIN", disabled: false },
    select: { email: true, name: true, locale: true },
  });
}

/** The student withdraws before a decision. */
export async function withdrawApplication(viewer: Viewer, requestId: string) {
  return db.$transaction(async (tx) => {
    const application = await tx.application.findFirst({
      where: { studentId: viewer.id },
      orderBy: newestApplicationFirst,
      select: { id: true, status: true },
    });
    if (!application || !canTransition(application.status, "withdraw")) throw new NotFoundError();
    await transition(tx, application.id, application.status, "WITHDRAWN", { decidedAt: new Date() });
    await withdrawHousingRequest(tx, application.id, viewer.id, requestId);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "application.withdraw",
      entityType: "Application",
      entityId: application.id,
      before: { status: application.status },
      after: { status: "WITHDRAWN" },
      requestId,
    });
    return { applicationId: application.id };
  });
}

const decisionNote = {
  requestChanges: "CHANGES_REQUESTED",
  reject: "REJECTION_REASON",
  accept: "ACCEPTANCE_NOTE",
} as const;

/**
 * A reviewer's decision on a dossier of their components. The form sends the status the
 * reviewer saw: if the dossier moved since (another reviewer, the student withdrew), the
 * decision is refused with "this dossier changed", so two reviewers cannot both win.
 */
export async function decideOnApplication(viewer: Viewer, input: TDecision, requestId: string) {
  // The acceptance letter's file is stored before the transaction commits: if it then fails,
  // the file is removed so that no letter exists without its row.
  const storedLetters: string[] = [];
  try {
    return await decideInTransaction(viewer, input, requestId, storedLetters);
  } catch (error) {
    await discardStoredLetters(storedLetters);
    throw error;
  }
}

async function decideInTransaction(viewer: Viewer, input: TDecision, requestId: string, storedLetters: string[]) {
  return db.$transaction(async (tx) => {
    const application = await tx.application.findFirst({
      where: { id: input.applicationId, ...staffScope(viewer) },
      select: {
        id: true,
        status: true,
        contactEmail: true,
        firstName: true,
        student: { select: { email: true, name: true, locale: true, emailVerifiedAt: true } },
      },
    });
    if (!application) throw new NotFoundError();
    if (application.status !== input.expectedStatus || !canTransition(application.status, input.decision))
      throw new ConflictError();

    const to = transitions[input.decision].to;
    await transition(
      tx,
      application.id,
      input.expectedStatus,
      to,
      input.decision === "startReview" ? {} : { decidedAt: decidesFinally(input.decision) ? new Date() : null },
    );
    if (input.decision === "reject") await withdrawHousingRequest(tx, application.id, viewer.id, requestId);
    const message = "message" in input ? input.message : null;
    if (input.decision !== "startReview" && message) {
      await tx.applicationNote.create({
        data: { applicationId: application.id, authorId: viewer.id, kind: decisionNote[input.decision], body: message },
      });
    }
    await recordAudit(tx, {
      actorId: viewer.id,
      action: `application.${input.decision}`,
      entityType: "Application",
      entityId: application.id,
      before: { status: application.status },
      after: { status: to, ...(message ? { message } : {}) },
      requestId,
    });
    // The visa needs an official letter: issued with the acceptance, in the student's language.
    const letter =
      input.decision === "accept"
        ? await issueLetterInTx(tx, {
            applicationId: application.id,
            kind: "ACCEPTANCE",
            locale: application.student.locale,
            actorId: viewer.id,
            requestId,
          })
        : null;
    if (letter) storedLetters.push(letter.storageKey);
    return { applicationId: application.id, status: to, message, student: application.student, letter };
  });
}

function decidesFinally(decision: ReviewDecision): boolean {
  return decision === "accept" || decision === "reject";
}

/** A comment between staff; never shown to the student. */
export async function addInternalComment(
  viewer: Viewer,
  input: { applicationId: string; body: string },
  requestId: string,
) {
  return db.$transaction(async (tx) => {
    const application = await tx.application.findFirst({
      where: { id: input.applicationId, ...staffScope(viewer) },
      select: { id: true },
    });
    if (!application) throw new NotFoundError();
    const note = await tx.applicationNote.create({
      data: { applicationId: application.id, authorId: viewer.id, kind: "INTERNAL_COMMENT", body: input.body },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "application.comment",
      entityType: "Application",
      entityId: application.id,
      after: { noteId: note.id },
      requestId,
    });
    return note;
  });
}

/** Applies a status change only if the status is still the one the decision was made on. */
async function transition(
  tx: Tx,
  id: string,
  from: ApplicationStatus,
  to: ApplicationStatus,
  extra: Prisma.ApplicationUpdateManyMutationInput,
) {
  const { count } = await tx.application.updateMany({ where: { id, status: from }, data: { ...extra, status: to } });
  if (count === 0) throw new ConflictError();
}

function pick(row: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, row[key]]));
}

function toJson(value: Record<string, unknown>): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** The data a new application copies from the previous one (R-ELI-9); documents are uploaded again. */
const copiedFields = {
  firstName: true,
  lastName: true,
  dateOfBirth: true,
  nationality: true,
  contactEmail: true,
  phone: true,
  addressLine: true,
  postalCode: true,
  city: true,
  country: true,
  partnerId: true,
  homeCoordinatorName: true,
  homeCoordinatorEmail: true,
  nominatedBy: true,
  nominatedOn: true,
  componentId: true,
  programmeId: true,
  studyLevel: true,
  academicYear: true,
  plannedCourses: true,
  frenchLevel: true,
  englishLevel: true,
  languagesDeclared: true,
  housingRequested: true,
  housingCity: true,
  housingNeeds: true,
  searchText: true,
} as const;

/**
 * R-ELI-9: starts a new draft copying the newest application, after a rejection or a withdrawal
 * (the student then chooses an open call: year and period are left to choose), or to extend an
 * accepted semester 1 into semester 2 of the same year (placed in its open call, if one is).
 * Refused ("not found") while an application is in progress or when there is nothing to copy.
 */
export async function startNewApplication(viewer: Viewer, requestId: string) {
  return db.$transaction(async (tx) => {
    if (viewer.role !== "STUDENT") throw new NotFoundError();
    await lockStudent(tx, viewer.id);
    const applications = await tx.application.findMany({
      where: { studentId: viewer.id },
      orderBy: newestApplicationFirst,
      select: { id: true, status: true, period: true },
    });
    const basis = newApplicationBasis(applications);
    if (!basis) throw new NotFoundError();
    const { plannedCourses, ...previous } = await tx.application.findUniqueOrThrow({
      where: { id: basis.fromId },
      select: copiedFields,
    });
    const extension =
      basis.reason === "extension" && previous.academicYear !== null
        ? await openCallIfAny(tx, {
            academicYear: previous.academicYear,
            period: "S2",
            componentId: previous.componentId ?? undefined,
          })
        : null;
    const { id } = await tx.application.create({
      data: {
        ...previous,
        plannedCourses: plannedCourses ?? [],
        studentId: viewer.id,
        academicYear: extension ? extension.academicYear : null,
        period: extension ? "S2" : null,
        callId: extension?.id ?? null,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "application.startNew",
      entityType: "Application",
      entityId: id,
      after: { copiedFrom: basis.fromId, reason: basis.reason, callId: extension?.id ?? null },
      requestId,
    });
    return { applicationId: id, reason: basis.reason };
  });
}

/** The open call for the year and period, or null (the student then chooses one on the form). */
async function openCallIfAny(tx: Tx, request: { academicYear: number; period: "S2"; componentId?: string }) {
  try {
    return await openCallForOrThrow(tx, request);
  } catch (error) {
    if (error instanceof DomainError && error.code === "callNotOpen") return null;
    throw error;
  }
}

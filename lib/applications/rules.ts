/**
 * Pure rules of the application and its review (R-ELI-1…7). No I/O: the service loads the
 * facts, these functions decide.
 */
import {
  type AgreementScope,
  agreementCovers,
  agreementCoversStudy,
  agreementStatus,
  type StudyRequest,
} from "@/lib/agreements/rules";
import type { ApplicationStatus, CefrLevel, DocumentKind, TeachingLanguage } from "@/lib/generated/prisma/enums";

// ---------------------------------------------------------------------------------------------
// Status transitions

export type ReviewDecision = "startReview" | "requestChanges" | "accept" | "reject";
export type StudentMove = "submit" | "withdraw";
export type Transition = ReviewDecision | StudentMove;

/** Which transition leads from which statuses to which status. */
export const transitions: Record<Transition, { from: ApplicationStatus[]; to: ApplicationStatus }> = {
  submit: { from: ["DRAFT", "CHANGES_REQUESTED"], to: "SUBMITTED" },
  // Withdrawing is possible until a decision (R-ELI workflow).
  withdraw: { from: ["SUBMITTED", "UNDER_REVIEW", "CHANGES_REQUESTED"], to: "WITHDRAWN" },
  startReview: { from: ["SUBMITTED"], to: "UNDER_REVIEW" },
  requestChanges: { from: ["SUBMITTED", "UNDER_REVIEW"], to: "CHANGES_REQUESTED" },
  accept: { from: ["SUBMITTED", "UNDER_REVIEW"], to: "ACCEPTED" },
  reject: { from: ["SUBMITTED", "UNDER_REVIEW"], to: "REJECTED" },
};

export function canTransition(status: ApplicationStatus, transition: Transition): boolean {
  return transitions[transition].from.includes(status);
}

/** Who must act next: shown on the student's dossier page. */
export function nextActor(status: ApplicationStatus): "student" | "correspondent" | "none" {
  switch (status) {
    case "DRAFT":
    case "CHANGES_REQUESTED":
      return "student";
    case "SUBMITTED":
    case "UNDER_REVIEW":
      return "correspondent";
    default:
      return "none";
  }
}

/** Statuses that hold a seat or a double-degree place (R-ELI-6). */
export const seatHoldingStatuses: ApplicationStatus[] = ["SUBMITTED", "UNDER_REVIEW", "CHANGES_REQUESTED", "ACCEPTED"];

// ---------------------------------------------------------------------------------------------
// R-ELI-1: an agreement active for the year, covering the component and the level

export type AgreementMismatch = "none" | "expired" | "notYetActive" | "component" | "level";

/**
 * Why no agreement of the partner covers the request ("none" when the partner has none at
 * all), or null when one does.
 */
export function agreementMismatch(agreements: AgreementScope[], request: StudyRequest): AgreementMismatch | null {
  if (agreements.length === 0) return "none";
  if (agreements.some((agreement) => agreementCovers(agreement, request))) return null;
  const covering = agreements.filter((agreement) => agreementCoversStudy(agreement, request));
  if (covering.some((agreement) => agreementStatus(agreement, request.academicYear) === "expired")) return "expired";
  if (covering.length > 0) return "notYetActive";
  return agreements.some((agreement) => agreement.componentIds.includes(request.componentId)) ? "level" : "component";
}

// ---------------------------------------------------------------------------------------------
// R-ELI-3: French B2 recommended, not required

const cefrOrder: CefrLevel[] = ["A1", "A2", "B1", "B2", "C1", "C2"];

/**
 * A warning (never a refusal) when the French level is below B2 or unknown, unless the
 * programme is taught in English (portal choice, R-ELI-3).
 */
export function needsFrenchWarning(frenchLevel: CefrLevel | null, teachingLanguage: TeachingLanguage | null): boolean {
  if (teachingLanguage === "ENGLISH") return false;
  if (frenchLevel === null) return true;
  return cefrOrder.indexOf(frenchLevel) < cefrOrder.indexOf("B2");
}

/** A programme taught in English with English below B2 or unknown: a note for the reviewer. */
export function needsEnglishNote(englishLevel: CefrLevel | null, teachingLanguage: TeachingLanguage | null): boolean {
  if (teachingLanguage !== "ENGLISH") return false;
  return englishLevel === null || cefrOrder.indexOf(englishLevel) < cefrOrder.indexOf("B2");
}

// ---------------------------------------------------------------------------------------------
// Documents

export const requiredDocuments: DocumentKind[] = ["PASSPORT", "TRANSCRIPT", "LEARNING_AGREEMENT", "PHOTO"];
export const optionalDocuments: DocumentKind[] = ["CV", "MOTIVATION_LETTER"];

export function missingDocuments(uploaded: DocumentKind[]): DocumentKind[] {
  return requiredDocuments.filter((kind) => !uploaded.includes(kind));
}

// ---------------------------------------------------------------------------------------------
// R-ELI-6: double-degree capacity (hard) and agreement seats (informative)

/** A double-degree programme refuses a submission once its yearly places are taken. */
export function doubleDegreeFull(
  programme: { doubleDegree: boolean; yearlyCapacity: number | null },
  placesTaken: number,
): boolean {
  if (!programme.doubleDegree || programme.yearlyCapacity === null) return false;
  return placesTaken >= programme.yearlyCapacity;
}

/** Seats used against the agreement's limit, for the reviewer (never a refusal). */
export function seatUsage(used: number, limit: number): { used: number; limit: number; over: boolean } {
  return { used, limit, over: used > limit };
}

// ---------------------------------------------------------------------------------------------
// R-ELI-5: planned courses and credits

/** The usual load: 30 ECTS a semester. */
export const ectsPerSemester = 30;

export function expectedEcts(period: "S1" | "S2" | "FULL_YEAR"): number {
  return period === "FULL_YEAR" ? 2 * ectsPerSemester : ectsPerSemester;
}

// ---------------------------------------------------------------------------------------------
// R-ELI-9: more than one application per student over time

/** Statuses of an application still in progress: no second one is started beside it. */
export const openStatuses: ApplicationStatus[] = ["DRAFT", "SUBMITTED", "UNDER_REVIEW", "CHANGES_REQUESTED"];

export type NewApplicationBasis = { reason: "reapply" | "extension"; fromId: string };

/**
 * Whether the student may start a new application, copying the newest one: after a rejection
 * or a withdrawal (apply again, e.g. for the next semester), or to extend an accepted semester 1
 * into semester 2. Null when there is nothing to copy or an application is still in progress.
 */
export function newApplicationBasis(
  newestFirst: { id: string; status: ApplicationStatus; period: "S1" | "S2" | "FULL_YEAR" | null }[],
): NewApplicationBasis | null {
  const newest = newestFirst[0];
  if (!newest || newestFirst.some((application) => openStatuses.includes(application.status))) return null;
  if (newest.status === "REJECTED" || newest.status === "WITHDRAWN") return { reason: "reapply", fromId: newest.id };
  if (newest.status === "ACCEPTED" && newest.period === "S1") return { reason: "extension", fromId: newest.id };
  return null;
}

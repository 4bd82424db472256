/** Pure rules on agreements (R-ELI-1, R-PAR-1). */
import { detectContentType } from "@/lib/documents/rules";
import type { ErrorCode } from "@/lib/errors";
import type { StudyLevel } from "@/lib/generated/prisma/enums";

export type AgreementStatus = "active" | "expired" | "upcoming";

/** R-ELI-1: an agreement only counts for the academic years it covers. */
export function agreementStatus(
  agreement: { firstAcademicYear: number; lastAcademicYear: number },
  academicYear: number,
): AgreementStatus {
  if (academicYear < agreement.firstAcademicYear) return "upcoming";
  if (academicYear > agreement.lastAcademicYear) return "expired";
  return "active";
}

/** What R-ELI-1 reads in an agreement. */
export interface AgreementScope {
  firstAcademicYear: number;
  lastAcademicYear: number;
  componentIds: string[];
  /** R-PAR-1: its kind covers every faculty (a strategic partnership), whatever components it lists. */
  coversEveryComponent?: boolean;
  studyLevels: StudyLevel[];
}

/** What an application asks an agreement to cover. */
export interface StudyRequest {
  academicYear: number;
  componentId: string;
  studyLevel: StudyLevel;
}

/** R-ELI-1: the agreement is signed for the request's component and study level, whatever its years. */
export function agreementCoversStudy(agreement: AgreementScope, request: StudyRequest): boolean {
  return (
    (agreement.coversEveryComponent === true || agreement.componentIds.includes(request.componentId)) &&
    agreement.studyLevels.includes(request.studyLevel)
  );
}

/** R-ELI-1: the agreement covers the request: its component, its study level and its academic year. */
export function agreementCovers(agreement: AgreementScope, request: StudyRequest): boolean {
  return agreementCoversStudy(agreement, request) && agreementStatus(agreement, request.academicYear) === "active";
}

/** R-ELI-6: an agreement's seats for one study level, each year. */
export type LevelSeats = { level: StudyLevel; seatsPerYear: number };

/** The levels given seats that the agreement does not cover (their seats would never be used). */
export function levelSeatsOutsideLevels(levelSeats: LevelSeats[], studyLevels: readonly unknown[]): StudyLevel[] {
  return levelSeats.filter((entry) => !studyLevels.includes(entry.level)).map((entry) => entry.level);
}

/** The levels' seats add up to more than the agreement's seats per year (0: the agreement sets no number). */
export function levelSeatsOverTotal(levelSeats: LevelSeats[], seatsPerYear: number): boolean {
  const split = levelSeats.reduce((sum, entry) => sum + entry.seatsPerYear, 0);
  return seatsPerYear > 0 && split > seatsPerYear;
}

/**
 * R-ELI-6: the seats that count for a request at one study level: that level's share when the
 * agreement splits its seats by level, otherwise its seats per year.
 */
export function seatsForLevel(
  agreement: { incomingSeatsPerYear: number; levelSeats: LevelSeats[] },
  level: StudyLevel,
): number {
  return agreement.levelSeats.find((entry) => entry.level === level)?.seatsPerYear ?? agreement.incomingSeatsPerYear;
}

/** The agreement facts an audit event may record, in the order the history names them. */
export const agreementHistoryFields = [
  "partnerId",
  "kind",
  "status",
  "signedOn",
  "components",
  "studyLevels",
  "eqfLevels",
  "periods",
  "iscedCodes",
  "languageRequirements",
  "instructionLanguages",
  "firstAcademicYear",
  "lastAcademicYear",
  "incomingSeatsPerYear",
  "levelSeats",
  "signedPdf",
] as const;
export type AgreementHistoryField = (typeof agreementHistoryFields)[number];

type Snapshot = Record<string, unknown> | null | undefined;

/**
 * Which facts an audit event changed, comparing its before and after snapshots (values as the
 * audit trail stores them, JSON). A creation (no before) names none: everything is new. Keys
 * the history has no words for (the IIA hash, ids) are left out.
 */
export function changedAgreementFields(before: Snapshot, after: Snapshot): AgreementHistoryField[] {
  if (!before || !after) return [];
  return agreementHistoryFields.filter(
    (field) => (field in before || field in after) && JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
}

/**
 * The signed agreement is a PDF, recognised by its content (its first bytes), never by its
 * name or the browser's stated type: a Word file renamed .pdf is refused. Null: accepted.
 */
export type SignedPdfRefusal = Extract<ErrorCode, "documentEmpty" | "documentTooLarge" | "agreementSignedPdfType">;

export function signedPdfRefusal(upload: {
  size: number;
  head: Uint8Array;
  maxBytes: number;
}): SignedPdfRefusal | null {
  if (upload.size <= 0) return "documentEmpty";
  if (upload.size > upload.maxBytes) return "documentTooLarge";
  return detectContentType(upload.head) === "application/pdf" ? null : "agreementSignedPdfType";
}

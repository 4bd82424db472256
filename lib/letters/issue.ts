import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import { documentStorage } from "@/lib/documents/storage";
import { env } from "@/lib/env";
import { DomainError, NotFoundError } from "@/lib/errors";
import { loadBranding } from "@/lib/letters/branding";
import {
  composeLetter,
  type LetterFacts,
  type LetterKindCode,
  letterPeriod,
  letterStudentName,
} from "@/lib/letters/compose";
import { studyLevelLabels } from "@/lib/letters/default-templates";
import { renderLetterPdf } from "@/lib/letters/pdf";
import { canIssueLetter, verificationCodeFrom } from "@/lib/letters/rules";
import { loadWording } from "@/lib/letters/templates";

/**
 * The door other features issue letters through (the acceptance in lib/applications/service.ts).
 * A letter is rendered, stored privately under a generated key, and recorded with its SHA-256
 * in the caller's transaction; the letter of the same kind and language it corrects, if any,
 * is marked replaced, never changed.
 */
export interface IssueLetterInput {
  applicationId: string;
  kind: LetterKindCode;
  locale: "fr" | "en";
  actorId: string | null;
  requestId: string;
  /** Certificates: the dates the correspondent confirmed. */
  start?: Date;
  end?: Date;
}

export interface IssuedLetter {
  id: string;
  code: string;
  storageKey: string;
  sha256: string;
  fileName: string;
  bytes: Buffer;
}

export function verificationUrl(locale: "fr" | "en", code: string): string {
  return `${env().APP_URL}/${locale}/verify/${code}`;
}

export function letterFileName(kind: LetterKindCode, locale: "fr" | "en", version: number): string {
  const names = {
    ACCEPTANCE: { fr: "lettre-admission", en: "acceptance-letter" },
    ARRIVAL_CERTIFICATE: { fr: "attestation-arrivee", en: "arrival-certificate" },
    ATTENDANCE_CERTIFICATE: { fr: "attestation-presence", en: "attendance-certificate" },
  } as const;
  return `${names[kind][locale]}-v${version}.pdf`;
}

/** R-LET-4, as the refusal the user reads: a letter for an accepted dossier, a certificate once arrived. */
export function assertLetterAllowed(
  kind: LetterKindCode,
  dossier: { status: string; arrival: { arrivalDate: Date | null } | null },
): void {
  const allowed = canIssueLetter(kind, { status: dossier.status, arrivalDate: dossier.arrival?.arrivalDate ?? null });
  if (allowed === "notAccepted") throw new DomainError("letterNotAccepted");
  if (allowed === "notArrived") throw new DomainError("letterNotArrived");
}

export async function issueLetterInTx(tx: Tx, input: IssueLetterInput): Promise<IssuedLetter> {
  const dossier = await tx.application.findUnique({
    where: { id: input.applicationId },
    select: {
      status: true,
      firstName: true,
      lastName: true,
      dateOfBirth: true,
      nationality: true,
      academicYear: true,
      period: true,
      studyLevel: true,
      plannedCourses: true,
      partner: { select: { name: true } },
      programme: { select: { nameFr: true, nameEn: true } },
      component: { select: { nameFr: true, nameEn: true } },
      arrival: { select: { arrivalDate: true } },
    },
  });
  if (!dossier) throw new NotFoundError();
  assertLetterAllowed(input.kind, dossier);

  const facts: LetterFacts = {
    firstName: dossier.firstName ?? "",
    lastName: dossier.lastName ?? "",
    dateOfBirth: dossier.dateOfBirth,
    nationality: dossier.nationality,
    homeUniversity: dossier.partner?.name ?? "—",
    programme: dossier.programme
      ? { fr: dossier.programme.nameFr, en: dossier.programme.nameEn }
      : {
          fr: dossier.studyLevel ? studyLevelLabels.fr[dossier.studyLevel] : "—",
          en: dossier.studyLevel ? studyLevelLabels.en[dossier.studyLevel] : "—",
        },
    component: { fr: dossier.component?.nameFr ?? "—", en: dossier.component?.nameEn ?? "—" },
    academicYear: dossier.academicYear ?? new Date().getUTCFullYear(),
    period: dossier.period ?? "FULL_YEAR",
    ects: totalEcts(dossier.plannedCourses),
    start: input.start ?? (input.kind === "ACCEPTANCE" ? undefined : (dossier.arrival?.arrivalDate ?? undefined)),
    end: input.end,
  };

  const previous = await tx.letter.findFirst({
    where: { applicationId: input.applicationId, kind: input.kind, locale: input.locale },
    orderBy: { version: "desc" },
    select: { id: true, version: true },
  });
  const version = (previous?.version ?? 0) + 1;
  const code = verificationCodeFrom(randomBytes(12));
  const issuedAt = new Date();
  const wording = await loadWording(tx, input.kind, input.locale);
  const branding = await loadBranding(tx, input.locale);
  const bytes = await renderLetterPdf(
    composeLetter(
      input.kind,
      input.locale,
      facts,
      { code, url: verificationUrl(input.locale, code) },
      issuedAt,
      wording,
      branding,
    ),
  );
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const storageKey = randomUUID();
  await documentStorage().put(storageKey, new Blob([new Uint8Array(bytes)]).stream());

  try {
    if (previous) {
      await tx.letter.updateMany({
        where: { applicationId: input.applicationId, kind: input.kind, locale: input.locale, replacedAt: null },
        data: { replacedAt: issuedAt },
      });
    }
    const { start, end } = letterPeriod(facts);
    const letter = await tx.letter.create({
      data: {
        applicationId: input.applicationId,
        kind: input.kind,
        locale: input.locale,
        version,
        code,
        storageKey,
        sha256,
        size: bytes.length,
        studentName: letterStudentName(facts),
        periodStart: start,
        // A certificate of arrival states one day, the arrival.
        periodEnd: input.kind === "ARRIVAL_CERTIFICATE" ? null : end,
        issuedAt,
        issuedById: input.actorId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "letter.issue",
      entityType: "Application",
      entityId: input.applicationId,
      after: { letterId: letter.id, kind: input.kind, locale: input.locale, version, sha256 },
      requestId: input.requestId,
    });
    return {
      id: letter.id,
      code,
      storageKey,
      sha256,
      fileName: letterFileName(input.kind, input.locale, version),
      bytes,
    };
  } catch (error) {
    await discardStoredLetters([storageKey]);
    throw error;
  }
}

/** Removes the stored files of letters whose transaction did not commit: no orphan is left. */
export async function discardStoredLetters(storageKeys: string[]): Promise<void> {
  await Promise.all(storageKeys.map((key) => documentStorage().delete(key)));
}

function totalEcts(plannedCourses: unknown): number {
  if (!Array.isArray(plannedCourses)) return 0;
  return plannedCourses.reduce(
    (sum: number, course) => sum + (typeof course?.ects === "number" && Number.isFinite(course.ects) ? course.ects : 0),
    0,
  );
}

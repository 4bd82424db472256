import "server-only";
import { randomUUID } from "node:crypto";
import { signedPdfRefusal } from "@/lib/agreements/rules";
import { levelSeatsOf, type TCreateAgreement, type TUpdateAgreement } from "@/lib/agreements/schemas";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { megabytes, sanitizeFileName, sniffLength } from "@/lib/documents/rules";
import { type DocumentStorage, documentStorage } from "@/lib/documents/storage";
import { env } from "@/lib/env";
import { DomainError, NotFoundError } from "@/lib/errors";
import { logError } from "@/lib/log";

/** The columns an admin sets, mapped one by one (never the input spread into data). */
function agreementFields(input: TCreateAgreement) {
  return {
    partnerId: input.partnerId,
    kind: input.kind,
    studyLevels: input.studyLevels,
    firstAcademicYear: input.firstAcademicYear,
    lastAcademicYear: input.lastAcademicYear,
    incomingSeatsPerYear: input.incomingSeatsPerYear,
    status: input.status,
    eqfLevels: input.eqfLevels,
    iscedCodes: input.iscedCodes,
    languageRequirements: input.languageRequirements,
    instructionLanguages: input.instructionLanguages,
    periods: input.periods,
    signedOn: input.signedOn,
  };
}

/** Who acts, for the audit trail. */
type Actor = { id: string; requestId?: string };

const auditedFields = {
  partnerId: true,
  kind: true,
  studyLevels: true,
  firstAcademicYear: true,
  lastAcademicYear: true,
  incomingSeatsPerYear: true,
  status: true,
  eqfLevels: true,
  iscedCodes: true,
  languageRequirements: true,
  instructionLanguages: true,
  periods: true,
  signedOn: true,
  components: { select: { code: true }, orderBy: { code: "asc" } },
  levelSeats: { select: { level: true, seatsPerYear: true }, orderBy: { level: "asc" } },
} as const;

/** The audit trail keeps component codes and seats as `LEVEL:n`, readable without joining. */
function snapshot(
  agreement: { components: { code: string }[]; levelSeats: { level: string; seatsPerYear: number }[] } & Record<
    string,
    unknown
  >,
) {
  const { components, levelSeats, ...rest } = agreement;
  return {
    ...rest,
    components: components.map((component) => component.code),
    levelSeats: levelSeats.map((entry) => `${entry.level}:${entry.seatsPerYear}`),
  };
}

export async function createAgreement(input: TCreateAgreement, actor: Actor) {
  return db.$transaction(async (tx) => {
    await checkReferences(tx, input);
    const { id, ...after } = await tx.agreement.create({
      data: {
        ...agreementFields(input),
        components: { connect: input.componentIds.map((componentId) => ({ id: componentId })) },
        levelSeats: { create: levelSeatsOf(input) },
      },
      select: { id: true, ...auditedFields },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "agreement.create",
      entityType: "Agreement",
      entityId: id,
      after: snapshot(after),
      requestId: actor.requestId,
    });
    return { id };
  });
}

export async function updateAgreement(input: TUpdateAgreement, actor: Actor) {
  return db.$transaction(async (tx) => {
    const before = await tx.agreement.findUnique({ where: { id: input.id }, select: auditedFields });
    if (!before) throw new NotFoundError();
    await checkReferences(tx, input);
    const { id, ...after } = await tx.agreement.update({
      where: { id: input.id },
      data: {
        ...agreementFields(input),
        components: { set: input.componentIds.map((componentId) => ({ id: componentId })) },
        levelSeats: { deleteMany: {}, create: levelSeatsOf(input) },
      },
      select: { id: true, ...auditedFields },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "agreement.update",
      entityType: "Agreement",
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
      requestId: actor.requestId,
    });
    return { id };
  });
}

/** The partner, the kind and every component must exist: a stale form answers on its field. */
async function checkReferences(tx: Tx, input: { partnerId: string; kind: string; componentIds: string[] }) {
  const partner = await tx.partnerInstitution.findUnique({ where: { id: input.partnerId }, select: { id: true } });
  if (!partner) throw new DomainError("choiceGone", {}, "partnerId");
  const kind = await tx.agreementKind.findUnique({ where: { code: input.kind }, select: { code: true } });
  if (!kind) throw new DomainError("choiceGone", {}, "kind");
  const found = await tx.component.count({ where: { id: { in: input.componentIds } } });
  if (found !== input.componentIds.length) throw new DomainError("choiceGone", {}, "componentIds");
}

/**
 * Keeps the signed agreement (a PDF, checked by content) as a private object of the document
 * storage and replaces the previous one. The bytes are stored first, under a new random key;
 * the row and its audit event are written in one transaction; if that fails the new object is
 * removed, so a refusal leaves neither a row change nor a stray file. The old object goes last.
 */
export async function attachSignedPdf(
  agreementId: string,
  file: File,
  actor: Actor,
  storage: DocumentStorage = documentStorage(),
) {
  const maxBytes = env().UPLOAD_MAX_BYTES;
  const name = sanitizeFileName(file.name);
  const head = new Uint8Array(await file.slice(0, sniffLength).arrayBuffer());
  const refusal = signedPdfRefusal({ size: file.size, head, maxBytes });
  if (refusal) throw new DomainError(refusal, { name, maxMb: megabytes(maxBytes) }, "file");
  const existing = await db.agreement.findUnique({ where: { id: agreementId }, select: { id: true } });
  if (!existing) throw new NotFoundError();

  const key = randomUUID();
  await storage.put(key, file.stream());
  let previousKey: string | null;
  try {
    previousKey = await db.$transaction(async (tx) => {
      const before = await tx.agreement.findUnique({
        where: { id: agreementId },
        select: { signedPdfKey: true, signedPdfName: true },
      });
      if (!before) throw new NotFoundError();
      await tx.agreement.update({
        where: { id: agreementId },
        data: { signedPdfKey: key, signedPdfName: name, signedPdfSize: file.size },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "agreement.signedPdf",
        entityType: "Agreement",
        entityId: agreementId,
        // The audit keeps the file's name and size, never its storage key.
        before: { signedPdf: before.signedPdfName },
        after: { signedPdf: name, size: file.size },
        requestId: actor.requestId,
      });
      return before.signedPdfKey;
    });
  } catch (error) {
    await storage.delete(key);
    throw error;
  }
  if (previousKey) {
    // The row no longer points at it; a failure here only leaves an orphan object, logged.
    await storage
      .delete(previousKey)
      .catch((error) => logError("agreement.signedPdf.cleanup", { error, requestId: actor.requestId }));
  }
  return { name, size: file.size };
}

import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import { db as defaultDb, type Db, type Tx } from "@/lib/db";
import { documentStorage, type DocumentStorage } from "@/lib/documents/storage";
import { DomainError, NotFoundError } from "@/lib/errors";
import { erasedEmail } from "@/lib/privacy/rules";

/**
 * Erasure by anonymisation (GDPR art. 17), within the legal holds of lib/privacy/rules.ts: the
 * person's identity, contact details, documents (rows and files), notes' texts, sessions,
 * welcome-desk booking and AGDREF number go; the anonymous academic facts and the audit
 * trail's events stay, their contents about the person emptied. One transaction for the
 * database; files are deleted after it commits (a file left by a crash is unreachable: no row
 * names it).
 */
export async function anonymisePerson(
  /** null: the retention job. */
  actor: { id: string | null; requestId?: string },
  userId: string,
  deps: { db?: Db; storage?: DocumentStorage } = {},
): Promise<{ documentsDeleted: number }> {
  const database = deps.db ?? defaultDb;
  if (userId === actor.id) throw new DomainError("cannotEraseSelf");
  const storageKeys = await database.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; role: string; email: string }[]>`SELECT "id", "role", "email" FROM "User" WHERE "id" = ${userId}::uuid FOR UPDATE`;
    const user = rows[0];
    if (!user) throw new NotFoundError();
    if (user.email === erasedEmail(userId)) throw new DomainError("alreadyErased");
    const application = await tx.application.findUnique({ where: { studentId: userId }, select: { id: true } });
    const erased = application ? await eraseApplication(tx, application.id) : { storageKeys: [], entityIds: [] };
    await tx.userSession.deleteMany({ where: { userId } });
    await tx.user.update({
      where: { id: userId },
      data: { email: erasedEmail(userId), name: "—", passwordHash: `erased:${randomBytes(16).toString("hex")}`, disabled: true, sessionsValidAfter: new Date() },
    });
    // The trail keeps its events; what they said about the person (on their records, or by
    // their own hand) goes.
    const entityIds = [userId, ...erased.entityIds];
    await tx.$executeRaw`UPDATE "AuditEvent" SET "before" = NULL, "after" = NULL WHERE "entityId" = ANY(${entityIds}::text[]) OR "actorId" = ${userId}::uuid`;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "privacy.anonymise",
      entityType: "User",
      entityId: userId,
      after: { role: user.role, documentsDeleted: erased.storageKeys.length },
      requestId: actor.requestId,
    });
    return erased.storageKeys;
  });
  const storage = deps.storage ?? documentStorage();
  for (const key of storageKeys) await storage.delete(key);
  return { documentsDeleted: storageKeys.length };
}

/**
 * The application's identifying parts; returns the storage keys of its deleted documents and
 * the ids of the records whose audit events name the person.
 */
async function eraseApplication(tx: Tx, applicationId: string): Promise<{ storageKeys: string[]; entityIds: string[] }> {
  const documents = await tx.applicationDocument.findMany({ where: { applicationId }, select: { id: true, storageKey: true } });
  const [housing, arrival] = await Promise.all([
    tx.housingRequest.findUnique({ where: { applicationId }, select: { id: true } }),
    tx.arrivalChecklist.findUnique({ where: { applicationId }, select: { id: true } }),
  ]);
  await tx.applicationDocument.deleteMany({ where: { applicationId } });
  await tx.application.update({
    where: { id: applicationId },
    data: {
      firstName: null,
      lastName: null,
      dateOfBirth: null,
      contactEmail: null,
      phone: null,
      addressLine: null,
      postalCode: null,
      city: null,
      homeCoordinatorName: null,
      homeCoordinatorEmail: null,
      nominatedBy: null,
      housingNeeds: null,
      insuranceReviewNote: null,
      searchText: "",
    },
  });
  await tx.applicationNote.updateMany({ where: { applicationId }, data: { body: "—" } });
  await tx.housingRequest.updateMany({ where: { applicationId }, data: { needs: null } });
  await tx.arrivalChecklist.updateMany({ where: { applicationId }, data: { foreignNumber: null } });
  const booking = await tx.welcomeDeskBooking.findUnique({ where: { applicationId }, select: { id: true, slotId: true } });
  if (booking) {
    await tx.welcomeDeskBooking.delete({ where: { id: booking.id } });
    await tx.welcomeDeskSlot.update({ where: { id: booking.slotId }, data: { booked: { decrement: 1 } } });
  }
  return {
    storageKeys: documents.map((document) => document.storageKey),
    entityIds: [applicationId, ...documents.map((document) => document.id), ...[housing?.id, arrival?.id, booking?.id].filter((id): id is string => Boolean(id))],
  };
}

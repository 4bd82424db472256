/**
 * Privacy's door for the other features (the administrators' accounts page erases a person) and
 * for the retention job: erasure, and the records that name a person.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import { throttleKey } from "@/lib/auth/rules";
import { type Db, db as defaultDb, type Tx } from "@/lib/db";
import { type DocumentStorage, documentStorage } from "@/lib/documents/storage";
import { DomainError, NotFoundError } from "@/lib/errors";
import { erasedEmail } from "@/lib/privacy/rules";

/**
 * Erasure by anonymisation (GDPR art. 17), within the legal holds of lib/privacy/rules.ts: the
 * person's identity, contact details, documents (rows and files), notes' and messages' texts, sessions,
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
    // The application first, then the account: the order the student's own actions lock them
    // in (their audit event references the account), so the two never deadlock.
    // R-ELI-9: every application the person made over time, in one order (no deadlock between two).
    const applicationRows = await tx.$queryRaw<
      { id: string }[]
    >`SELECT "id" FROM "Application" WHERE "studentId" = ${userId}::uuid ORDER BY "id" FOR UPDATE`;
    const rows = await tx.$queryRaw<
      { id: string; role: string; email: string }[]
    >`SELECT "id", "role", "email" FROM "User" WHERE "id" = ${userId}::uuid FOR UPDATE`;
    const user = rows[0];
    if (!user) throw new NotFoundError();
    if (user.email === erasedEmail(userId)) throw new DomainError("alreadyErased");
    const recordIds: string[] = [];
    const keys: string[] = [];
    for (const { id: applicationId } of applicationRows) {
      recordIds.push(...(await personalRecordIds(tx, applicationId)));
      keys.push(...(await eraseApplication(tx, applicationId)));
    }
    await tx.userSession.deleteMany({ where: { userId } });
    await tx.signInThrottle.deleteMany({ where: { key: throttleKey("email", user.email) } });
    await scrubAuditAbout(tx, { ids: [userId, ...recordIds], email: user.email });
    await tx.user.update({
      where: { id: userId },
      data: {
        email: erasedEmail(userId),
        name: "—",
        passwordHash: `erased:${randomBytes(16).toString("hex")}`,
        disabled: true,
        sessionsValidAfter: new Date(),
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "privacy.anonymise",
      entityType: "User",
      entityId: userId,
      after: { role: user.role, documentsDeleted: keys.length },
      requestId: actor.requestId,
    });
    return keys;
  });
  const storage = deps.storage ?? documentStorage();
  for (const key of storageKeys) await storage.delete(key);
  return { documentsDeleted: storageKeys.length };
}

/** The ids of the records hanging from an application, which audit events name. */
export async function personalRecordIds(tx: Tx, applicationId: string): Promise<string[]> {
  const [documents, housing, arrival, booking] = await Promise.all([
    tx.applicationDocument.findMany({ where: { applicationId }, select: { id: true } }),
    tx.housingRequest.findUnique({ where: { applicationId }, select: { id: true } }),
    tx.arrivalChecklist.findUnique({ where: { applicationId }, select: { id: true } }),
    tx.welcomeDeskBooking.findUnique({ where: { applicationId }, select: { id: true } }),
  ]);
  return [
    applicationId,
    ...documents.map((document) => document.id),
    ...[housing?.id, arrival?.id, booking?.id].filter((id): id is string => Boolean(id)),
  ];
}

/**
 * Empties what the trail says about a person: the events on their records, and any event whose
 * contents name them (a faculty's events list its correspondents' e-mails). Their actions on
 * other people's records keep their contents: accountability (art. 5(2)).
 */
export async function scrubAuditAbout(tx: Tx, person: { ids: string[]; email?: string }): Promise<void> {
  const patterns = [...person.ids, ...(person.email ? [person.email] : [])].map(
    (value) => `%${value.replace(/[\\%_]/g, (character) => `\\${character}`)}%`,
  );
  await tx.$executeRaw`
    UPDATE "AuditEvent" SET "before" = NULL, "after" = NULL
    WHERE ("before" IS NOT NULL OR "after" IS NOT NULL)
      AND ("entityId" = ANY(${person.ids}::text[]) OR "before"::text ILIKE ANY(${patterns}::text[]) OR "after"::text ILIKE ANY(${patterns}::text[]))`;
}

/** The application's identifying parts; returns the storage keys of its deleted documents. */
async function eraseApplication(tx: Tx, applicationId: string): Promise<string[]> {
  const documents = await tx.applicationDocument.findMany({ where: { applicationId }, select: { storageKey: true } });
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
      country: null,
      homeCoordinatorName: null,
      homeCoordinatorEmail: null,
      nominatedBy: null,
      nominatedOn: null,
      housingNeeds: null,
      insuranceReviewNote: null,
      searchText: "",
    },
  });
  await tx.applicationNote.updateMany({ where: { applicationId }, data: { body: "—" } });
  // R-MSG-2: the thread's texts, both sides (the staff's answers speak of the student too).
  await tx.dossierMessage.updateMany({ where: { applicationId }, data: { body: "—" } });
  await tx.housingRequest.updateMany({ where: { applicationId }, data: { needs: null } });
  await tx.arrivalChecklist.updateMany({ where: { applicationId }, data: { foreignNumber: null } });
  const booking = await tx.welcomeDeskBooking.findUnique({
    where: { applicationId },
    select: { id: true, slotId: true },
  });
  if (booking) {
    await tx.welcomeDeskBooking.delete({ where: { id: booking.id } });
    await tx.welcomeDeskSlot.update({ where: { id: booking.slotId }, data: { booked: { decrement: 1 } } });
  }
  return documents.map((document) => document.storageKey);
}

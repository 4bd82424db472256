import "server-only";
import { recordAudit } from "@/lib/audit";
import { db as defaultDb, type Db } from "@/lib/db";
import { documentStorage, type DocumentStorage } from "@/lib/documents/storage";
import { daysBefore, erasedEmail, lastAlumniYear, monthsBefore, retention } from "@/lib/privacy/rules";
import { anonymisePerson } from "@/lib/privacy/service";

/**
 * The retention rules of lib/privacy/rules.ts, applied (GDPR art. 5(1)(e)): an idempotent job
 * (`npm run privacy:retention`, daily) — each rule selects what is past its time, so running it
 * again finds nothing more. Every deletion is audited (without the deleted contents).
 */
export interface RetentionRun {
  sessionsDeleted: number;
  throttlesDeleted: number;
  draftsDeleted: number;
  closedDossierDocumentsDeleted: number;
  alumniAnonymised: number;
}

export async function applyRetention(options: { now?: Date; db?: Db; storage?: DocumentStorage } = {}): Promise<RetentionRun> {
  const now = options.now ?? new Date();
  const database = options.db ?? defaultDb;
  const storage = options.storage ?? documentStorage();

  const sessions = await database.userSession.deleteMany({
    where: { OR: [{ expiresAt: { lt: daysBefore(now, retention.sessionDays) } }, { revokedAt: { lt: daysBefore(now, retention.sessionDays) } }] },
  });
  const throttles = await database.signInThrottle.deleteMany({
    where: { firstFailureAt: { lt: daysBefore(now, retention.throttleDays) }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
  });

  // Drafts never submitted: the application and its documents go; the account stays.
  const drafts = await database.application.findMany({ where: { status: "DRAFT", updatedAt: { lt: monthsBefore(now, retention.draftMonths) } }, select: { id: true } });
  for (const draft of drafts) {
    const keys = await database.$transaction(async (tx) => {
      const documents = await tx.applicationDocument.findMany({ where: { applicationId: draft.id }, select: { storageKey: true } });
      const { count } = await tx.application.deleteMany({ where: { id: draft.id, status: "DRAFT" } });
      if (count === 0) return [];
      await tx.$executeRaw`UPDATE "AuditEvent" SET "before" = NULL, "after" = NULL WHERE "entityId" = ${draft.id}`;
      await recordAudit(tx, { actorId: null, action: "retention.deleteDraft", entityType: "Application", entityId: draft.id, after: { documents: documents.length } });
      return documents.map((document) => document.storageKey);
    });
    for (const key of keys) await storage.delete(key);
  }

  // Dossiers closed without an exchange: their documents go a year after the decision.
  const closedBefore = monthsBefore(now, retention.closedDossierDocumentMonths);
  const closed = await database.applicationDocument.findMany({
    where: { application: { status: { in: ["REJECTED", "WITHDRAWN"] }, OR: [{ decidedAt: { lt: closedBefore } }, { decidedAt: null, updatedAt: { lt: closedBefore } }] } },
    select: { id: true, applicationId: true, storageKey: true, kind: true },
  });
  for (const document of closed) {
    await database.$transaction(async (tx) => {
      await tx.applicationDocument.delete({ where: { id: document.id } });
      await recordAudit(tx, { actorId: null, action: "retention.deleteDocument", entityType: "Application", entityId: document.applicationId, after: { kind: document.kind } });
    });
    await storage.delete(document.storageKey);
  }

  // Alumni: the students of academic years long over are anonymised (legal holds kept).
  const alumni = await database.application.findMany({
    where: { status: "ACCEPTED", academicYear: { lte: lastAlumniYear(now) }, student: { email: { not: { endsWith: "@erased.invalid" } } } },
    select: { studentId: true },
  });
  for (const { studentId } of alumni) {
    // The pattern above is a fast filter; the exact address is the proof of an earlier erasure.
    const user = await database.user.findUnique({ where: { id: studentId }, select: { email: true } });
    if (user?.email === erasedEmail(studentId)) continue;
    await anonymisePerson({ id: null }, studentId, { db: database, storage });
  }

  return { sessionsDeleted: sessions.count, throttlesDeleted: throttles.count, draftsDeleted: drafts.length, closedDossierDocumentsDeleted: closed.length, alumniAnonymised: alumni.length };
}

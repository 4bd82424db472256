import "server-only";
import { recordAudit } from "@/lib/audit";
import { type Db, db as defaultDb } from "@/lib/db";
import { type DocumentStorage, documentStorage } from "@/lib/documents/storage";
import { anonymiseEndedSponsorships } from "@/lib/integration/sponsorship/retention";
import { anonymisePerson, personalRecordIds, scrubAuditAbout } from "@/lib/privacy/erasure";
import { daysBefore, erasedEmail, lastAlumniYear, monthsBefore, retention } from "@/lib/privacy/rules";

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
  /** Rejected or withdrawn long ago, dossiers left in review, unused accounts. */
  othersAnonymised: number;
  /** R-INT-9: sponsor–student links of semesters that are over. */
  sponsorshipsAnonymised: number;
}

export async function applyRetention(
  options: { now?: Date; db?: Db; storage?: DocumentStorage } = {},
): Promise<RetentionRun> {
  const now = options.now ?? new Date();
  const database = options.db ?? defaultDb;
  const storage = options.storage ?? documentStorage();

  const sessions = await database.userSession.deleteMany({
    where: {
      OR: [
        { expiresAt: { lt: daysBefore(now, retention.sessionDays) } },
        { revokedAt: { lt: daysBefore(now, retention.sessionDays) } },
      ],
    },
  });
  const throttles = await database.signInThrottle.deleteMany({
    where: {
      firstFailureAt: { lt: daysBefore(now, retention.throttleDays) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
  });

  // Drafts never submitted: the application and its documents go; the account stays.
  const draftCutoff = monthsBefore(now, retention.draftMonths);
  const drafts = await database.application.findMany({
    where: { status: "DRAFT", updatedAt: { lt: draftCutoff } },
    select: { id: true },
  });
  let draftsDeleted = 0;
  for (const draft of drafts) {
    const deleted = await database.$transaction(async (tx) => {
      const documents = await tx.applicationDocument.findMany({
        where: { applicationId: draft.id },
        select: { storageKey: true },
      });
      const recordIds = await personalRecordIds(tx, draft.id);
      // Guarded on the state seen: a draft the student edits meanwhile is kept.
      const { count } = await tx.application.deleteMany({
        where: { id: draft.id, status: "DRAFT", updatedAt: { lt: draftCutoff } },
      });
      if (count === 0) return null;
      await scrubAuditAbout(tx, { ids: recordIds });
      await recordAudit(tx, {
        actorId: null,
        action: "retention.deleteDraft",
        entityType: "Application",
        entityId: draft.id,
        after: { documents: documents.length },
      });
      return documents.map((document) => document.storageKey);
    });
    if (!deleted) continue;
    draftsDeleted += 1;
    for (const key of deleted) await storage.delete(key);
  }

  // Dossiers closed without an exchange: their documents go a year after the decision.
  const closedBefore = monthsBefore(now, retention.closedDossierDocumentMonths);
  const closed = await database.applicationDocument.findMany({
    where: {
      application: {
        status: { in: ["REJECTED", "WITHDRAWN"] },
        OR: [{ decidedAt: { lt: closedBefore } }, { decidedAt: null, updatedAt: { lt: closedBefore } }],
      },
    },
    select: { id: true, applicationId: true, storageKey: true, kind: true },
  });
  for (const document of closed) {
    await database.$transaction(async (tx) => {
      await tx.applicationDocument.delete({ where: { id: document.id } });
      await recordAudit(tx, {
        actorId: null,
        action: "retention.deleteDocument",
        entityType: "Application",
        entityId: document.applicationId,
        after: { kind: document.kind },
      });
    });
    await storage.delete(document.storageKey);
  }

  // Alumni: the students of academic years long over are anonymised (legal holds kept).
  const notErased = { email: { not: { endsWith: "@erased.invalid" } } };
  const alumni = await database.application.findMany({
    // R-ELI-9: not someone who has applied since for a later year.
    where: {
      status: "ACCEPTED",
      academicYear: { lte: lastAlumniYear(now) },
      student: { ...notErased, applications: { none: { academicYear: { gt: lastAlumniYear(now) } } } },
    },
    select: { studentId: true },
  });
  // Others whose time is over: dossiers closed without an exchange, dossiers left in review,
  // student accounts never used for an application.
  const closedCutoff = monthsBefore(now, retention.closedDossierYears * 12);
  const staleCutoff = monthsBefore(now, retention.staleDossierYears * 12);
  const inactiveCutoff = monthsBefore(now, retention.inactiveAccountYears * 12);
  const others = await database.user.findMany({
    where: {
      ...notErased,
      role: "STUDENT",
      OR: [
        // R-ELI-9: a student may have several applications; each rule needs all of them over.
        {
          applications: {
            some: {},
            every: { status: { in: ["REJECTED", "WITHDRAWN"] }, updatedAt: { lt: closedCutoff } },
          },
        },
        {
          applications: {
            some: {
              status: { in: ["SUBMITTED", "UNDER_REVIEW", "CHANGES_REQUESTED"] },
              updatedAt: { lt: staleCutoff },
            },
            every: { status: { not: "ACCEPTED" }, updatedAt: { lt: staleCutoff } },
          },
        },
        {
          applications: { none: {} },
          createdAt: { lt: inactiveCutoff },
          sessions: { none: { lastSeenAt: { gte: inactiveCutoff } } },
        },
      ],
    },
    select: { id: true },
  });
  const people = [...alumni.map((row) => row.studentId), ...others.map((row) => row.id)];
  for (const studentId of people) {
    // The pattern above is a fast filter; the exact address is the proof of an earlier erasure.
    const user = await database.user.findUnique({ where: { id: studentId }, select: { email: true } });
    if (user?.email === erasedEmail(studentId)) continue;
    await anonymisePerson({ id: null }, studentId, { db: database, storage });
  }

  const sponsorshipsAnonymised = await anonymiseEndedSponsorships(database, now);

  return {
    sessionsDeleted: sessions.count,
    throttlesDeleted: throttles.count,
    draftsDeleted,
    closedDossierDocumentsDeleted: closed.length,
    alumniAnonymised: alumni.length,
    othersAnonymised: others.length,
    sponsorshipsAnonymised,
  };
}

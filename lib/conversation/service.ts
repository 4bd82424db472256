import "server-only";
import { newestApplicationFirst } from "@/lib/application-status";
import { recordAudit } from "@/lib/audit";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { isThreadOpen } from "@/lib/conversation/rules";
import type { TBulkStaffMessage, TMarkThreadRead, TStaffMessage, TStudentMessage } from "@/lib/conversation/schemas";
import { db, type Tx } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { Locale } from "@/lib/generated/prisma/enums";
import { settingKeys } from "@/lib/settings/schemas";
import { studentFullName } from "@/lib/student-name";

/** Someone a new message is e-mailed to (R-MSG-4), in their language. */
export interface MessageRecipient {
  email: string;
  name: string;
  locale: Locale;
}

/**
 * R-MSG-2: a student writes on their own dossier (found from the viewer, never from an id the
 * client sends), once it is submitted. Returns who must be told: the faculty's correspondents,
 * or the DRI's incoming-mobility address when the faculty has none yet.
 */
export async function sendStudentMessage(viewer: Viewer, input: TStudentMessage, requestId: string) {
  return db.$transaction(async (tx) => {
    // R-ELI-9: the thread of the student's current dossier, their newest application.
    const application = await tx.application.findFirst({
      where: { studentId: viewer.id },
      orderBy: newestApplicationFirst,
      select: { id: true, status: true, componentId: true, firstName: true, lastName: true },
    });
    if (!application || viewer.role !== "STUDENT") throw new NotFoundError();
    if (!isThreadOpen(application.status)) throw new DomainError("threadNotOpen");
    await writeMessage(tx, viewer, application.id, input.body, requestId);
    return {
      applicationId: application.id,
      studentName: studentFullName(application, () => viewer.name),
      recipients: await staffRecipients(tx, application.componentId),
    };
  });
}

/** R-MSG-2: staff write on a dossier of their scope; another component's dossier is "not found". */
export async function sendStaffMessage(viewer: Viewer, input: TStaffMessage, requestId: string) {
  return db.$transaction(async (tx) => {
    const application = await tx.application.findFirst({
      where: { id: input.applicationId, ...staffScope(viewer) },
      select: { id: true, student: { select: { email: true, name: true, locale: true, emailVerifiedAt: true } } },
    });
    if (!application) throw new NotFoundError();
    const message = await writeMessage(tx, viewer, application.id, input.body, requestId);
    // Writing an answer means having read what it answers.
    await markRead(tx, application.id, viewer.id, message.createdAt);
    const { student } = application;
    // R-ACC-7: nothing is mailed to an address nobody confirmed; the dossier still shows the message.
    return { applicationId: application.id, recipient: student.emailVerifiedAt ? student : null };
  });
}

/**
 * R-MSG-9: the same text posted into each dossier's thread, one message per dossier, each the
 * single message's (its audit event, its reading mark). Every id must be in the viewer's scope,
 * or the whole chunk is "not found" and nothing is posted (a forged id is not half-applied).
 * Returns, per dossier, the student to mail (null when their address is unconfirmed, R-ACC-7).
 */
export async function sendStaffMessageToMany(viewer: Viewer, input: TBulkStaffMessage, requestId: string) {
  const ids = [...new Set(input.applicationIds)];
  return db.$transaction(async (tx) => {
    const applications = await tx.application.findMany({
      where: { id: { in: ids }, ...staffScope(viewer) },
      orderBy: { id: "asc" },
      select: { id: true, student: { select: { email: true, name: true, locale: true, emailVerifiedAt: true } } },
    });
    if (applications.length !== ids.length) throw new NotFoundError();
    const sent: { applicationId: string; recipient: MessageRecipient | null }[] = [];
    for (const { id, student } of applications) {
      const message = await writeMessage(tx, viewer, id, input.body, requestId);
      await markRead(tx, id, viewer.id, message.createdAt);
      sent.push({ applicationId: id, recipient: student.emailVerifiedAt ? student : null });
    }
    return sent;
  });
}

/** R-MSG-5: the viewer has read the thread up to the newest message their page showed. */
export async function markThreadRead(viewer: Viewer, input: TMarkThreadRead): Promise<void> {
  await db.$transaction(async (tx) => {
    const application = await tx.application.findFirst({
      where: {
        id: input.applicationId,
        ...(viewer.role === "STUDENT" ? { studentId: viewer.id } : staffScope(viewer)),
      },
      select: { id: true },
    });
    if (!application) throw new NotFoundError();
    // Never later than now: a forged date cannot mark future messages read.
    const upTo = new Date(Math.min(input.upTo.getTime(), Date.now()));
    await markRead(tx, application.id, viewer.id, upTo);
  });
}

async function writeMessage(tx: Tx, viewer: Viewer, applicationId: string, body: string, requestId: string) {
  const side = viewer.role === "STUDENT" ? "STUDENT" : "STAFF";
  const message = await tx.dossierMessage.create({
    data: { applicationId, authorId: viewer.id, side, body },
    select: { id: true, createdAt: true },
  });
  // The text stays out of the trail: erasure empties it in one place (lib/privacy/erasure.ts).
  await recordAudit(tx, {
    actorId: viewer.id,
    action: "dossier.message",
    entityType: "Application",
    entityId: applicationId,
    after: { messageId: message.id, side },
    requestId,
  });
  return message;
}

/** Moves the reading mark forward only: reading an old page again does not make messages unread. */
async function markRead(tx: Tx, applicationId: string, userId: string, upTo: Date) {
  await tx.$executeRaw`
    INSERT INTO "DossierThreadRead" ("applicationId", "userId", "readAt")
    VALUES (${applicationId}::uuid, ${userId}::uuid, ${upTo})
    ON CONFLICT ("applicationId", "userId")
    DO UPDATE SET "readAt" = GREATEST("DossierThreadRead"."readAt", EXCLUDED."readAt")`;
}

async function staffRecipients(tx: Tx, componentId: string | null): Promise<MessageRecipient[]> {
  const correspondents = componentId
    ? await tx.user.findMany({
        where: { role: "CORRESPONDENT", disabled: false, components: { some: { id: componentId } } },
        orderBy: { name: "asc" },
        select: { email: true, name: true, locale: true },
      })
    : [];
  if (correspondents.length > 0) return correspondents;
  const office = await tx.portalSetting.findUnique({ where: { key: settingKeys.incomingEmail } });
  return office ? [{ email: office.value, name: "", locale: "fr" }] : [];
}

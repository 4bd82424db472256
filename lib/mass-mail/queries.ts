import "server-only";
import { queueWhere } from "@/lib/applications/queries";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { staleClaimMs } from "@/lib/mass-mail/rules";
import type { TMassMailFilters } from "@/lib/mass-mail/schemas";

/**
 * The dossiers a mass e-mail goes to: the queue's filters inside the viewer's scope, a student
 * still named (an erased person gets nothing) whose address was confirmed (R-ACC-7).
 */
export async function massMailWhere(viewer: Viewer, filters: TMassMailFilters): Promise<Prisma.ApplicationWhereInput> {
  return {
    AND: [
      await queueWhere(viewer, filters, true),
      { lastName: { not: null } },
      { student: { emailVerifiedAt: { not: null } } },
    ],
  };
}

/** The preview: how many students the e-mail would reach. */
export async function countMassMailRecipients(viewer: Viewer, filters: TMassMailFilters): Promise<number> {
  return db.application.count({ where: await massMailWhere(viewer, filters) });
}

/** A mailing the viewer wrote (an admin: any), with where its recipients stand; null otherwise. */
export async function getMassMailing(viewer: Viewer, id: string, now = new Date()) {
  const mailing = await db.massMailing.findFirst({
    where: { id, ...(viewer.role === "ADMIN" ? {} : { createdById: viewer.id }) },
    select: { id: true, subject: true, body: true, createdAt: true },
  });
  if (!mailing) return null;
  const stale = new Date(now.getTime() - staleClaimMs);
  const [total, sent, waiting, uncertain] = await Promise.all([
    db.massMailRecipient.count({ where: { mailingId: id } }),
    db.massMailRecipient.count({ where: { mailingId: id, sentAt: { not: null } } }),
    db.massMailRecipient.count({ where: { mailingId: id, claimedAt: null } }),
    db.massMailRecipient.count({ where: { mailingId: id, sentAt: null, claimedAt: { lt: stale } } }),
  ]);
  return { ...mailing, total, sent, waiting, uncertain, sending: total - sent - waiting - uncertain };
}

/** The viewer's latest mailings (an admin: everyone's). */
export function listMassMailings(viewer: Viewer) {
  return db.massMailing.findMany({
    where: viewer.role === "ADMIN" ? {} : { createdById: viewer.id },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, subject: true, createdAt: true, _count: { select: { recipients: true } } },
  });
}

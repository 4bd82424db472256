import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/routing";
import { logError, logInfo } from "@/lib/log";
import { sendTemplateMail } from "@/lib/mail/template";
import { massMailWhere } from "@/lib/mass-mail/queries";
import type { TMassMail } from "@/lib/mass-mail/schemas";
import { studentFullName } from "@/lib/student-name";

/** Rows read per step while writing the sent log (keyset by id). */
const logPageSize = 5000;
/** Recipients claimed per step while sending. */
const sendBatchSize = 50;

/**
 * Writes the e-mail and its sent log in one transaction: one row per student of the group (the
 * unique key [mailingId, applicationId] makes a second row impossible), then the audit event.
 * Nothing is sent here; startMassMailing does.
 */
export async function createMassMailing(viewer: Viewer, input: TMassMail, requestId: string) {
  const { subject, body, ...filters } = input;
  const where = await massMailWhere(viewer, filters);
  return db.$transaction(
    async (tx) => {
      const mailing = await tx.massMailing.create({
        data: { subject, body, filters, createdById: viewer.id },
        select: { id: true },
      });
      let after: string | undefined;
      let recipients = 0;
      for (;;) {
        const page = await tx.application.findMany({
          where: { AND: [where, after ? { id: { gt: after } } : {}] },
          orderBy: { id: "asc" },
          take: logPageSize,
          select: { id: true },
        });
        if (page.length === 0) break;
        const { count } = await tx.massMailRecipient.createMany({
          data: page.map((row) => ({ mailingId: mailing.id, applicationId: row.id })),
          skipDuplicates: true,
        });
        recipients += count;
        after = page[page.length - 1]!.id;
      }
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "massMail.create",
        entityType: "MassMailing",
        entityId: mailing.id,
        after: { subject, filters, recipients },
        requestId,
      });
      return { id: mailing.id, recipients };
    },
    { timeout: 60_000 },
  );
}

export interface MassMail {
  to: string;
  locale: AppLocale;
  values: { name: string; subject: string; body: string };
}
export interface MassMailDeps {
  /** Sends one e-mail; rejects when the mail server refuses it. */
  send(mail: MassMail): Promise<void>;
}
const realDeps: MassMailDeps = {
  send: (mail) => sendTemplateMail({ ...mail, template: "massMail" }),
};

/**
 * Sends what was never claimed, batch by batch: claim (guarded: not claimed, not sent, locked
 * rows skipped, so two runs never take the same row), send outside any transaction, mark sent.
 * A refusal clears the claim (tried again by a later run, not this one); a crash between send
 * and mark leaves a claim that no run resends (lib/mass-mail/rules.ts). So an interrupted and
 * restarted job sends nothing twice.
 */
export async function sendMassMailing(mailingId: string, deps: MassMailDeps = realDeps) {
  const mailing = await db.massMailing.findUnique({ where: { id: mailingId }, select: { subject: true, body: true } });
  if (!mailing) return { sent: 0, failed: 0 };
  const startedAt = new Date();
  let sent = 0;
  let failed = 0;
  for (;;) {
    const claimed = await db.$queryRaw<{ id: string; applicationId: string }[]>`
      UPDATE "MassMailRecipient" SET "claimedAt" = now()
      WHERE id IN (
        SELECT id FROM "MassMailRecipient"
        WHERE "mailingId" = ${mailingId}::uuid AND "claimedAt" IS NULL AND "sentAt" IS NULL
          AND ("failedAt" IS NULL OR "failedAt" < ${startedAt})
        ORDER BY id LIMIT ${sendBatchSize}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, "applicationId"`;
    if (claimed.length === 0) break;
    const applications = await db.application.findMany({
      where: { id: { in: claimed.map((row) => row.applicationId) } },
      select: { id: true, firstName: true, lastName: true, student: { select: { email: true, locale: true } } },
    });
    for (const row of claimed) {
      const application = applications.find((candidate) => candidate.id === row.applicationId)!;
      try {
        await deps.send({
          to: application.student.email,
          locale: application.student.locale,
          values: {
            name: studentFullName(application, () => ""),
            subject: mailing.subject,
            body: mailing.body,
          },
        });
      } catch (error) {
        failed += 1;
        logError("massMail.sendFailed", { mailingId, recipientId: row.id, error });
        await db.massMailRecipient.update({
          where: { id: row.id },
          data: { claimedAt: null, failedAt: new Date() },
        });
        continue;
      }
      await db.massMailRecipient.update({ where: { id: row.id }, data: { sentAt: new Date() } });
      sent += 1;
    }
  }
  return { sent, failed };
}

const running = new Set<string>();

/** Starts sending in this process (once per mailing at a time); the page polls the counts. */
export function startMassMailing(mailingId: string, requestId: string, deps: MassMailDeps = realDeps) {
  if (running.has(mailingId)) return { started: false };
  running.add(mailingId);
  void sendMassMailing(mailingId, deps)
    .then((counts) => logInfo("massMail.done", { mailingId, requestId, ...counts }))
    .catch((error: unknown) => logError("massMail.crash", { mailingId, requestId, error }))
    .finally(() => running.delete(mailingId));
  return { started: true };
}

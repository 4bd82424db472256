import "server-only";
import { formatAcademicYear } from "@/lib/academic-year";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import {
  type DecidedStatus,
  type HousingMailTemplate,
  isDecided,
  isStaleClaim,
  templateOf,
} from "@/lib/housing/release/rules";
import type { AppLocale } from "@/lib/i18n/routing";
// The translator of next-intl's own engine, without a request: the sending also runs from the
// operator's command (scripts/housing-release-mails.ts) and from the tests, where
// next-intl/server's getTranslations (what lib/mail/notify.ts uses) is not available.
import { sendTemplateMail } from "@/lib/mail/template";

/**
 * The mail-claim protocol: each housing decision is e-mailed once (R-HOU-3).
 *
 * The e-mail of one decision goes through three steps, each its own short transaction:
 *   1. claim: `mailClaimedAt` is set, guarded (decided, round released, not claimed, this
 *      status not yet notified), so that of two workers only one sends;
 *   2. send, outside any transaction;
 *   3. record: `notifiedStatus` = the status claimed, `notifiedAt`, claim cleared. A refused
 *      send clears the claim instead, so that the next run retries.
 * A claim that stays (the process died between 1 and 3) is never resent automatically: the
 * mail may have left. It is reported "uncertain" and staff decide (mark as sent, send again).
 * That is what makes "never twice" hold across crashes, re-runs and parallel runs.
 */

export interface DecisionMail {
  /** The housing request the e-mail reports on. */
  housingRequestId: string;
  to: string;
  locale: AppLocale;
  template: HousingMailTemplate;
  values: Record<string, string | number>;
}

export interface ReleaseMailDeps {
  /** Sends one decision e-mail; rejects when the mail server refuses it. */
  send(mail: DecisionMail): Promise<void>;
}

/** The real sending: the template in the student's language (User.locale), rejecting on failure. */
export async function sendDecisionMail(mail: DecisionMail): Promise<void> {
  await sendTemplateMail(mail);
}

export const realMailDeps: ReleaseMailDeps = { send: sendDecisionMail };

export type NotifyOutcome =
  | { outcome: "sent"; status: DecidedStatus }
  /** This decision's e-mail went out before. */
  | { outcome: "alreadySent" }
  /** The mail server refused: the claim is cleared, the next run retries. */
  | { outcome: "failed"; error: string }
  /** Claimed long ago and never recorded (a crash): not resent; staff decide. */
  | { outcome: "uncertain"; claimedAt: Date }
  /** Claimed recently by another worker, which may be sending it right now. */
  | { outcome: "inProgress"; claimedAt: Date }
  /** Nothing to mail: no decision (pending), or the request was declined or withdrawn. */
  | { outcome: "notDecided" }
  /** Its round is not released: the decision is not visible yet (R-HOU-3). */
  | { outcome: "notReleased" }
  | { outcome: "notFound" }
  /** The decision kept changing while it was being claimed: the next run sends it. */
  | { outcome: "changed" };

const mailSelect = {
  id: true,
  status: true,
  notifiedStatus: true,
  mailClaimedAt: true,
  round: { select: { releasedAt: true, academicYear: true, semester: true } },
  residence: { select: { name: true, city: true, address: true } },
  application: { select: { student: { select: { email: true, name: true, locale: true } } } },
} as const;

// Proper names, the same in French and English.
const cityName = { AIX: "Aix-en-Provence", MARSEILLE: "Marseille" } as const;

function claimState(claimedAt: Date, now: Date): NotifyOutcome {
  return isStaleClaim(claimedAt, now) ? { outcome: "uncertain", claimedAt } : { outcome: "inProgress", claimedAt };
}

export interface MailContext {
  /** Who started the sending (null: the operator's command). */
  actorId?: string | null;
  /** The action's request id, for the audit trail. */
  requestId?: string;
}

/**
 * The idempotent unit: e-mails one request's current decision if, and only if, it has not
 * been e-mailed yet and nobody holds a claim on it. A decision changed after its e-mail
 * (WAITLISTED → ACCEPTED) is a new decision, e-mailed once too.
 */
export async function notifyHousingDecision(
  housingRequestId: string,
  deps: ReleaseMailDeps = realMailDeps,
  context: MailContext = {},
): Promise<NotifyOutcome> {
  const actorId = context.actorId ?? null;
  // A status changed between the read and the guarded claim: read again (rare; bounded).
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const step = await db.$transaction(async (tx) => {
      const row = await tx.housingRequest.findUnique({ where: { id: housingRequestId }, select: mailSelect });
      if (!row) return { outcome: "notFound" } as const;
      if (!row.round.releasedAt) return { outcome: "notReleased" } as const;
      if (!isDecided(row.status)) return { outcome: "notDecided" } as const;
      if (row.mailClaimedAt) return claimState(row.mailClaimedAt, new Date());
      if (row.notifiedStatus === row.status) return { outcome: "alreadySent" } as const;
      const claimedAt = new Date();
      const { count } = await tx.housingRequest.updateMany({
        where: {
          id: housingRequestId,
          status: row.status,
          round: { releasedAt: { not: null } },
          mailClaimedAt: null,
          OR: [{ notifiedStatus: null }, { notifiedStatus: { not: row.status } }],
        },
        data: { mailClaimedAt: claimedAt },
      });
      if (count === 0) return { outcome: "retry" } as const;
      return { outcome: "claimed", row, status: row.status, claimedAt } as const;
    });
    if (step.outcome === "retry") continue;
    if (step.outcome !== "claimed") return step;

    const { row, status, claimedAt } = step;
    const mail: DecisionMail = {
      housingRequestId: row.id,
      to: row.application.student.email,
      locale: row.application.student.locale,
      template: templateOf[status],
      values: {
        name: row.application.student.name,
        year: formatAcademicYear(row.round.academicYear),
        semester: row.round.semester,
        residence: row.residence
          ? `${row.residence.name}, ${row.residence.address ?? cityName[row.residence.city]}`
          : "—",
      },
    };
    try {
      await deps.send(mail);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db.$transaction(async (tx) => {
        await tx.housingRequest.updateMany({
          where: { id: row.id, mailClaimedAt: claimedAt },
          data: { mailClaimedAt: null },
        });
        await recordAudit(tx, {
          actorId,
          action: "housing.decisionMail.fail",
          entityType: "HousingRequest",
          entityId: row.id,
          after: { status, error: message.slice(0, 500) },
          requestId: context.requestId,
        });
      });
      return { outcome: "failed", error: message };
    }
    // If this write fails (database gone after the mail left), the claim stays: "uncertain",
    // never resent blindly.
    await db.$transaction(async (tx) => {
      await tx.housingRequest.updateMany({
        where: { id: row.id, mailClaimedAt: claimedAt },
        data: { notifiedStatus: status, notifiedAt: new Date(), mailClaimedAt: null },
      });
      await recordAudit(tx, {
        actorId,
        action: "housing.decisionMail.send",
        entityType: "HousingRequest",
        entityId: row.id,
        before: { notifiedStatus: row.notifiedStatus },
        after: { notifiedStatus: status, template: mail.template },
        requestId: context.requestId,
      });
    });
    return { outcome: "sent", status };
  }
  return { outcome: "changed" };
}

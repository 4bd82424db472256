/**
 * Pure rules of releasing a round of housing decisions and e-mailing them (R-HOU-3): which
 * statuses are decisions, who may release, which template reports a decision, and when a
 * mail claim left behind is "uncertain". No I/O.
 */
import type { HousingStatus, Role } from "@/lib/generated/prisma/enums";
import type { MailTemplate } from "@/lib/mail/render";

export const decidedStatuses = ["ACCEPTED", "WAITLISTED", "REFUSED"] as const satisfies readonly HousingStatus[];
export type DecidedStatus = (typeof decidedStatuses)[number];

/** Only a staff decision is e-mailed: not a pending request, nor a declined or withdrawn one. */
export function isDecided(status: HousingStatus): status is DecidedStatus {
  return (decidedStatuses as readonly HousingStatus[]).includes(status);
}

/**
 * Releasing a round e-mails every student of it, whatever their faculty: an administrator's act
 * (issue 21), like setting the round's date. Correspondents decide on the board and see their
 * own faculties' figures there.
 */
export function mayManageRelease(viewer: { role: Role }): boolean {
  return viewer.role === "ADMIN";
}

/** The board and its list of rounds: the staff who decide. */
export function maySeeRounds(viewer: { role: Role }): boolean {
  return viewer.role === "CORRESPONDENT" || viewer.role === "ADMIN";
}

export type HousingMailTemplate = Extract<MailTemplate, `housing${string}`>;
export const templateOf: Record<DecidedStatus, HousingMailTemplate> = {
  ACCEPTED: "housingAccepted",
  WAITLISTED: "housingWaitlisted",
  REFUSED: "housingRefused",
};

/**
 * A claim younger than this may belong to a send still in flight (SMTP timeouts run to
 * minutes): it is "in progress", and staff cannot act on it. Older, it is "uncertain".
 */
export const claimStaleAfterMs = 15 * 60_000;

/** A claim old enough to be a crash's leftover: staff may resolve it (mark sent, resend). */
export function isStaleClaim(claimedAt: Date, now: Date): boolean {
  return now.getTime() - claimedAt.getTime() >= claimStaleAfterMs;
}

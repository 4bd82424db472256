import "server-only";
import { lockOwnAcceptedApplicationOrThrow } from "@/lib/applications/own-application";
import { recordAudit } from "@/lib/audit";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { db, type Tx } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { matchSponsorOf, matchStudentOf, studentForMatchSelect } from "@/lib/integration/sponsorship/match-inputs";
import {
  canTakeStudent,
  daysUntilArrival,
  isEligiblePair,
  scorePair,
  sponsorCharterVersion,
  sponsorshipConsentVersion,
} from "@/lib/integration/sponsorship/rules";
import type {
  TApplyAsSponsor,
  TConfirmSponsorMatch,
  TDecideSponsor,
  TOptInSponsorship,
} from "@/lib/integration/sponsorship/schemas";
import { parisDay } from "@/lib/paris-time";
import { studentFullName } from "@/lib/student-name";

/**
 * The sponsorship programme (R-INT-3, R-INT-5…8): the only writer of sponsor profiles, opt-ins
 * and matches. Each function answers with the people to tell once committed (SponsorMail).
 */

type Actor = Pick<Viewer, "id" | "role" | "componentIds">;

/** Someone to e-mail about a match: the other side's name and address, shown only now (R-INT-8). */
export type SponsorMail = {
  to: string;
  locale: "fr" | "en";
  template: "sponsorMatchedStudent" | "sponsorMatchedSponsor" | "sponsorMatchEnded";
  values: Record<string, string>;
};

/**
 * R-INT-5: a local student (an account without an application) offers to sponsor and accepts
 * the charter; an administrator decides. Offering again while pending or refused updates the
 * offer and asks again.
 */
export async function applyAsSponsor(viewer: Pick<Viewer, "id" | "role">, input: TApplyAsSponsor, requestId?: string) {
  if (viewer.role !== "STUDENT") throw new NotFoundError();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: viewer.id },
      select: { _count: { select: { applications: true } }, sponsorProfile: { select: { id: true, status: true } } },
    });
    // An incoming student is sponsored, not a sponsor.
    if (user._count.applications > 0) throw new DomainError("sponsorIsIncoming");
    const component = await tx.component.findUnique({ where: { id: input.componentId }, select: { id: true } });
    if (!component) throw new DomainError("componentUnknown", {}, "componentId");
    const fields = {
      componentId: input.componentId,
      city: input.city,
      languages: input.languages,
      interests: input.interests,
      capacity: input.capacity,
      charterVersion: sponsorCharterVersion,
      charterAcceptedAt: new Date(),
      status: "PENDING" as const,
      decidedAt: null,
    };
    const profile = await tx.sponsorProfile.upsert({
      where: { userId: viewer.id },
      create: { userId: viewer.id, ...fields },
      update: fields,
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "sponsor.apply",
      entityType: "SponsorProfile",
      entityId: profile.id,
      before: user.sponsorProfile ? { status: user.sponsorProfile.status } : undefined,
      after: { ...fields, charterAcceptedAt: fields.charterAcceptedAt.toISOString() },
      requestId,
    });
    return profile;
  });
}

/**
 * R-INT-5: an administrator approves or refuses a pending offer. Approval makes the account a
 * SPONSOR (its next request reads the new role); guarded on PENDING, so two admins cannot both
 * decide, and on the account still being a student without an application.
 */
export async function decideSponsor(actor: Pick<Viewer, "id">, input: TDecideSponsor, requestId?: string) {
  return db.$transaction(async (tx) => {
    const profile = await tx.sponsorProfile.findUnique({
      where: { id: input.sponsorId },
      select: {
        id: true,
        userId: true,
        status: true,
        user: { select: { role: true, _count: { select: { applications: true } } } },
      },
    });
    if (!profile) throw new NotFoundError();
    const { count } = await tx.sponsorProfile.updateMany({
      where: { id: profile.id, status: "PENDING" },
      data: { status: input.decision, decidedAt: new Date() },
    });
    if (count === 0) throw new DomainError("conflict");
    if (input.decision === "APPROVED") {
      if (profile.user._count.applications > 0 || profile.user.role !== "STUDENT") {
        throw new DomainError("sponsorIsIncoming");
      }
      await tx.user.update({ where: { id: profile.userId }, data: { role: "SPONSOR" } });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.decision === "APPROVED" ? "sponsor.approve" : "sponsor.refuse",
      entityType: "SponsorProfile",
      entityId: profile.id,
      before: { status: "PENDING" },
      after: { status: input.decision },
      requestId,
    });
    return { id: profile.id };
  });
}

/**
 * R-INT-6: an accepted student opts in, consenting to the fields listed on the form; the
 * consent's text version and time are kept. Opting in again while in changes nothing; after a
 * withdrawal it is a new consent.
 */
export async function optInSponsorship(
  viewer: Pick<Viewer, "id" | "role">,
  input: TOptInSponsorship,
  requestId?: string,
) {
  return db.$transaction(async (tx) => {
    const application = await lockOwnAcceptedApplicationOrThrow(tx, viewer, "sponsorshipNotAccepted");
    const current = await tx.sponsorshipOptIn.findUnique({
      where: { applicationId: application.id },
      select: { id: true, withdrawnAt: true },
    });
    if (current && !current.withdrawnAt) return { changed: false };
    const consent = {
      consentVersion: sponsorshipConsentVersion,
      consentedAt: new Date(),
      withdrawnAt: null,
      languages: input.languages,
      interests: input.interests,
    };
    const optIn = await tx.sponsorshipOptIn.upsert({
      where: { applicationId: application.id },
      create: { applicationId: application.id, ...consent },
      update: consent,
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "sponsorship.optIn",
      entityType: "SponsorshipOptIn",
      entityId: optIn.id,
      after: { ...consent, consentedAt: consent.consentedAt.toISOString() },
      requestId,
    });
    return { changed: true };
  });
}

/** Ends a match: deleted (audited), the sponsor told. */
async function endMatch(tx: Tx, match: { id: string; sponsorId: string }, actorId: string, requestId?: string) {
  const removed = await tx.sponsorMatch.delete({
    where: { id: match.id },
    select: {
      applicationId: true,
      application: { select: { firstName: true } },
      sponsor: { select: { user: { select: { email: true, name: true, locale: true } } } },
    },
  });
  await recordAudit(tx, {
    actorId,
    action: "sponsorship.endMatch",
    entityType: "SponsorMatch",
    entityId: match.id,
    before: { sponsorId: match.sponsorId, applicationId: removed.applicationId },
    requestId,
  });
  const sponsor = removed.sponsor.user;
  return {
    to: sponsor.email,
    locale: sponsor.locale,
    template: "sponsorMatchEnded",
    values: { name: sponsor.name, student: removed.application?.firstName ?? "" },
  } satisfies SponsorMail;
}

/**
 * R-INT-6: the student withdraws their consent: out of the pool at once; a confirmed match ends
 * and the sponsor is told. Withdrawing when not in is harmless.
 */
export async function withdrawSponsorship(viewer: Pick<Viewer, "id" | "role">, requestId?: string) {
  return db.$transaction(async (tx) => {
    const application = await lockOwnAcceptedApplicationOrThrow(tx, viewer, "sponsorshipNotAccepted");
    const optIn = await tx.sponsorshipOptIn.findUnique({
      where: { applicationId: application.id },
      select: { id: true, withdrawnAt: true },
    });
    if (!optIn || optIn.withdrawnAt) return { mails: [] as SponsorMail[] };
    const withdrawnAt = new Date();
    await tx.sponsorshipOptIn.update({ where: { id: optIn.id }, data: { withdrawnAt } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "sponsorship.withdraw",
      entityType: "SponsorshipOptIn",
      entityId: optIn.id,
      after: { withdrawnAt: withdrawnAt.toISOString() },
      requestId,
    });
    const match = await tx.sponsorMatch.findUnique({
      where: { applicationId: application.id },
      select: { id: true, sponsorId: true },
    });
    return { mails: match ? [await endMatch(tx, match, viewer.id, requestId)] : [] };
  });
}

/**
 * R-INT-8: staff confirm a pair — the suggestion, another sponsor (a change), or one the hard
 * filters would not suggest (forced, and marked so). The student must be in the viewer's scope,
 * accepted and opted in; the sponsor approved with a place left, checked under a lock on the
 * sponsor's row so two confirmations cannot overfill them. Both sides are then e-mailed, each
 * with the other's name and address; a replaced sponsor is told the match ended.
 */
export async function confirmSponsorMatch(
  actor: Actor,
  input: TConfirmSponsorMatch,
  requestId?: string,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const application = await tx.application.findFirst({
      where: {
        AND: [
          staffScope(actor),
          { id: input.applicationId, status: "ACCEPTED", sponsorshipOptIn: { withdrawnAt: null } },
        ],
      },
      select: {
        ...studentForMatchSelect,
        academicYear: true,
        contactEmail: true,
        student: { select: { email: true, name: true, locale: true } },
        sponsorMatch: { select: { id: true, sponsorId: true } },
      },
    });
    if (!application?.sponsorshipOptIn || application.academicYear === null) throw new NotFoundError();
    if (application.sponsorMatch?.sponsorId === input.sponsorId)
      return { matchId: application.sponsorMatch.id, mails: [] };
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "SponsorProfile" WHERE "id" = ${input.sponsorId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new NotFoundError();
    const sponsor = await tx.sponsorProfile.findUniqueOrThrow({
      where: { id: input.sponsorId },
      select: {
        id: true,
        status: true,
        capacity: true,
        componentId: true,
        city: true,
        languages: true,
        interests: true,
        user: { select: { email: true, name: true, locale: true } },
        _count: { select: { matches: { where: { applicationId: { not: null } } } } },
      },
    });
    if (!canTakeStudent(sponsor, sponsor._count.matches)) {
      throw new DomainError(sponsor.status === "APPROVED" ? "sponsorFull" : "sponsorNotApproved", {}, "sponsorId");
    }
    const mails: SponsorMail[] = [];
    if (application.sponsorMatch) mails.push(await endMatch(tx, application.sponsorMatch, actor.id, requestId));
    const student = matchStudentOf(application);
    const pairSponsor = matchSponsorOf(sponsor, 1);
    const forced = !isEligiblePair(student, pairSponsor);
    const { reason } = scorePair(student, pairSponsor, daysUntilArrival(student, parisDay(now)));
    const match = await tx.sponsorMatch.create({
      data: {
        sponsorId: sponsor.id,
        applicationId: application.id,
        academicYear: application.academicYear,
        reason: JSON.stringify(reason),
        forced,
        confirmedById: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "sponsorship.confirmMatch",
      entityType: "SponsorMatch",
      entityId: match.id,
      after: { sponsorId: sponsor.id, applicationId: application.id, forced },
      requestId,
    });
    const studentName = studentFullName(application, () => application.student.name);
    const studentEmail = application.contactEmail ?? application.student.email;
    mails.push(
      {
        to: application.student.email,
        locale: application.student.locale,
        template: "sponsorMatchedStudent",
        values: {
          name: application.firstName ?? application.student.name,
          sponsor: sponsor.user.name,
          sponsorEmail: sponsor.user.email,
        },
      },
      {
        to: sponsor.user.email,
        locale: sponsor.user.locale,
        template: "sponsorMatchedSponsor",
        values: { name: sponsor.user.name, student: studentName, studentEmail },
      },
    );
    return { matchId: match.id, mails };
  });
}

import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { sendSponsorMails } from "@/lib/integration/sponsorship/mail";
import {
  getOwnSponsorProfile,
  getOwnSponsorship,
  getSponsoredStudent,
  getSponsorshipBoard,
} from "@/lib/integration/sponsorship/queries";
import { anonymiseEndedSponsorships } from "@/lib/integration/sponsorship/retention";
import { sponsorshipConsentVersion } from "@/lib/integration/sponsorship/rules";
import {
  applyAsSponsor,
  confirmSponsorMatch,
  decideSponsor,
  optInSponsorship,
  withdrawSponsorship,
} from "@/lib/integration/sponsorship/service";
import { readOutbox } from "@/lib/mail/outbox";
import { createComponent, createViewer } from "./fixtures";

// R-INT-3, R-INT-5…9: the sponsorship programme against the real database. Each test uses its
// own academic year, so the boards never mix students of other tests.

let component: { id: string };
let otherComponent: { id: string };
let admin: Viewer;
let correspondent: Viewer;
let otherCorrespondent: Viewer;
let year = 3000 + Math.floor(Math.random() * 5000);

beforeAll(async () => {
  component = await createComponent();
  otherComponent = await createComponent();
  admin = await createViewer("ADMIN");
  correspondent = await createViewer("CORRESPONDENT", [component.id]);
  otherCorrespondent = await createViewer("CORRESPONDENT", [otherComponent.id]);
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "ok",
    (error: unknown) => (error instanceof DomainError ? error.code : `unexpected: ${String(error)}`),
  );
}

/** An approved sponsor: registered, offered, approved (the account becomes a SPONSOR). */
async function approvedSponsor(capacity = 1, city: "AIX" | "MARSEILLE" = "AIX") {
  const account = await createViewer("STUDENT");
  const { id } = await applyAsSponsor(account, {
    componentId: component.id,
    city,
    languages: ["fr", "en"],
    interests: ["music"],
    capacity,
    charter: true,
  });
  await decideSponsor(admin, { sponsorId: id, decision: "APPROVED" });
  return { profileId: id, viewer: { ...account, role: "SPONSOR" as const } };
}

async function incoming(academicYear: number, optIn = true) {
  const viewer = await createViewer("STUDENT");
  const application = await db.application.create({
    data: {
      studentId: viewer.id,
      status: "ACCEPTED",
      academicYear,
      period: "S1",
      componentId: component.id,
      firstName: "Lea",
      lastName: `Student${viewer.id.slice(0, 4)}`,
      nationality: "BR",
      housingCity: "AIX",
    },
    select: { id: true },
  });
  if (optIn) await optInSponsorship(viewer, { languages: ["en"], interests: ["music"], consent: true });
  return { viewer, applicationId: application.id };
}

describe("R-INT-5: sponsors register, accept the charter and are approved", () => {
  it("an offer waits for approval; approval makes the account a SPONSOR; a second decision is refused", async () => {
    const account = await createViewer("STUDENT");
    const { id } = await applyAsSponsor(account, {
      componentId: component.id,
      city: "MARSEILLE",
      languages: ["fr"],
      interests: [],
      capacity: 2,
      charter: true,
    });
    const pending = await db.sponsorProfile.findUniqueOrThrow({ where: { id } });
    expect(pending).toMatchObject({ status: "PENDING", capacity: 2 });
    expect(pending.charterVersion).toBeTruthy();
    expect((await db.user.findUniqueOrThrow({ where: { id: account.id } })).role).toBe("STUDENT");
    await decideSponsor(admin, { sponsorId: id, decision: "APPROVED" });
    expect((await db.user.findUniqueOrThrow({ where: { id: account.id } })).role).toBe("SPONSOR");
    expect(await codeOf(decideSponsor(admin, { sponsorId: id, decision: "REFUSED" }))).toBe("conflict");
  });

  it("an incoming student cannot offer to sponsor", async () => {
    const { viewer } = await incoming(++year, false);
    const form = {
      componentId: component.id,
      city: "AIX" as const,
      languages: ["fr"],
      interests: [],
      capacity: 1,
      charter: true as const,
    };
    expect(await codeOf(applyAsSponsor(viewer, form))).toBe("sponsorIsIncoming");
    expect(await db.sponsorProfile.count({ where: { userId: viewer.id } })).toBe(0);
  });
});

describe("R-INT-6: the student's consent", () => {
  it("is recorded with its text version and time; opting in twice is harmless; withdrawal keeps the record", async () => {
    const before = new Date();
    const { viewer, applicationId } = await incoming(++year);
    const optIn = await db.sponsorshipOptIn.findUniqueOrThrow({ where: { applicationId } });
    expect(optIn.consentVersion).toBe(sponsorshipConsentVersion);
    expect(optIn.consentedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect((await optInSponsorship(viewer, { languages: ["de"], interests: [], consent: true })).changed).toBe(false);
    expect((await db.sponsorshipOptIn.findUniqueOrThrow({ where: { applicationId } })).languages).toEqual(["en"]);
    await withdrawSponsorship(viewer);
    const withdrawn = await db.sponsorshipOptIn.findUniqueOrThrow({ where: { applicationId } });
    expect(withdrawn.withdrawnAt).not.toBeNull();
    expect(withdrawn.consentedAt).toEqual(optIn.consentedAt);
    expect((await getOwnSponsorship(viewer))?.optedIn).toBe(false);
  });
});

describe("R-INT-7…9: suggestions, confirmation, visibility", () => {
  it("the board suggests, the correspondent confirms, both sides are told and see each other", async () => {
    const academicYear = ++year;
    const sponsor = await approvedSponsor(1);
    const student = await incoming(academicYear);
    const board = await getSponsorshipBoard(correspondent, academicYear);
    const row = board.students.find((s) => s.id === student.applicationId)!;
    expect(row.suggestion?.reason.languages).toContain("en");
    expect(row.suggestion?.sponsorId).toBeTruthy();
    // Before the confirmation neither side knows the other.
    expect(await getSponsoredStudent(sponsor.viewer, student.applicationId)).toBeNull();
    expect((await getOwnSponsorship(student.viewer))?.sponsor).toBeNull();

    const { mails } = await confirmSponsorMatch(correspondent, {
      applicationId: student.applicationId,
      sponsorId: sponsor.profileId,
    });
    await sendSponsorMails(mails, "test");
    const seen = await getSponsoredStudent(sponsor.viewer, student.applicationId);
    expect(seen).toMatchObject({ name: expect.stringContaining("Lea"), email: student.viewer.email, country: "BR" });
    // R-INT-6: exactly the consented fields (never passport, visa, housing or documents).
    expect(Object.keys(seen!).sort()).toEqual(
      ["arrivalDate", "component", "country", "email", "id", "interests", "languages", "name", "studyLevel"].sort(),
    );
    expect((await getOwnSponsorship(student.viewer))?.sponsor?.email).toBe(sponsor.viewer.email);
    expect((await getOwnSponsorProfile(sponsor.viewer))?.students.map((s) => s.id)).toEqual([student.applicationId]);

    const outbox = await readOutbox(env().MAIL_SINK_DIR!, 100_000);
    expect(
      outbox
        .filter((m) => m.to.includes(student.viewer.email))
        .map((m) => m.text)
        .join(),
    ).toContain(sponsor.viewer.email);
    expect(
      outbox
        .filter((m) => m.to.includes(sponsor.viewer.email))
        .map((m) => m.text)
        .join(),
    ).toContain(student.viewer.email);
  });

  it("a sponsor cannot read an unmatched student, nor another sponsor's, by id", async () => {
    const academicYear = ++year;
    const mine = await approvedSponsor(1);
    const theirs = await approvedSponsor(1);
    const unmatched = await incoming(academicYear);
    const matchedElsewhere = await incoming(academicYear);
    await confirmSponsorMatch(admin, { applicationId: matchedElsewhere.applicationId, sponsorId: theirs.profileId });
    expect(await getSponsoredStudent(mine.viewer, unmatched.applicationId)).toBeNull();
    expect(await getSponsoredStudent(mine.viewer, matchedElsewhere.applicationId)).toBeNull();
    expect(await getSponsoredStudent(mine.viewer, crypto.randomUUID())).toBeNull();
    // Any other role gets nothing from this read either.
    expect(await getSponsoredStudent(unmatched.viewer, matchedElsewhere.applicationId)).toBeNull();
  });

  it("refuses a sponsor over capacity, a student out of scope, a student who did not opt in", async () => {
    const academicYear = ++year;
    const sponsor = await approvedSponsor(1);
    const first = await incoming(academicYear);
    const second = await incoming(academicYear);
    const notIn = await incoming(academicYear, false);
    await confirmSponsorMatch(correspondent, { applicationId: first.applicationId, sponsorId: sponsor.profileId });
    expect(
      await codeOf(
        confirmSponsorMatch(correspondent, { applicationId: second.applicationId, sponsorId: sponsor.profileId }),
      ),
    ).toBe("sponsorFull");
    const other = await approvedSponsor(1);
    expect(
      await codeOf(
        confirmSponsorMatch(otherCorrespondent, { applicationId: second.applicationId, sponsorId: other.profileId }),
      ),
    ).toBe("notFound");
    expect(
      await codeOf(
        confirmSponsorMatch(correspondent, { applicationId: notIn.applicationId, sponsorId: other.profileId }),
      ),
    ).toBe("notFound");
    expect(await db.sponsorMatch.count({ where: { sponsorId: { in: [sponsor.profileId, other.profileId] } } })).toBe(1);
  });

  it("two confirmations on a sponsor's last place at once: one wins", async () => {
    const academicYear = ++year;
    const sponsor = await approvedSponsor(1);
    const students = [await incoming(academicYear), await incoming(academicYear), await incoming(academicYear)];
    const results = await Promise.all(
      students.map((s) =>
        codeOf(confirmSponsorMatch(correspondent, { applicationId: s.applicationId, sponsorId: sponsor.profileId })),
      ),
    );
    expect(results.sort()).toEqual(["ok", "sponsorFull", "sponsorFull"]);
  });

  it("a forced pair across the hard filters is kept and marked forced", async () => {
    const academicYear = ++year;
    const marseille = await approvedSponsor(1, "MARSEILLE");
    const student = await incoming(academicYear);
    await confirmSponsorMatch(correspondent, { applicationId: student.applicationId, sponsorId: marseille.profileId });
    const board = await getSponsorshipBoard(correspondent, academicYear);
    expect(board.students.find((s) => s.id === student.applicationId)?.match).toMatchObject({ forced: true });
  });

  it("a withdrawal after a match ends it and tells the sponsor", async () => {
    const academicYear = ++year;
    const sponsor = await approvedSponsor(1);
    const student = await incoming(academicYear);
    await confirmSponsorMatch(correspondent, { applicationId: student.applicationId, sponsorId: sponsor.profileId });
    const { mails } = await withdrawSponsorship(student.viewer);
    expect(mails.map((m) => [m.to, m.template])).toEqual([[sponsor.viewer.email, "sponsorMatchEnded"]]);
    expect(await getSponsoredStudent(sponsor.viewer, student.applicationId)).toBeNull();
    expect(await db.sponsorMatch.count({ where: { sponsorId: sponsor.profileId } })).toBe(0);
  });

  it("flags a student still without a sponsor two weeks before arrival", async () => {
    const academicYear = ++year;
    const student = await incoming(academicYear);
    await db.arrivalChecklist.create({
      data: {
        applicationId: student.applicationId,
        nationality: "BR",
        visaType: "VLS_TS",
        arrivalDate: new Date(`${academicYear}-09-01`),
      },
    });
    const board = await getSponsorshipBoard(correspondent, academicYear, new Date(`${academicYear}-08-20T10:00:00Z`));
    expect(board.students.find((s) => s.id === student.applicationId)?.flagged).toBe(true);
    const early = await getSponsorshipBoard(correspondent, academicYear, new Date(`${academicYear}-07-01T10:00:00Z`));
    expect(early.students.find((s) => s.id === student.applicationId)?.flagged).toBe(false);
  });
});

describe("R-INT-9: retention anonymises links after the semester", () => {
  it("removes the student from a past semester's link, once", async () => {
    const academicYear = ++year;
    const sponsor = await approvedSponsor(1);
    const student = await incoming(academicYear);
    const { matchId } = await confirmSponsorMatch(correspondent, {
      applicationId: student.applicationId,
      sponsorId: sponsor.profileId,
    });
    // Semester 1 is not over in mid-January: the link stays.
    await anonymiseEndedSponsorships(db, new Date(`${academicYear + 1}-01-15T10:00:00Z`));
    expect(await db.sponsorMatch.findUniqueOrThrow({ where: { id: matchId } })).toMatchObject({
      applicationId: student.applicationId,
      anonymisedAt: null,
    });
    await anonymiseEndedSponsorships(db, new Date(`${academicYear + 1}-02-02T10:00:00Z`));
    const link = await db.sponsorMatch.findUniqueOrThrow({ where: { id: matchId } });
    expect(link).toMatchObject({ applicationId: null, reason: "{}" });
    expect(link.anonymisedAt).not.toBeNull();
    // Running the job again finds nothing more to do with it.
    await anonymiseEndedSponsorships(db, new Date(`${academicYear + 1}-03-01T10:00:00Z`));
    expect((await db.sponsorMatch.findUniqueOrThrow({ where: { id: matchId } })).anonymisedAt).toEqual(
      link.anonymisedAt,
    );
    expect(await db.auditEvent.count({ where: { action: "sponsorship.anonymise", entityId: matchId } })).toBe(1);
    expect(await getSponsoredStudent(sponsor.viewer, student.applicationId)).toBeNull();
    // The sponsor's place is free again for the next semester.
    expect((await getOwnSponsorProfile(sponsor.viewer))?.students).toEqual([]);
  });
});

import { randomBytes, randomInt } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { deleteDocument, uploadDocument } from "@/lib/documents/service";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { ApplicationStatus, HousingStatus } from "@/lib/generated/prisma/enums";
import { getInsuranceForStaff } from "@/lib/housing/insurance/queries";
import { ZInsuranceReview } from "@/lib/housing/insurance/schemas";
import { reviewInsuranceCertificate } from "@/lib/housing/insurance/service";
import { getStudentHousing } from "@/lib/housing/student/queries";
import { acceptHousingCommitments, declineHousingRoom, setInterlogStep } from "@/lib/housing/student/service";
import { createComponent, createViewer } from "./fixtures";

// A folder of this run only, read by lib/env.ts on first use (nothing has read it yet).
const uploadDir = mkdtempSync(path.join(tmpdir(), "portal-housing-uploads-"));
process.env.UPLOAD_DIR = uploadDir;

afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
});

const pdfBytes = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);
const pngBytes = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);
const pdf = (name = "insurance.pdf") => new File([pdfBytes], name, { type: "application/pdf" });
const png = (name = "insurance.png") => new File([pngBytes], name, { type: "image/png" });

const requestId = (name: string) => `test-${name}`;
const tag = () => randomBytes(4).toString("hex");

// ---------------------------------------------------------------------------------------------
// Fixtures: rounds of their own academic year (the round is unique per year and semester, and
// other tests share the database), a residence, students with an application and a request.

let component: { id: string };
let otherComponent: { id: string };
let correspondent: Viewer;
let otherCorrespondent: Viewer;
let admin: Viewer;
let residence: { id: string; name: string };

beforeAll(async () => {
  component = await createComponent();
  otherComponent = await createComponent();
  correspondent = await createViewer("CORRESPONDENT", [component.id]);
  otherCorrespondent = await createViewer("CORRESPONDENT", [otherComponent.id]);
  admin = await createViewer("ADMIN");
  residence = await db.residence.create({
    data: { name: `Résidence ${tag()}`, city: "MARSEILLE", address: "1 rue de la Test" },
    select: { id: true, name: true },
  });
});

const future = () => new Date(Date.now() + 30 * 24 * 3600 * 1000);

async function createRound(released: boolean, releaseAt: Date = future()) {
  return db.housingRound.create({
    data: {
      academicYear: 3000 + randomInt(1_000_000),
      semester: "S1",
      releaseAt,
      releasedAt: released ? new Date() : null,
    },
    select: { id: true, releaseAt: true },
  });
}

async function studentWithApplication(status: ApplicationStatus = "ACCEPTED") {
  const student = await createViewer("STUDENT");
  const application = await db.application.create({
    data: { studentId: student.id, status, componentId: component.id, housingRequested: true },
    select: { id: true },
  });
  return { student, applicationId: application.id };
}

/** A student whose request staff decided (`status`) in a round released or not. */
async function studentWithRequest(options: { status?: HousingStatus; released?: boolean } = {}) {
  const { status = "ACCEPTED", released = true } = options;
  const { student, applicationId } = await studentWithApplication();
  const round = await createRound(released);
  const request = await db.housingRequest.create({
    data: {
      applicationId,
      roundId: round.id,
      cityPreference: "MARSEILLE",
      requestedAt: new Date(),
      status,
      residenceId: status === "ACCEPTED" ? residence.id : null,
      decidedAt: status === "PENDING" ? null : new Date(),
    },
    select: { id: true },
  });
  return { student, applicationId, housingRequestId: request.id, round };
}

const housingEvents = (entityId: string) =>
  db.auditEvent.findMany({ where: { entityType: "HousingRequest", entityId }, orderBy: { id: "asc" } });
const applicationEvents = (entityId: string) =>
  db.auditEvent.findMany({ where: { entityType: "Application", entityId }, orderBy: { id: "asc" } });
const requestRow = (id: string) => db.housingRequest.findUniqueOrThrow({ where: { id } });
const insuranceOf = (id: string) =>
  db.application.findUniqueOrThrow({
    where: { id },
    select: { insuranceStatus: true, insuranceReviewedAt: true, insuranceReviewNote: true },
  });
const certificateOf = (id: string) =>
  db.applicationDocument.findFirst({ where: { applicationId: id, kind: "INSURANCE_CERTIFICATE" } });

const allCommitments = { payRestOnArrival: "on", wholeStudyPeriod: "on", studyPeriodOnly: "on" } as const;

// ---------------------------------------------------------------------------------------------

describe("R-HOU-3: the student sees a decision only once its round is released", () => {
  it("reads an ACCEPTED request of an unreleased round as PENDING, with nothing of the decision", async () => {
    const { student, housingRequestId: id, round } = await studentWithRequest({ status: "ACCEPTED", released: false });
    const housing = await getStudentHousing(student);
    expect(housing?.request).toEqual({
      id,
      status: "PENDING",
      cityPreference: "MARSEILLE",
      round: { academicYear: expect.any(Number), semester: "S1", releaseAt: round.releaseAt },
      notice: { kind: "until", date: round.releaseAt },
      reopened: null,
    });
    // Nothing of the residence anywhere in what the page receives.
    expect(JSON.stringify(housing)).not.toContain(residence.name);
  });

  it.each<HousingStatus>(["WAITLISTED", "REFUSED"])(
    "reads a %s request of an unreleased round as PENDING",
    async (status) => {
      const { student } = await studentWithRequest({ status, released: false });
      expect((await getStudentHousing(student))?.request?.status).toBe("PENDING");
    },
  );

  it("says 'soon' once the release date has passed without a release", async () => {
    const { student, applicationId } = await studentWithApplication();
    const round = await createRound(false, new Date(Date.now() - 24 * 3600 * 1000));
    await db.housingRequest.create({
      data: { applicationId, roundId: round.id, cityPreference: "AIX", requestedAt: new Date(), status: "REFUSED" },
    });
    const request = (await getStudentHousing(student))?.request;
    expect(request).toMatchObject({ status: "PENDING", notice: { kind: "soon", date: round.releaseAt } });
  });

  it("shows the decision, the residence and the reservation once the round is released", async () => {
    const { student, housingRequestId: id, round } = await studentWithRequest({ status: "ACCEPTED", released: false });
    await db.housingRound.update({ where: { id: (await requestRow(id)).roundId }, data: { releasedAt: new Date() } });
    const request = (await getStudentHousing(student))?.request;
    expect(request).toEqual({
      id,
      status: "ACCEPTED",
      cityPreference: "MARSEILLE",
      round: { academicYear: expect.any(Number), semester: "S1", releaseAt: round.releaseAt },
      residence: { name: residence.name, city: "MARSEILLE", address: "1 rue de la Test" },
      steps: { registered: null, accommodationRequested: null, depositPaid: null },
      commitmentsAcceptedAt: null,
      progress: {
        confirmed: false,
        missingSteps: ["registered", "accommodationRequested", "depositPaid"],
        commitmentsMissing: true,
      },
    });
  });

  it("reads only the viewer's own application: another student sees their own, or nothing", async () => {
    const { student } = await studentWithRequest();
    const stranger = await createViewer("STUDENT");
    expect(await getStudentHousing(stranger)).toBeNull();
    const { student: other, applicationId: otherApplication } = await studentWithApplication("SUBMITTED");
    const theirs = await getStudentHousing(other);
    expect(theirs?.application.id).toBe(otherApplication);
    expect(theirs?.request).toBeNull();
    expect((await getStudentHousing(student))?.application.id).not.toBe(otherApplication);
  });
});

describe("R-HOU-4: the INTERLOG checklist", () => {
  it("records the time of a tick, once, with one audit event; an untick clears it", async () => {
    const { student, housingRequestId: id } = await studentWithRequest();
    const before = Date.now();
    const first = await setInterlogStep(
      student,
      { housingRequestId: id, step: "registered", done: true },
      requestId("tick"),
    );
    expect(first).toMatchObject({ step: "registered", changed: true, confirmed: false });
    const row = await requestRow(id);
    expect(row.interlogRegisteredAt?.getTime()).toBeGreaterThanOrEqual(before);
    expect(row.interlogRequestedAt).toBeNull();

    // Idempotent: ticking again keeps the first time and writes nothing.
    const again = await setInterlogStep(
      student,
      { housingRequestId: id, step: "registered", done: true },
      requestId("tick-again"),
    );
    expect(again).toMatchObject({ changed: false, doneAt: row.interlogRegisteredAt });
    expect((await requestRow(id)).interlogRegisteredAt).toEqual(row.interlogRegisteredAt);

    await setInterlogStep(student, { housingRequestId: id, step: "registered", done: false }, requestId("untick"));
    expect((await requestRow(id)).interlogRegisteredAt).toBeNull();
    await setInterlogStep(
      student,
      { housingRequestId: id, step: "registered", done: false },
      requestId("untick-again"),
    );

    const events = await housingEvents(id);
    expect(events.map((event) => [event.action, event.actorId, event.requestId])).toEqual([
      ["housing.interlogTick", student.id, "test-tick"],
      ["housing.interlogUntick", student.id, "test-untick"],
    ]);
    expect(events[0]!.after).toEqual({
      step: "registered",
      interlogRegisteredAt: row.interlogRegisteredAt!.toISOString(),
    });
  });

  it("keeps one time and one event when the same step is ticked twice at once", async () => {
    const { student, housingRequestId: id } = await studentWithRequest();
    const results = await Promise.all(
      [1, 2].map((n) =>
        setInterlogStep(student, { housingRequestId: id, step: "depositPaid", done: true }, requestId(`race-${n}`)),
      ),
    );
    expect(results.filter((result) => result.changed)).toHaveLength(1);
    expect((await housingEvents(id)).map((event) => event.action)).toEqual(["housing.interlogTick"]);
  });
});

describe("R-HOU-5: the commitments, and the reservation confirmed only with everything", () => {
  it("records the acceptance once, audited; the reservation is confirmed only with the three steps and the commitments", async () => {
    const { student, housingRequestId: id } = await studentWithRequest();
    const accepted = await acceptHousingCommitments(
      student,
      { housingRequestId: id, ...allCommitments },
      requestId("commit"),
    );
    expect(accepted).toMatchObject({ changed: true, confirmed: false });
    const { commitmentsAcceptedAt } = await requestRow(id);
    expect(commitmentsAcceptedAt).toEqual(accepted.acceptedAt);

    const again = await acceptHousingCommitments(
      student,
      { housingRequestId: id, ...allCommitments },
      requestId("commit-again"),
    );
    expect(again).toMatchObject({ changed: false, acceptedAt: commitmentsAcceptedAt });
    expect((await requestRow(id)).commitmentsAcceptedAt).toEqual(commitmentsAcceptedAt);

    await setInterlogStep(student, { housingRequestId: id, step: "registered", done: true }, requestId("s1"));
    await setInterlogStep(
      student,
      { housingRequestId: id, step: "accommodationRequested", done: true },
      requestId("s2"),
    );
    let request = (await getStudentHousing(student))?.request;
    expect(request).toMatchObject({
      status: "ACCEPTED",
      progress: { confirmed: false, missingSteps: ["depositPaid"], commitmentsMissing: false },
    });

    const last = await setInterlogStep(
      student,
      { housingRequestId: id, step: "depositPaid", done: true },
      requestId("s3"),
    );
    expect(last.confirmed).toBe(true);
    request = (await getStudentHousing(student))?.request;
    expect(request).toMatchObject({ progress: { confirmed: true, missingSteps: [], commitmentsMissing: false } });

    const events = await housingEvents(id);
    expect(events.map((event) => event.action)).toEqual([
      "housing.acceptCommitments",
      "housing.interlogTick",
      "housing.interlogTick",
      "housing.interlogTick",
    ]);
    expect(events[0]).toMatchObject({
      actorId: student.id,
      before: { commitmentsAcceptedAt: null },
      after: {
        commitmentsAcceptedAt: commitmentsAcceptedAt!.toISOString(),
        commitments: ["payRestOnArrival", "wholeStudyPeriod", "studyPeriodOnly"],
      },
    });
  });

  it("is not confirmed with the three steps alone", async () => {
    const { student, housingRequestId: id } = await studentWithRequest();
    for (const step of ["registered", "accommodationRequested", "depositPaid"] as const) {
      await setInterlogStep(student, { housingRequestId: id, step, done: true }, requestId(step));
    }
    expect((await getStudentHousing(student))?.request).toMatchObject({
      progress: { confirmed: false, missingSteps: [], commitmentsMissing: true },
    });
  });

  it("answers 'not found' to commitments (or ticks, or a decline) on someone else's request, and changes nothing", async () => {
    const { housingRequestId: id } = await studentWithRequest();
    const { student: intruder } = await studentWithRequest();
    const before = await requestRow(id);
    await expect(
      acceptHousingCommitments(intruder, { housingRequestId: id, ...allCommitments }, requestId("intrude")),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      setInterlogStep(intruder, { housingRequestId: id, step: "registered", done: true }, requestId("intrude")),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      declineHousingRoom(intruder, { housingRequestId: id, confirm: "on" }, requestId("intrude")),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      acceptHousingCommitments(
        intruder,
        { housingRequestId: "00000000-0000-4000-8000-000000000000", ...allCommitments },
        requestId("ghost"),
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await requestRow(id)).toEqual(before);
    expect(await housingEvents(id)).toEqual([]);
  });

  it.each<[string, () => Viewer]>([
    ["a correspondent of the component", () => correspondent],
    ["an admin", () => admin],
  ])("answers 'not found' to %s (students act on their own room)", async (_name, viewer) => {
    const { housingRequestId: id } = await studentWithRequest();
    await expect(
      acceptHousingCommitments(viewer(), { housingRequestId: id, ...allCommitments }, requestId("staff")),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await requestRow(id)).commitmentsAcceptedAt).toBeNull();
  });

  it.each<[HousingStatus, boolean]>([
    ["ACCEPTED", false],
    ["PENDING", true],
    ["WAITLISTED", true],
    ["REFUSED", true],
  ])(
    "refuses to act on an own request %s (round released: %s), the same way, and changes nothing",
    async (status, released) => {
      const { student, housingRequestId: id } = await studentWithRequest({ status, released });
      const before = await requestRow(id);
      // One after the other: a rejection nobody awaits yet would be reported as unhandled.
      for (const attempt of [
        () => acceptHousingCommitments(student, { housingRequestId: id, ...allCommitments }, requestId("early")),
        () => setInterlogStep(student, { housingRequestId: id, step: "registered", done: true }, requestId("early")),
        () => declineHousingRoom(student, { housingRequestId: id, confirm: "on" }, requestId("early")),
      ]) {
        await expect(attempt()).rejects.toMatchObject({ code: "housingNotAccepted" });
      }
      expect(await requestRow(id)).toEqual(before);
      expect(await housingEvents(id)).toEqual([]);
    },
  );
});

describe("declining the room", () => {
  it("sets DECLINED on the accepted request, keeps the residence for staff, audits; a second decline is refused", async () => {
    const { student, housingRequestId: id } = await studentWithRequest();
    await expect(
      declineHousingRoom(student, { housingRequestId: id, confirm: "on" }, requestId("decline")),
    ).resolves.toEqual({
      housingRequestId: id,
      residenceId: residence.id,
    });
    expect(await requestRow(id)).toMatchObject({ status: "DECLINED", residenceId: residence.id });
    expect((await getStudentHousing(student))?.request?.status).toBe("DECLINED");

    const second = declineHousingRoom(student, { housingRequestId: id, confirm: "on" }, requestId("decline-again"));
    await expect(second).rejects.toBeInstanceOf(DomainError);
    await expect(second).rejects.toMatchObject({ code: "housingNotAccepted" });
    // Nor can the student tick or commit on a room they gave up.
    await expect(
      setInterlogStep(student, { housingRequestId: id, step: "registered", done: true }, requestId("after")),
    ).rejects.toMatchObject({ code: "housingNotAccepted" });

    const events = await housingEvents(id);
    expect(events.map((event) => [event.action, event.actorId, event.before, event.after])).toEqual([
      [
        "housing.decline",
        student.id,
        { status: "ACCEPTED", residenceId: residence.id },
        { status: "DECLINED", residenceId: residence.id },
      ],
    ]);
  });

  it("lets exactly one of two simultaneous declines through", async () => {
    const { student, housingRequestId: id } = await studentWithRequest();
    const outcomes = await Promise.allSettled(
      [1, 2].map((n) => declineHousingRoom(student, { housingRequestId: id, confirm: "on" }, requestId(`race-${n}`))),
    );
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((await housingEvents(id)).map((event) => event.action)).toEqual(["housing.decline"]);
  });

  it("answers 'not found' to another student, and the room stays accepted", async () => {
    const { housingRequestId: id } = await studentWithRequest();
    const { student: other } = await studentWithRequest();
    await expect(
      declineHousingRoom(other, { housingRequestId: id, confirm: "on" }, requestId("other")),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await requestRow(id)).status).toBe("ACCEPTED");
  });
});

// ---------------------------------------------------------------------------------------------
// R-HOU-7: the home-insurance certificate

async function storedFiles(): Promise<string[]> {
  return (await readdir(uploadDir).catch(() => [])).sort();
}

describe("R-HOU-7: the student uploads the insurance certificate once accepted", () => {
  it("accepts the certificate while ACCEPTED and sets SUBMITTED in the same transaction, audited", async () => {
    const { student, applicationId } = await studentWithApplication("ACCEPTED");
    const document = await uploadDocument(student, { kind: "INSURANCE_CERTIFICATE", file: pdf("assurance.pdf") });
    expect(document).toMatchObject({
      kind: "INSURANCE_CERTIFICATE",
      contentType: "application/pdf",
      originalName: "assurance.pdf",
    });
    expect(await insuranceOf(applicationId)).toEqual({
      insuranceStatus: "SUBMITTED",
      insuranceReviewedAt: null,
      insuranceReviewNote: null,
    });
    const events = await applicationEvents(applicationId);
    expect(events.map((event) => [event.action, event.actorId, event.before, event.after])).toEqual([
      [
        "insurance.submitCertificate",
        student.id,
        { insuranceStatus: "MISSING" },
        { insuranceStatus: "SUBMITTED", documentId: document.id },
      ],
    ]);
    const housing = await getStudentHousing(student);
    expect(housing?.insuranceCertificate).toMatchObject({ id: document.id, originalName: "assurance.pdf" });
    expect(housing?.application.insuranceStatus).toBe("SUBMITTED");
  });

  it.each([
    ["a text file named .pdf", () => new File(["I am not a PDF"], "insurance.pdf", { type: "application/pdf" })],
    [
      "an HTML page named .png",
      () => new File(["<html><script>alert(1)</script></html>"], "insurance.png", { type: "image/png" }),
    ],
    ["a Word document", () => new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])], "insurance.docx")],
  ])("refuses %s as a certificate, and changes nothing", async (_name, file) => {
    const { student, applicationId } = await studentWithApplication("ACCEPTED");
    const filesBefore = await storedFiles();
    const attempt = uploadDocument(student, { kind: "INSURANCE_CERTIFICATE", file: file() });
    await expect(attempt).rejects.toMatchObject({ code: "documentTypeRefused", field: "file" });
    expect(await certificateOf(applicationId)).toBeNull();
    expect((await insuranceOf(applicationId)).insuranceStatus).toBe("MISSING");
    expect(await applicationEvents(applicationId)).toEqual([]);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it("still refuses the application's other documents once ACCEPTED", async () => {
    const { student, applicationId } = await studentWithApplication("ACCEPTED");
    await expect(uploadDocument(student, { kind: "PASSPORT", file: pdf() })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.applicationDocument.count({ where: { applicationId } })).toBe(0);
  });

  it.each<ApplicationStatus>(["REJECTED", "WITHDRAWN"])(
    "refuses the certificate while the application is %s",
    async (status) => {
      const { student, applicationId } = await studentWithApplication(status);
      await expect(uploadDocument(student, { kind: "INSURANCE_CERTIFICATE", file: pdf() })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(await certificateOf(applicationId)).toBeNull();
      expect((await insuranceOf(applicationId)).insuranceStatus).toBe("MISSING");
    },
  );

  // Issue 21: a draft could carry the certificate and be marked as submitted.
  it.each<ApplicationStatus>(["DRAFT", "CHANGES_REQUESTED", "SUBMITTED", "UNDER_REVIEW"])(
    "tells a student whose application is %s that the certificate comes after acceptance, and stores nothing",
    async (status) => {
      const { student, applicationId } = await studentWithApplication(status);
      const attempt = uploadDocument(student, { kind: "INSURANCE_CERTIFICATE", file: pdf() });
      await expect(attempt).rejects.toMatchObject({ code: "insuranceNotYet", field: "file" });
      await expect(attempt).rejects.not.toBeInstanceOf(NotFoundError);
      expect(await certificateOf(applicationId)).toBeNull();
      expect((await insuranceOf(applicationId)).insuranceStatus).toBe("MISSING");
    },
  );

  it("a new certificate after a rejection asks for a new review (the old note goes); removing it leaves MISSING", async () => {
    const { student, applicationId } = await studentWithApplication("ACCEPTED");
    const first = await uploadDocument(student, { kind: "INSURANCE_CERTIFICATE", file: pdf() });
    await reviewInsuranceCertificate(
      correspondent,
      { applicationId, documentId: first.id, decision: "reject", note: "Fire is not covered." },
      requestId("reject"),
    );
    expect((await getStudentHousing(student))?.application).toMatchObject({
      insuranceStatus: "REJECTED",
      insuranceReviewNote: "Fire is not covered.",
    });

    const second = await uploadDocument(student, { kind: "INSURANCE_CERTIFICATE", file: png() });
    expect(await insuranceOf(applicationId)).toEqual({
      insuranceStatus: "SUBMITTED",
      insuranceReviewedAt: null,
      insuranceReviewNote: null,
    });
    expect(await db.applicationDocument.count({ where: { applicationId, kind: "INSURANCE_CERTIFICATE" } })).toBe(1);

    await deleteDocument(student, second.id);
    expect((await insuranceOf(applicationId)).insuranceStatus).toBe("MISSING");
    expect((await applicationEvents(applicationId)).map((event) => event.action)).toEqual([
      "insurance.submitCertificate",
      "insurance.rejectCertificate",
      "insurance.submitCertificate",
      "insurance.removeCertificate",
    ]);
  });
});

describe("R-HOU-7: staff review the certificate, within their scope", () => {
  async function submittedCertificate() {
    const { student, applicationId } = await studentWithApplication("ACCEPTED");
    const document = await uploadDocument(student, { kind: "INSURANCE_CERTIFICATE", file: pdf() });
    return { student, applicationId, documentId: document.id };
  }

  it("a correspondent of the component approves a submitted certificate: time recorded, audited", async () => {
    const { applicationId, documentId } = await submittedCertificate();
    const result = await reviewInsuranceCertificate(
      correspondent,
      { applicationId, documentId, decision: "approve" },
      requestId("approve"),
    );
    expect(result).toMatchObject({ applicationId, insuranceStatus: "APPROVED" });
    expect(await insuranceOf(applicationId)).toEqual({
      insuranceStatus: "APPROVED",
      insuranceReviewedAt: result.reviewedAt,
      insuranceReviewNote: null,
    });
    const events = await applicationEvents(applicationId);
    expect(events.at(-1)).toMatchObject({
      action: "insurance.approveCertificate",
      actorId: correspondent.id,
      requestId: "test-approve",
      before: { insuranceStatus: "SUBMITTED" },
      after: { insuranceStatus: "APPROVED", documentId },
    });
    expect(await getInsuranceForStaff(correspondent, applicationId)).toMatchObject({
      insuranceStatus: "APPROVED",
      certificate: { id: documentId },
    });
  });

  it("answers 'not found' to a correspondent of another component, and changes nothing", async () => {
    const { applicationId, documentId } = await submittedCertificate();
    const eventsBefore = await applicationEvents(applicationId);
    await expect(
      reviewInsuranceCertificate(
        otherCorrespondent,
        { applicationId, documentId, decision: "approve" },
        requestId("other"),
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      reviewInsuranceCertificate(
        otherCorrespondent,
        { applicationId, documentId, decision: "reject", note: "No." },
        requestId("other"),
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await insuranceOf(applicationId)).insuranceStatus).toBe("SUBMITTED");
    expect(await applicationEvents(applicationId)).toEqual(eventsBefore);
    expect(await getInsuranceForStaff(otherCorrespondent, applicationId)).toBeNull();
  });

  it("answers 'not found' to a student, even the owner", async () => {
    const { student, applicationId, documentId } = await submittedCertificate();
    await expect(
      reviewInsuranceCertificate(student, { applicationId, documentId, decision: "approve" }, requestId("self")),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await insuranceOf(applicationId)).insuranceStatus).toBe("SUBMITTED");
  });

  it("needs a note to reject (the schema refuses without one); with it, the student reads the note", async () => {
    const { student, applicationId, documentId } = await submittedCertificate();
    const withoutNote = ZInsuranceReview.safeParse({ applicationId, documentId, decision: "reject", note: "  " });
    expect(withoutNote.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["note", "insuranceNoteRequired"],
    ]);

    const input = ZInsuranceReview.parse({
      applicationId,
      documentId,
      decision: "reject",
      note: " Water damage is not covered. ",
    });
    await reviewInsuranceCertificate(admin, input, requestId("reject"));
    expect(await insuranceOf(applicationId)).toMatchObject({
      insuranceStatus: "REJECTED",
      insuranceReviewNote: "Water damage is not covered.",
    });
    expect((await getStudentHousing(student))?.application).toMatchObject({
      insuranceStatus: "REJECTED",
      insuranceReviewNote: "Water damage is not covered.",
    });
    expect((await applicationEvents(applicationId)).at(-1)).toMatchObject({
      action: "insurance.rejectCertificate",
      actorId: admin.id,
      after: { insuranceStatus: "REJECTED", documentId, note: "Water damage is not covered." },
    });
  });

  it("is guarded on SUBMITTED: a second decision, or one on a missing certificate, is refused", async () => {
    const { applicationId, documentId } = await submittedCertificate();
    await reviewInsuranceCertificate(
      correspondent,
      { applicationId, documentId, decision: "approve" },
      requestId("first"),
    );
    await expect(
      reviewInsuranceCertificate(
        admin,
        { applicationId, documentId, decision: "reject", note: "No." },
        requestId("second"),
      ),
    ).rejects.toMatchObject({ code: "insuranceChanged" });
    expect((await insuranceOf(applicationId)).insuranceStatus).toBe("APPROVED");

    const { applicationId: missing } = await studentWithApplication("ACCEPTED");
    await expect(
      reviewInsuranceCertificate(
        correspondent,
        { applicationId: missing, documentId, decision: "approve" },
        requestId("missing"),
      ),
    ).rejects.toMatchObject({ code: "insuranceChanged" });
    expect((await insuranceOf(missing)).insuranceStatus).toBe("MISSING");
  });

  it("refuses a decision on a certificate the student has replaced since", async () => {
    const { student, applicationId, documentId } = await submittedCertificate();
    const replacement = await uploadDocument(student, { kind: "INSURANCE_CERTIFICATE", file: png() });
    await expect(
      reviewInsuranceCertificate(correspondent, { applicationId, documentId, decision: "approve" }, requestId("stale")),
    ).rejects.toMatchObject({ code: "insuranceChanged" });
    expect((await insuranceOf(applicationId)).insuranceStatus).toBe("SUBMITTED");
    await reviewInsuranceCertificate(
      correspondent,
      { applicationId, documentId: replacement.id, decision: "approve" },
      requestId("fresh"),
    );
    expect((await insuranceOf(applicationId)).insuranceStatus).toBe("APPROVED");
  });

  it("lets exactly one of two simultaneous reviews through", async () => {
    const { applicationId, documentId } = await submittedCertificate();
    const outcomes = await Promise.allSettled([
      reviewInsuranceCertificate(correspondent, { applicationId, documentId, decision: "approve" }, requestId("a")),
      reviewInsuranceCertificate(
        admin,
        { applicationId, documentId, decision: "reject", note: "Expired." },
        requestId("b"),
      ),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    const reviews = (await applicationEvents(applicationId)).filter(
      (event) => event.action !== "insurance.submitCertificate",
    );
    expect(reviews).toHaveLength(1);
  });
});

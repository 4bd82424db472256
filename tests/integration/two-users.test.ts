/**
 * Two users, every resource (issue 6, ASVS V8.2): what belongs to student A — the dossier, a
 * document, the housing request, the arrival checklist, the welcome-desk booking — is "not
 * found" for student B and for the correspondent of another faculty, exactly like something
 * that does not exist, and the refusal names nothing of A. The personal-data export holds A's
 * data for A only.
 */
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDossierForStaff } from "@/lib/applications/queries";
import { addInternalComment, decideOnApplication } from "@/lib/applications/service";
import { getStudentArrival, listArrivals } from "@/lib/arrival/queries";
import { saveArrivalDetails, setArrivalStep } from "@/lib/arrival/service";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { openDocumentForViewer } from "@/lib/documents/queries";
import { deleteDocument, uploadDocument } from "@/lib/documents/service";
import { DomainError } from "@/lib/errors";
import { decideHousingRequest } from "@/lib/housing/board/service";
import { setInterlogStep } from "@/lib/housing/student/service";
import { exportPersonalData } from "@/lib/privacy/export";
import { getWelcomeDeskBookingForViewer } from "@/lib/welcome-desk/queries";
import { bookWelcomeDeskSlot, cancelWelcomeDeskBooking } from "@/lib/welcome-desk/service";
import { createComponent, createViewer } from "./fixtures";

const uploadDir = mkdtempSync(path.join(tmpdir(), "portal-two-users-"));
process.env.UPLOAD_DIR = uploadDir;
afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
});

const requestId = "test-two-users";
const academicYear = 2950;

/** The code of a refusal, and its message, which must not name A. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "ok",
    (error: unknown) => {
      if (!(error instanceof DomainError)) return `unexpected: ${String(error)}`;
      expect(error.message).not.toMatch(/Alice|Nakamura/);
      expect(error.params).toEqual({});
      return error.code;
    },
  );
}

let studentA: Viewer;
let studentB: Viewer;
let correspondentX: Viewer;
let correspondentY: Viewer;
let admin: Viewer;
let applicationA: { id: string };
let documentA: { id: string };
let requestA: { id: string };
let bookingA: { id: string };

beforeAll(async () => {
  const [componentX, componentY] = [await createComponent(), await createComponent()];
  studentA = await createViewer("STUDENT");
  studentB = await createViewer("STUDENT");
  correspondentX = await createViewer("CORRESPONDENT", [componentX.id]);
  correspondentY = await createViewer("CORRESPONDENT", [componentY.id]);
  admin = await createViewer("ADMIN");

  // A's application, in X's faculty, accepted; B's own, in Y's.
  applicationA = await db.application.create({
    data: {
      studentId: studentA.id,
      status: "ACCEPTED",
      firstName: "Alice",
      lastName: "Nakamura",
      nationality: "JP",
      componentId: componentX.id,
      academicYear,
      decidedAt: new Date(Date.UTC(academicYear, 5, 1)),
      submittedAt: new Date(),
      lastSubmittedAt: new Date(),
    },
    select: { id: true },
  });
  await db.application.create({
    data: {
      studentId: studentB.id,
      status: "ACCEPTED",
      firstName: "Bob",
      lastName: "Other",
      nationality: "BR",
      componentId: componentY.id,
      academicYear,
      decidedAt: new Date(Date.UTC(academicYear, 5, 1)),
    },
  });

  documentA = await uploadDocument(studentA, {
    kind: "VISA_PASSPORT_PAGES",
    file: new File([new TextEncoder().encode("%PDF-1.4\n%%EOF\n")], "alice-passport.pdf", { type: "application/pdf" }),
  });

  const round = await db.housingRound.create({
    data: { academicYear, semester: "S1", releaseAt: new Date(Date.UTC(academicYear, 6, 1)), releasedAt: new Date() },
  });
  const residence = await db.residence.create({
    data: {
      name: `Two users ${Date.now()}`,
      city: "MARSEILLE",
      capacities: { create: { academicYear, semester: "S1", rooms: 5 } },
    },
  });
  requestA = await db.housingRequest.create({
    data: {
      applicationId: applicationA.id,
      roundId: round.id,
      cityPreference: "MARSEILLE",
      requestedAt: new Date(),
      status: "ACCEPTED",
      residenceId: residence.id,
    },
    select: { id: true },
  });

  await saveArrivalDetails(
    studentA,
    { nationality: "JP", visaType: "VLS_TS", arrivalDate: null },
    requestId,
    new Date(Date.UTC(academicYear, 8, 1)),
  );

  const desk = await db.welcomeDesk.upsert({
    where: { city: "AIX" },
    create: { city: "AIX" },
    update: {},
    select: { id: true },
  });
  const slot = await db.welcomeDeskSlot.create({
    data: {
      deskId: desk.id,
      startsAt: new Date(Date.now() + 86_400_000 * 400),
      endsAt: new Date(Date.now() + 86_400_000 * 400 + 1_800_000),
      capacity: 2,
    },
  });
  await bookWelcomeDeskSlot(studentA, { slotId: slot.id }, requestId);
  bookingA = await db.welcomeDeskBooking.findUniqueOrThrow({
    where: { applicationId: applicationA.id },
    select: { id: true },
  });
});

describe("the dossier", () => {
  it("is seen by A's faculty and the admin, not by the other faculty", async () => {
    expect(await getDossierForStaff(correspondentX, applicationA.id)).not.toBeNull();
    expect(await getDossierForStaff(admin, applicationA.id)).not.toBeNull();
    expect(await getDossierForStaff(correspondentY, applicationA.id)).toBeNull();
  });

  it("cannot be decided on or commented by the other faculty", async () => {
    expect(
      await refusal(
        decideOnApplication(
          correspondentY,
          { applicationId: applicationA.id, expectedStatus: "UNDER_REVIEW", decision: "startReview" },
          requestId,
        ),
      ),
    ).toBe("notFound");
    expect(
      await refusal(addInternalComment(correspondentY, { applicationId: applicationA.id, body: "peek" }, requestId)),
    ).toBe("notFound");
    expect(await db.applicationNote.count({ where: { applicationId: applicationA.id } })).toBe(0);
  });
});

describe("a document", () => {
  it("is downloaded by A and A's faculty; B and the other faculty get not found; B cannot delete it", async () => {
    expect((await openDocumentForViewer(studentA, documentA.id)).document.id).toBe(documentA.id);
    expect((await openDocumentForViewer(correspondentX, documentA.id)).document.id).toBe(documentA.id);
    expect(await refusal(openDocumentForViewer(studentB, documentA.id))).toBe("notFound");
    expect(await refusal(openDocumentForViewer(correspondentY, documentA.id))).toBe("notFound");
    expect(await refusal(openDocumentForViewer(null, documentA.id))).toBe("notFound");
    expect(await refusal(deleteDocument(studentB, documentA.id))).toBe("notFound");
    expect(await db.applicationDocument.count({ where: { id: documentA.id } })).toBe(1);
  });
});

describe("the housing request", () => {
  it("is A's to tick and the other faculty's to leave alone", async () => {
    expect(
      await refusal(
        setInterlogStep(studentB, { housingRequestId: requestA.id, step: "registered", done: true }, requestId),
      ),
    ).toBe("notFound");
    expect(
      await refusal(
        decideHousingRequest(
          correspondentY,
          { housingRequestId: requestA.id, expectedStatus: "ACCEPTED", decision: "REFUSED", residenceId: null },
          requestId,
        ),
      ),
    ).toBe("notFound");
    expect((await db.housingRequest.findUniqueOrThrow({ where: { id: requestA.id } })).status).toBe("ACCEPTED");
  });
});

describe("the arrival checklist", () => {
  it("is A's alone: B sees their own, the other faculty's list leaves A out", async () => {
    expect((await getStudentArrival(studentA))?.checklist?.nationality).toBe("JP");
    expect((await getStudentArrival(studentB))?.checklist).toBeNull();
    const stepOfA = (
      await db.arrivalChecklist.findUniqueOrThrow({
        where: { applicationId: applicationA.id },
        select: { procedure: { select: { steps: { select: { id: true }, take: 1 } } } },
      })
    ).procedure?.steps[0];
    if (stepOfA)
      expect(await refusal(setArrivalStep(studentB, { stepId: stepOfA.id, done: true }, requestId))).toBe(
        "arrivalNotStarted",
      );
    expect((await listArrivals(correspondentX, { academicYear })).rows.map((row) => row.applicationId)).toContain(
      applicationA.id,
    );
    expect((await listArrivals(correspondentY, { academicYear })).rows.map((row) => row.applicationId)).not.toContain(
      applicationA.id,
    );
  });
});

describe("the welcome-desk booking", () => {
  it("is A's to read and cancel; B gets not found", async () => {
    expect(await getWelcomeDeskBookingForViewer(studentA, bookingA.id)).not.toBeNull();
    expect(await getWelcomeDeskBookingForViewer(studentB, bookingA.id)).toBeNull();
    expect(await getWelcomeDeskBookingForViewer(correspondentX, bookingA.id)).toBeNull();
    expect(await refusal(cancelWelcomeDeskBooking(studentB, { bookingId: bookingA.id }, requestId))).toBe("notFound");
    expect(await db.welcomeDeskBooking.count({ where: { id: bookingA.id } })).toBe(1);
  });
});

describe("the personal-data export (GDPR art. 15, 20)", () => {
  it("holds A's data for A, and nothing of A for B; never a password hash or a storage key", async () => {
    const exportA = JSON.stringify(await exportPersonalData(studentA));
    expect(exportA).toContain("Nakamura");
    expect(exportA).toContain("alice-passport.pdf");
    expect(exportA).not.toMatch(/passwordHash|storageKey/);
    const exportB = JSON.stringify(await exportPersonalData(studentB));
    expect(exportB).not.toMatch(/Nakamura|alice-passport/);
  });
});

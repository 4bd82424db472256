/**
 * GDPR (issue 6): erasure by anonymisation within the legal holds, and the retention rules
 * applied by their job, on a real database and real files.
 */
import { mkdtempSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveArrivalDetails } from "@/lib/arrival/service";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { uploadDocument } from "@/lib/documents/service";
import { anonymisePerson } from "@/lib/privacy/erasure";
import { exportPersonalData } from "@/lib/privacy/export";
import { applyRetention } from "@/lib/privacy/retention";
import { erasedEmail, lastAlumniYear } from "@/lib/privacy/rules";
import { createComponent, createViewer } from "./fixtures";

const uploadDir = mkdtempSync(path.join(tmpdir(), "portal-privacy-"));
process.env.UPLOAD_DIR = uploadDir;
afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
});

const pdf = (name: string) =>
  new File([new TextEncoder().encode("%PDF-1.4\n%%EOF\n")], name, { type: "application/pdf" });
const filesOnDisk = async () => (await readdir(uploadDir)).length;

let admin: Viewer;
let component: { id: string };
beforeAll(async () => {
  admin = await createViewer("ADMIN");
  component = await createComponent();
});

async function acceptedStudentWithData(academicYear: number) {
  const student = await createViewer("STUDENT");
  const application = await db.application.create({
    data: {
      studentId: student.id,
      status: "ACCEPTED",
      firstName: "Maria",
      lastName: "Dossantos",
      contactEmail: "maria@example.org",
      phone: "+55 11 5555",
      nationality: "BR",
      componentId: component.id,
      academicYear,
      plannedCourses: [{ title: "Optics", ects: 30, semester: "S1" }],
      decidedAt: new Date(Date.UTC(academicYear, 5, 1)),
      searchText: "maria dossantos maria@example.org",
    },
    select: { id: true },
  });
  await db.applicationNote.create({
    data: {
      applicationId: application.id,
      authorId: admin.id,
      kind: "ACCEPTANCE_NOTE",
      body: "Welcome Maria Dossantos",
    },
  });
  await uploadDocument(student, { kind: "VISA_PASSPORT_PAGES", file: pdf("maria-passport.pdf") });
  await saveArrivalDetails(
    student,
    { nationality: "BR", visaType: "VLS_TS", arrivalDate: null },
    "test",
    new Date(Date.UTC(academicYear, 8, 1)),
  );
  return { student, application };
}

describe("erasure by anonymisation (GDPR art. 17)", () => {
  it("removes identity, contacts, documents (files too), notes' texts and sessions; keeps the academic facts and the events, emptied", async () => {
    const { student, application } = await acceptedStudentWithData(2970);
    await db.userSession.create({
      data: { id: `s-${student.id}`, userId: student.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    const files = await filesOnDisk();

    const result = await anonymisePerson({ id: admin.id, requestId: "test" }, student.id);
    expect(result.documentsDeleted).toBe(1);
    expect(await filesOnDisk()).toBe(files - 1);

    const user = await db.user.findUniqueOrThrow({ where: { id: student.id } });
    expect(user).toMatchObject({ email: erasedEmail(student.id), name: "—", disabled: true });
    expect(await db.userSession.count({ where: { userId: student.id } })).toBe(0);
    const kept = await db.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(kept).toMatchObject({
      firstName: null,
      lastName: null,
      contactEmail: null,
      phone: null,
      searchText: "",
      status: "ACCEPTED",
      nationality: "BR",
      academicYear: 2970,
    });
    expect(kept.plannedCourses).toEqual([{ title: "Optics", ects: 30, semester: "S1" }]);
    expect((await db.applicationNote.findFirstOrThrow({ where: { applicationId: application.id } })).body).toBe("—");
    expect(await db.applicationDocument.count({ where: { applicationId: application.id } })).toBe(0);

    // Nothing in the trail still says who it was; the erasure itself is recorded.
    const events = await db.auditEvent.findMany({
      where: { OR: [{ actorId: student.id }, { entityId: { in: [student.id, application.id] } }] },
    });
    expect(JSON.stringify(events.map((event) => [event.before, event.after]))).not.toMatch(
      /Maria|Dossantos|maria@|passport/,
    );
    expect(events.some((event) => event.action === "privacy.anonymise" && event.actorId === admin.id)).toBe(true);
    expect(JSON.stringify(await exportPersonalData(student))).not.toMatch(/Maria|Dossantos/);

    await expect(anonymisePerson({ id: admin.id }, student.id)).rejects.toMatchObject({ code: "alreadyErased" });
    await expect(anonymisePerson({ id: admin.id }, admin.id)).rejects.toMatchObject({ code: "cannotEraseSelf" });
  });
});

describe("the personal-data export says what the student may see", () => {
  it("leaves out staff's internal comments and a housing decision whose round is not released", async () => {
    const { student, application } = await acceptedStudentWithData(2971);
    await db.applicationNote.create({
      data: {
        applicationId: application.id,
        authorId: admin.id,
        kind: "INTERNAL_COMMENT",
        body: "Staff only: weak transcript",
      },
    });
    const round = await db.housingRound.create({
      data: { academicYear: 2971, semester: "S1", releaseAt: new Date(Date.now() + 86_400_000) },
    });
    const residence = await db.residence.create({ data: { name: `Export ${Date.now()}`, city: "AIX" } });
    await db.housingRequest.create({
      data: {
        applicationId: application.id,
        roundId: round.id,
        cityPreference: "AIX",
        requestedAt: new Date(),
        status: "ACCEPTED",
        residenceId: residence.id,
        rank: 3,
      },
    });
    const exported = await exportPersonalData(student);
    const text = JSON.stringify(exported);
    expect(text).not.toContain("Staff only");
    expect(text).not.toContain(residence.name);
    expect(text).not.toContain('"rank"');
    expect(exported.applications[0]?.housingRequest?.status).toBe("PENDING");
  });
});

describe("erasing a member of staff", () => {
  it("empties what named them (a faculty's list of correspondents) but keeps their decisions on others' dossiers", async () => {
    const correspondent = await createViewer("CORRESPONDENT", [component.id]);
    const email = correspondent.email;
    const attached = await db.auditEvent.create({
      data: {
        actorId: admin.id,
        action: "component.attachCorrespondent",
        entityType: "Component",
        entityId: component.id,
        after: { correspondent: { id: correspondent.id, email } },
      },
    });
    const decision = await db.auditEvent.create({
      data: {
        actorId: correspondent.id,
        action: "dossier.accept",
        entityType: "Application",
        entityId: "00000000-0000-4000-8000-000000000001",
        before: { status: "UNDER_REVIEW" },
        after: { status: "ACCEPTED" },
      },
    });
    await anonymisePerson({ id: admin.id }, correspondent.id);
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: attached.id } })).after).toBeNull();
    const kept = await db.auditEvent.findUniqueOrThrow({ where: { id: decision.id } });
    expect(kept.after).toEqual({ status: "ACCEPTED" });
  });
});

describe("retention rules, applied by the job", () => {
  it("deletes old drafts, documents of old closed dossiers, ended sessions; anonymises former students; a second run finds nothing", async () => {
    const now = new Date();
    const drafter = await createViewer("STUDENT");
    const draft = await db.application.create({
      data: { studentId: drafter.id, status: "DRAFT", firstName: "Old" },
      select: { id: true },
    });
    await uploadDocument(drafter, { kind: "CV", file: pdf("old-cv.pdf") });
    await db.$executeRaw`UPDATE "Application" SET "updatedAt" = now() - interval '25 months' WHERE "id" = ${draft.id}::uuid`;

    const rejected = await createViewer("STUDENT");
    const closed = await db.application.create({
      data: { studentId: rejected.id, status: "DRAFT" },
      select: { id: true },
    });
    await uploadDocument(rejected, { kind: "CV", file: pdf("rejected-cv.pdf") });
    await db.application.update({
      where: { id: closed.id },
      data: { status: "REJECTED", decidedAt: new Date(now.getTime() - 400 * 86_400_000) },
    });

    const recent = await createViewer("STUDENT");
    const kept = await db.application.create({ data: { studentId: recent.id, status: "DRAFT" }, select: { id: true } });

    await db.userSession.create({
      data: { id: `old-${drafter.id}`, userId: drafter.id, expiresAt: new Date(now.getTime() - 40 * 86_400_000) },
    });
    const { student: alumnus } = await acceptedStudentWithData(lastAlumniYear(now));
    const { student: current } = await acceptedStudentWithData(lastAlumniYear(now) + 1);

    const run = await applyRetention({ now });
    expect(run.draftsDeleted).toBeGreaterThanOrEqual(1);
    expect(await db.application.count({ where: { id: draft.id } })).toBe(0);
    expect(await db.application.count({ where: { id: kept.id } })).toBe(1);
    expect(await db.applicationDocument.count({ where: { applicationId: closed.id } })).toBe(0);
    expect(await db.userSession.count({ where: { id: `old-${drafter.id}` } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: alumnus.id } })).email).toBe(erasedEmail(alumnus.id));
    expect((await db.user.findUniqueOrThrow({ where: { id: current.id } })).email).toBe(current.email);

    const again = await applyRetention({ now });
    expect(again).toMatchObject({ draftsDeleted: 0, closedDossierDocumentsDeleted: 0, alumniAnonymised: 0 });
  });
});

import { randomBytes, randomInt } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getStudentArrival, listArrivals } from "@/lib/arrival/queries";
import { runVisaReminders } from "@/lib/arrival/reminders";
import { recordForeignNumber, saveArrivalDetails, setArrivalStep } from "@/lib/arrival/service";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { deleteDocument, uploadDocument } from "@/lib/documents/service";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { readOutbox } from "@/lib/mail/outbox";
import type { TemplateMail } from "@/lib/mail/render";
import { sendTemplateMail } from "@/lib/mail/template";
import { seedArrivalReferenceData } from "../../prisma/seed-arrival.ts";
import { createComponent, createViewer } from "./fixtures";

// A folder of this run only, read by lib/env.ts on first use (nothing has read it yet).
const uploadDir = mkdtempSync(path.join(tmpdir(), "portal-arrival-uploads-"));
process.env.UPLOAD_DIR = uploadDir;
afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
});

const pdf = (name: string) =>
  new File([new TextEncoder().encode("%PDF-1.4\n%%EOF\n")], name, { type: "application/pdf" });
const tag = () => randomBytes(4).toString("hex");
const requestId = "test-arrival";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "ok",
    (error: unknown) => (error instanceof DomainError ? error.code : `unexpected: ${String(error)}`),
  );
}

async function mailsTo(email: string) {
  return (await readOutbox(env().MAIL_SINK_DIR!, 100_000)).filter((message) => message.to.includes(email));
}

// Each test file shares the database: procedures of this file's own code, years of its own.
let component: { id: string };
let otherComponent: { id: string };
let correspondent: Viewer;
let otherCorrespondent: Viewer;
let procedure: { id: string; steps: { id: string; uploadKinds: string[] }[] };
let academicYear: number;

/** A procedure of three steps (2 months): the first asks for two copies, the last for none. */
async function createProcedure(code: string) {
  const created = await db.visaProcedure.create({
    data: {
      code,
      version: 1,
      nameFr: "Procédure test",
      nameEn: "Test procedure",
      summaryFr: "Résumé",
      summaryEn: "Summary",
      deadlineMonths: 2,
      visaTypes: ["VLS_TS"],
      reminderDays: [30, 14, 7, 2],
      steps: {
        create: [
          {
            position: 0,
            titleFr: "Dépôt",
            titleEn: "Deposit",
            bodyFr: "…",
            bodyEn: "…",
            documents: {
              create: [
                { position: 0, labelFr: "Formulaire", labelEn: "Form", uploadKind: "VISA_OFII_FORM" },
                { position: 1, labelFr: "Pages", labelEn: "Pages", uploadKind: "VISA_PASSPORT_PAGES" },
              ],
            },
          },
          {
            position: 1,
            titleFr: "Timbre",
            titleEn: "Stamp",
            bodyFr: "…",
            bodyEn: "…",
            documents: { create: [{ position: 0, labelFr: "Passeport", labelEn: "Passport" }] },
          },
          { position: 2, titleFr: "Vignette", titleEn: "Sticker", bodyFr: "…", bodyEn: "…" },
        ],
      },
    },
    select: {
      id: true,
      steps: { orderBy: { position: "asc" }, select: { id: true, documents: { select: { uploadKind: true } } } },
    },
  });
  return {
    id: created.id,
    steps: created.steps.map((step) => ({
      id: step.id,
      uploadKinds: step.documents.flatMap((document) => (document.uploadKind ? [document.uploadKind] : [])),
    })),
  };
}

/** A student whose application was accepted on 1 June of the academic year. */
async function acceptedStudent(
  options: { nationality?: string; status?: "ACCEPTED" | "SUBMITTED"; componentId?: string } = {},
) {
  const student = await createViewer("STUDENT");
  const application = await db.application.create({
    data: {
      studentId: student.id,
      status: options.status ?? "ACCEPTED",
      firstName: "Ana",
      lastName: `Souza ${tag()}`,
      nationality: options.nationality ?? "BR",
      componentId: options.componentId ?? component.id,
      academicYear,
      decidedAt: new Date(Date.UTC(academicYear, 5, 1, 10)),
      submittedAt: new Date(Date.UTC(academicYear, 3, 1)),
      lastSubmittedAt: new Date(Date.UTC(academicYear, 3, 1)),
    },
    select: { id: true },
  });
  return { student, application };
}

/** "Today" in these tests: 20 September of the academic year. */
const today = () => new Date(Date.UTC(academicYear, 8, 20, 10));

beforeAll(async () => {
  // The reference data as seeded (idempotent: the exempt list may exist already).
  // The app's client differs from the seed's only by its omitted secret (User.passwordHash).
  await seedArrivalReferenceData(db as unknown as PrismaClient, []);
  academicYear = 2300 + randomInt(600);
  component = await createComponent();
  otherComponent = await createComponent();
  correspondent = await createViewer("CORRESPONDENT", [component.id]);
  otherCorrespondent = await createViewer("CORRESPONDENT", [otherComponent.id]);
  procedure = await createProcedure(`test-${tag()}`);
  await db.visaProcedureYear.create({ data: { academicYear, procedureId: procedure.id } });
});

describe("R-VIS-6: who the checklist applies to", () => {
  it("an EU national sees why nothing applies, and no procedure is pinned", async () => {
    const { student } = await acceptedStudent({ nationality: "DE" });
    const saved = await saveArrivalDetails(
      student,
      { nationality: "DE", visaType: "NONE", arrivalDate: `${academicYear}-09-01` },
      requestId,
      today(),
    );
    expect(saved.procedureId).toBeNull();
    const arrival = await getStudentArrival(student, today());
    expect(arrival?.applicability).toEqual({ applies: false, reason: "EUROPEAN" });
    expect(arrival?.deadline).toBeNull();
    expect(await codeOf(setArrivalStep(student, { stepId: procedure.steps[0]!.id, done: true }, requestId))).toBe(
      "arrivalNotStarted",
    );
  });

  it("a short-stay visa is not validated: nothing applies", async () => {
    const { student } = await acceptedStudent({ nationality: "US" });
    await saveArrivalDetails(
      student,
      { nationality: "US", visaType: "SHORT_STAY", arrivalDate: null },
      requestId,
      today(),
    );
    expect((await getStudentArrival(student, today()))?.applicability).toEqual({
      applies: false,
      reason: "SHORT_STAY",
    });
  });

  it("a nationality the procedure leaves out (Algerian nationals, 1968 agreement) is told so; nothing is pinned", async () => {
    const excluding = await db.visaProcedure.create({
      data: {
        code: `dz-${tag()}`,
        version: 1,
        nameFr: "N",
        nameEn: "N",
        summaryFr: "S",
        summaryEn: "S",
        deadlineMonths: 2,
        visaTypes: ["VLS_TS"],
        excludedNationalities: ["DZ"],
        reminderDays: [7],
      },
      select: { id: true },
    });
    const year = academicYear + 1;
    await db.visaProcedureYear.create({ data: { academicYear: year, procedureId: excluding.id } });
    const student = await createViewer("STUDENT");
    await db.application.create({
      data: {
        studentId: student.id,
        status: "ACCEPTED",
        nationality: "DZ",
        componentId: component.id,
        academicYear: year,
        decidedAt: new Date(Date.UTC(year, 5, 1)),
      },
    });
    const saved = await saveArrivalDetails(
      student,
      { nationality: "DZ", visaType: "VLS_TS", arrivalDate: null },
      requestId,
      new Date(Date.UTC(year, 8, 1)),
    );
    expect(saved.procedureId).toBeNull();
    expect((await getStudentArrival(student, new Date(Date.UTC(year, 8, 1))))?.applicability).toEqual({
      applies: false,
      reason: "NATIONALITY_NOT_COVERED",
    });
  });

  it("a student whose dossier is not accepted, or a member of staff, cannot start a checklist", async () => {
    const { student } = await acceptedStudent({ status: "SUBMITTED" });
    expect(
      await codeOf(
        saveArrivalDetails(student, { nationality: "BR", visaType: "VLS_TS", arrivalDate: null }, requestId, today()),
      ),
    ).toBe("arrivalNotAccepted");
    expect(
      await codeOf(
        saveArrivalDetails(
          correspondent,
          { nationality: "BR", visaType: "VLS_TS", arrivalDate: null },
          requestId,
          today(),
        ),
      ),
    ).toBe("notFound");
  });
});

describe("R-VIS-1: the arrival date and the deadline", () => {
  it.each([
    ["before the acceptance", () => `${academicYear}-05-31`, "arrivalBeforeAcceptance"],
    ["two years away", () => `${academicYear + 2}-09-01`, "arrivalTooFarInFuture"],
  ])("an arrival date %s is refused on the field, and nothing is saved", async (_label, day, code) => {
    const { student, application } = await acceptedStudent();
    const error = await saveArrivalDetails(
      student,
      { nationality: "BR", visaType: "VLS_TS", arrivalDate: day() },
      requestId,
      today(),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    expect((error as DomainError).field).toBe("arrivalDate");
    expect(await db.arrivalChecklist.count({ where: { applicationId: application.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { actorId: student.id } })).toBe(0);
  });

  it("computes the deadline two months after the arrival, with the days left in Paris", async () => {
    const { student } = await acceptedStudent();
    await saveArrivalDetails(
      student,
      { nationality: "BR", visaType: "VLS_TS", arrivalDate: `${academicYear}-08-31` },
      requestId,
      today(),
    );
    const arrival = await getStudentArrival(student, today());
    expect(arrival?.applicability).toEqual({ applies: true });
    expect(arrival?.deadline).toEqual({ deadline: `${academicYear}-10-31`, daysLeft: 41, state: "upcoming" });
    // Seen on 2 November: two days late.
    expect((await getStudentArrival(student, new Date(Date.UTC(academicYear, 10, 2, 10))))?.deadline?.state).toBe(
      "overdue",
    );
  });
});

describe("R-VIS-2…4: steps, copies and the AGDREF number", () => {
  it("a step waits for its copies; the number waits for every step; then the checklist is complete", async () => {
    const { student, application } = await acceptedStudent();
    await saveArrivalDetails(
      student,
      { nationality: "BR", visaType: "VLS_TS", arrivalDate: `${academicYear}-09-01` },
      requestId,
      today(),
    );
    const [first, second, third] = procedure.steps;

    expect(await codeOf(setArrivalStep(student, { stepId: first!.id, done: true }, requestId))).toBe(
      "arrivalStepDocumentsMissing",
    );
    expect(await codeOf(recordForeignNumber(student, { foreignNumber: "7501234567" }, requestId))).toBe(
      "arrivalStepsPending",
    );

    await uploadDocument(student, { kind: "VISA_OFII_FORM", file: pdf("ofii.pdf") });
    await uploadDocument(student, { kind: "VISA_PASSPORT_PAGES", file: pdf("pages.pdf") });
    for (const step of [first!, second!, third!])
      expect(await setArrivalStep(student, { stepId: step.id, done: true }, requestId)).toMatchObject({
        done: true,
        changed: true,
      });
    // Ticking again changes nothing.
    expect(await setArrivalStep(student, { stepId: first!.id, done: true }, requestId)).toMatchObject({
      changed: false,
    });

    const completed = await recordForeignNumber(student, { foreignNumber: "7501234567" }, requestId);
    expect(completed.foreignNumber).toBe("7501234567");
    expect(await codeOf(setArrivalStep(student, { stepId: first!.id, done: false }, requestId))).toBe(
      "arrivalCompleted",
    );
    const arrival = await getStudentArrival(student, today());
    expect(arrival?.checklist?.completedAt).not.toBeNull();
    const events = await db.auditEvent.findMany({
      where: { entityType: "ArrivalChecklist", actorId: student.id },
      select: { action: true, before: true, after: true },
    });
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(["arrival.start", "arrival.stepDone", "arrival.complete"]),
    );
    // The number stays with the student: the trail says it was recorded, not what it is.
    expect(JSON.stringify(events)).not.toContain("7501234567");
    expect(await db.applicationDocument.count({ where: { applicationId: application.id } })).toBe(2);
  });

  it("the number is refused when a ticked step's copy was removed since", async () => {
    const { student } = await acceptedStudent();
    await saveArrivalDetails(student, { nationality: "BR", visaType: "VLS_TS", arrivalDate: null }, requestId, today());
    const form = await uploadDocument(student, { kind: "VISA_OFII_FORM", file: pdf("ofii.pdf") });
    await uploadDocument(student, { kind: "VISA_PASSPORT_PAGES", file: pdf("pages.pdf") });
    for (const step of procedure.steps) await setArrivalStep(student, { stepId: step.id, done: true }, requestId);
    await deleteDocument(student, form.id);
    expect(await codeOf(recordForeignNumber(student, { foreignNumber: "7501234567" }, requestId))).toBe(
      "arrivalStepDocumentsMissing",
    );
  });

  it("a step of another procedure is not found", async () => {
    const other = await createProcedure(`other-${tag()}`);
    const { student } = await acceptedStudent();
    await saveArrivalDetails(student, { nationality: "BR", visaType: "VLS_TS", arrivalDate: null }, requestId, today());
    expect(await codeOf(setArrivalStep(student, { stepId: other.steps[1]!.id, done: true }, requestId))).toBe(
      "notFound",
    );
  });

  it("a student keeps the version they started when an admin moves the year to another procedure", async () => {
    const { student } = await acceptedStudent();
    await saveArrivalDetails(student, { nationality: "BR", visaType: "VLS_TS", arrivalDate: null }, requestId, today());
    const yearOnly = academicYear;
    const next = await createProcedure(`next-${tag()}`);
    await db.visaProcedureYear.update({ where: { academicYear: yearOnly }, data: { procedureId: next.id } });
    try {
      const arrival = await getStudentArrival(student, today());
      expect(arrival?.procedure?.id).toBe(procedure.id);
      // Saving again keeps the pinned version.
      expect(
        (
          await saveArrivalDetails(
            student,
            { nationality: "BR", visaType: "VLS_TS", arrivalDate: `${academicYear}-09-02` },
            requestId,
            today(),
          )
        ).procedureId,
      ).toBe(procedure.id);
      // A student starting now gets the new one.
      const { student: newcomer } = await acceptedStudent();
      expect(
        (
          await saveArrivalDetails(
            newcomer,
            { nationality: "BR", visaType: "VLS_TS", arrivalDate: null },
            requestId,
            today(),
          )
        ).procedureId,
      ).toBe(next.id);
    } finally {
      await db.visaProcedureYear.update({ where: { academicYear: yearOnly }, data: { procedureId: procedure.id } });
    }
  });
});

describe("reminders (R-VIS-1): each sent once, across runs", () => {
  it("two runs at once and a third later send one reminder; the next offset sends the next one", async () => {
    const { student } = await acceptedStudent();
    // Deadline 1 November; seen on 20 October: 12 days left → the 14-day reminder.
    await saveArrivalDetails(
      student,
      { nationality: "BR", visaType: "VLS_TS", arrivalDate: `${academicYear}-09-01` },
      requestId,
      today(),
    );
    const october20 = new Date(Date.UTC(academicYear, 9, 20, 8));
    const [a, b] = await Promise.all([runVisaReminders({ now: october20 }), runVisaReminders({ now: october20 })]);
    expect(a.sent + b.sent).toBeGreaterThanOrEqual(1);
    await runVisaReminders({ now: new Date(october20.getTime() + 3_600_000) });
    let mails = await mailsTo(student.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain("12 days left");

    // 26 October: 6 days left → the 7-day reminder, once.
    const october26 = new Date(Date.UTC(academicYear, 9, 26, 8));
    await runVisaReminders({ now: october26 });
    await runVisaReminders({ now: october26 });
    mails = await mailsTo(student.email);
    expect(mails).toHaveLength(2);
  });

  it("a refused e-mail is retried by the next run; a completed checklist gets no reminder", async () => {
    const { student } = await acceptedStudent();
    await saveArrivalDetails(
      student,
      { nationality: "BR", visaType: "VLS_TS", arrivalDate: `${academicYear}-09-01` },
      requestId,
      today(),
    );
    const october30 = new Date(Date.UTC(academicYear, 9, 30, 8));
    const refusing = async (mail: TemplateMail) => {
      if (mail.to === student.email) throw new Error("451 4.3.0 Temporary SMTP failure");
      await sendTemplateMail(mail);
    };
    const failed = await runVisaReminders({ now: october30, deps: { send: refusing } });
    expect(failed.failed).toBeGreaterThanOrEqual(1);
    expect(await mailsTo(student.email)).toHaveLength(0);
    await runVisaReminders({ now: october30 });
    expect(await mailsTo(student.email)).toHaveLength(1);

    const { student: done } = await acceptedStudent();
    await saveArrivalDetails(
      done,
      { nationality: "BR", visaType: "VLS_TS", arrivalDate: `${academicYear}-09-01` },
      requestId,
      today(),
    );
    await db.arrivalChecklist.updateMany({
      where: { application: { studentId: done.id } },
      data: { completedAt: new Date(), foreignNumber: "7501234567" },
    });
    await runVisaReminders({ now: october30 });
    expect(await mailsTo(done.email)).toHaveLength(0);
  });
});

describe("the correspondents' list of arrivals", () => {
  it("shows their component's accepted students with a status, and nothing of other components", async () => {
    const { student } = await acceptedStudent();
    await saveArrivalDetails(
      student,
      { nationality: "BR", visaType: "VLS_TS", arrivalDate: `${academicYear}-08-01` },
      requestId,
      today(),
    );
    const november = new Date(Date.UTC(academicYear, 10, 5, 10));
    const { rows } = await listArrivals(correspondent, { academicYear }, november);
    const row = rows.find((candidate) => candidate.email === student.email);
    expect(row).toMatchObject({ status: "OVERDUE", arrivalDay: `${academicYear}-08-01`, stepsTotal: 3 });
    expect(
      (await listArrivals(correspondent, { academicYear, status: "OVERDUE" }, november)).rows.every(
        (candidate) => candidate.status === "OVERDUE",
      ),
    ).toBe(true);
    expect(
      (await listArrivals(otherCorrespondent, { academicYear }, november)).rows.some(
        (candidate) => candidate.email === student.email,
      ),
    ).toBe(false);
    const submitted = await acceptedStudent({ status: "SUBMITTED" });
    expect(
      (await listArrivals(correspondent, { academicYear }, november)).rows.some(
        (candidate) => candidate.email === submitted.student.email,
      ),
    ).toBe(false);
  });
});

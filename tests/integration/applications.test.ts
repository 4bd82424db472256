import { beforeAll, describe, expect, it } from "vitest";
import { countQueueByStatus, getDossierForStaff, getStudentDossier, listQueue } from "@/lib/applications/queries";
import { ZHomeStep, ZHousingStep, ZIdentityStep, ZLanguagesStep, ZStudyStep } from "@/lib/applications/schemas";
import {
  addInternalComment,
  decideOnApplication,
  saveApplicationStep,
  submitApplication,
  withdrawApplication,
} from "@/lib/applications/service";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { ConflictError, type DomainError, NotFoundError } from "@/lib/errors";
import {
  allRequiredDocuments,
  attachDocuments,
  createCall,
  createComponent,
  createPartner,
  createProgramme,
  createViewer,
  thisYear,
} from "./fixtures";

let component: { id: string };
let otherComponent: { id: string };
let partner: { id: string; name: string };

beforeAll(async () => {
  component = await createComponent();
  otherComponent = await createComponent();
  partner = await createPartner([{ componentIds: [component.id], levels: ["MASTER"], seats: 1 }]);
  // R-ELI-8: drafts are placed in an open call of their year and period.
  await createCall(thisYear, "S1");
});

const request = (id: string) => `req-${id}`;

/** Fills every step through the service, as the forms would. */
async function fillApplication(
  student: Viewer,
  overrides: { partnerId?: string; componentId?: string; programmeId?: string; frenchLevel?: string } = {},
) {
  await saveApplicationStep(
    student,
    {
      step: "identity",
      input: ZIdentityStep.parse({
        firstName: "Ada",
        lastName: `Student ${student.id.slice(0, 6)}`,
        dateOfBirth: "2002-02-02",
        nationality: "DE",
        contactEmail: student.email,
        phone: "+49 721 000",
        addressLine: "Street 1",
        postalCode: "",
        city: "Karlsruhe",
        country: "DE",
      }),
    },
    request("identity"),
  );
  await saveApplicationStep(
    student,
    {
      step: "home",
      input: ZHomeStep.parse({
        partnerId: overrides.partnerId ?? partner.id,
        homeCoordinatorName: "Dr. Weber",
        homeCoordinatorEmail: "weber@example.org",
        nominatedBy: "International Office",
        nominatedOn: new Date().toISOString().slice(0, 10),
      }),
    },
    request("home"),
  );
  await saveApplicationStep(
    student,
    {
      step: "study",
      input: ZStudyStep.parse({
        componentId: overrides.componentId ?? component.id,
        programmeId: overrides.programmeId ?? "",
        studyLevel: "MASTER",
        period: "S1",
        academicYear: String(thisYear),
        courseTitle: "Photonics",
        courseEcts: "30",
        courseSemester: "S1",
      }),
    },
    request("study"),
  );
  await saveApplicationStep(
    student,
    {
      step: "languages",
      input: ZLanguagesStep.parse({ frenchLevel: overrides.frenchLevel ?? "B2", englishLevel: "C1" }),
    },
    request("languages"),
  );
  const { applicationId } = await saveApplicationStep(
    student,
    {
      step: "housing",
      input: ZHousingStep.parse({ housingRequested: "yes", housingCity: "MARSEILLE", housingNeeds: "" }),
    },
    request("housing"),
  );
  return applicationId;
}

async function submittedApplication(frenchLevel = "B2") {
  const student = await createViewer("STUDENT");
  const applicationId = await fillApplication(student, { frenchLevel });
  await attachDocuments(applicationId, student.id, allRequiredDocuments);
  await submitApplication(student, request("submit"));
  return { student, applicationId };
}

describe("saving the draft step by step", () => {
  it("creates the application on the first step and audits each save", async () => {
    const student = await createViewer("STUDENT");
    const applicationId = await fillApplication(student);
    const application = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(application).toMatchObject({
      status: "DRAFT",
      studentId: student.id,
      partnerId: partner.id,
      languagesDeclared: true,
      housingRequested: true,
      housingCity: "MARSEILLE",
    });
    expect(application.searchText).toContain("ada");
    const actions = (await db.auditEvent.findMany({ where: { entityId: applicationId }, orderBy: { id: "asc" } })).map(
      (event) => event.action,
    );
    expect(actions).toEqual(
      ["identity", "home", "study", "languages", "housing"].map((step) => `application.save.${step}`),
    );
  });

  it("refuses a partner, component or programme that does not exist or does not fit, and changes nothing", async () => {
    const student = await createViewer("STUDENT");
    await fillApplication(student);
    const before = await db.application.findFirstOrThrow({ where: { studentId: student.id } });
    const ghost = "00000000-0000-4000-8000-000000000000";
    const otherProgramme = await createProgramme(otherComponent.id);
    const bachelorProgramme = await createProgramme(component.id, { level: "BACHELOR" });
    const attempts = [
      saveApplicationStep(
        student,
        {
          step: "home",
          input: {
            ...ZHomeStep.parse({
              partnerId: ghost,
              homeCoordinatorName: "X",
              homeCoordinatorEmail: "x@example.org",
              nominatedBy: "X",
              nominatedOn: "2026-01-01",
            }),
          },
        },
        "r",
      ),
      saveApplicationStep(
        student,
        {
          step: "study",
          input: ZStudyStep.parse({
            componentId: ghost,
            studyLevel: "MASTER",
            period: "S1",
            academicYear: String(thisYear),
            courseTitle: "X",
            courseEcts: "3",
            courseSemester: "S1",
          }),
        },
        "r",
      ),
      saveApplicationStep(
        student,
        {
          step: "study",
          input: ZStudyStep.parse({
            componentId: component.id,
            programmeId: otherProgramme.id,
            studyLevel: "MASTER",
            period: "S1",
            academicYear: String(thisYear),
            courseTitle: "X",
            courseEcts: "3",
            courseSemester: "S1",
          }),
        },
        "r",
      ),
      saveApplicationStep(
        student,
        {
          step: "study",
          input: ZStudyStep.parse({
            componentId: component.id,
            programmeId: bachelorProgramme.id,
            studyLevel: "MASTER",
            period: "S1",
            academicYear: String(thisYear),
            courseTitle: "X",
            courseEcts: "3",
            courseSemester: "S1",
          }),
        },
        "r",
      ),
    ];
    const codes = await Promise.all(
      attempts.map((attempt) =>
        attempt.then(
          () => "saved",
          (error: DomainError) => `${error.code}:${error.field}`,
        ),
      ),
    );
    expect(codes).toEqual([
      "partnerUnknown:partnerId",
      "componentUnknown:componentId",
      "programmeNotInComponent:programmeId",
      "programmeLevelMismatch:programmeId",
    ]);
    expect(await db.application.findFirstOrThrow({ where: { studentId: student.id } })).toEqual(before);
  });

  it("answers 'not found' to any edit once submitted", async () => {
    const { student, applicationId } = await submittedApplication();
    const before = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
    await expect(
      saveApplicationStep(student, { step: "languages", input: { frenchLevel: "C2", englishLevel: "C2" } }, "r"),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.application.findUniqueOrThrow({ where: { id: applicationId } })).toEqual(before);
  });
});

describe("submission rules", () => {
  it("R-ACC-7: refuses a complete application while the student's address is unconfirmed, and changes nothing", async () => {
    const student = await createViewer("STUDENT", [], false);
    const applicationId = await fillApplication(student);
    await attachDocuments(applicationId, student.id, allRequiredDocuments);
    await expect(submitApplication(student, "r")).rejects.toMatchObject({ code: "emailNotVerified" });
    const row = await db.application.findUniqueOrThrow({ where: { id: applicationId }, select: { status: true } });
    expect(row.status).toBe("DRAFT");
    await db.user.update({ where: { id: student.id }, data: { emailVerifiedAt: new Date() } });
    // The next request's viewer, read after the confirmation (getViewer reads the flag with the session).
    await expect(submitApplication({ ...student, emailVerified: true }, "r")).resolves.toMatchObject({ applicationId });
  });

  it("refuses an incomplete application with the number of missing steps", async () => {
    const student = await createViewer("STUDENT");
    await saveApplicationStep(student, { step: "languages", input: { frenchLevel: "B2", englishLevel: "B2" } }, "r");
    await expect(submitApplication(student, "r")).rejects.toMatchObject({
      code: "applicationIncomplete",
      params: { count: 4 },
    });
  });

  it.each([
    ["no agreement at all (R-ELI-1)", async () => (await createPartner([])).id, "noAgreement.none"],
    [
      "an expired agreement",
      async () =>
        (await createPartner([{ componentIds: [component.id], levels: ["MASTER"], years: [2015, thisYear - 1] }])).id,
      "noAgreement.expired",
    ],
    [
      "an agreement for another faculty",
      async () => (await createPartner([{ componentIds: [otherComponent.id], levels: ["MASTER"] }])).id,
      "noAgreement.component",
    ],
    [
      "an agreement for another level",
      async () => (await createPartner([{ componentIds: [component.id], levels: ["BACHELOR"] }])).id,
      "noAgreement.level",
    ],
  ])("refuses a university with %s, naming it, and stays a draft", async (_label, makePartner, code) => {
    const partnerId = await makePartner();
    const student = await createViewer("STUDENT");
    const applicationId = await fillApplication(student, { partnerId });
    await attachDocuments(applicationId, student.id, allRequiredDocuments);
    const { name } = await db.partnerInstitution.findUniqueOrThrow({ where: { id: partnerId } });
    await expect(submitApplication(student, "r")).rejects.toMatchObject({ code, params: { university: name } });
    expect((await db.application.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe("DRAFT");
  });

  it("R-SEC-7: refuses a draft whose academic year has ended (it was saved before), and stays a draft", async () => {
    const student = await createViewer("STUDENT");
    const applicationId = await fillApplication(student);
    await attachDocuments(applicationId, student.id, allRequiredDocuments);
    await db.application.update({ where: { id: applicationId }, data: { academicYear: thisYear - 1 } });
    await expect(submitApplication(student, "r")).rejects.toMatchObject({ code: "academicYearClosed" });
    expect((await db.application.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe("DRAFT");
  });

  it("R-SEC-7: a past year typed into the study step is refused on the server", () => {
    const parsed = ZStudyStep.safeParse({
      componentId: component.id,
      programmeId: "",
      studyLevel: "MASTER",
      period: "S1",
      academicYear: String(thisYear - 1),
      courseTitle: "Photonics",
      courseEcts: "30",
      courseSemester: "S1",
    });
    expect(parsed.success).toBe(false);
  });

  it("refuses when required documents are missing", async () => {
    const student = await createViewer("STUDENT");
    const applicationId = await fillApplication(student);
    await attachDocuments(applicationId, student.id, ["PASSPORT", "PHOTO"]);
    await expect(submitApplication(student, "r")).rejects.toMatchObject({
      code: "documentsMissing",
      params: { count: 2 },
    });
  });

  it.each([
    ["A2", true],
    ["B1", true],
    ["B2", false],
    ["C1", false],
    ["UNKNOWN", true],
  ])("French %s: submitted, with the warning flag %s (R-ELI-3)", async (level, warning) => {
    const { applicationId } = await submittedApplication(level);
    const application = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(application.status).toBe("SUBMITTED");
    expect(application.frenchWarning).toBe(warning);
    expect(application.submittedAt).not.toBeNull();
  });

  it("refuses a double degree at capacity, and two submissions for the last place cannot both win (R-ELI-6)", async () => {
    const programme = await createProgramme(component.id, { doubleDegreeCapacity: 1 });
    const students = await Promise.all([createViewer("STUDENT"), createViewer("STUDENT"), createViewer("STUDENT")]);
    for (const student of students) {
      const applicationId = await fillApplication(student, { programmeId: programme.id });
      await attachDocuments(applicationId, student.id, allRequiredDocuments);
    }
    const outcomes = await Promise.allSettled(students.map((student) => submitApplication(student, "r")));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes.filter((candidate) => candidate.status === "rejected")) {
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: "doubleDegreeFull" });
    }
  });

  it("a student who never started has nothing to submit or withdraw", async () => {
    const student = await createViewer("STUDENT");
    await expect(submitApplication(student, "r")).rejects.toBeInstanceOf(NotFoundError);
    await expect(withdrawApplication(student, "r")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the residence request travels with the application (R-HOU-2)", () => {
  it("is created in the round of the arrival semester at submission, and withdrawn with the application", async () => {
    const { student, applicationId } = await submittedApplication();
    const request = await db.housingRequest.findUniqueOrThrow({ where: { applicationId }, include: { round: true } });
    expect(request).toMatchObject({ status: "PENDING", cityPreference: "MARSEILLE" });
    expect(request.round).toMatchObject({ academicYear: thisYear, semester: "S1", releasedAt: null });
    expect(request.round.releaseAt.toISOString()).toBe(new Date(Date.UTC(thisYear, 6, 1, 12)).toISOString());
    await withdrawApplication(student, "r");
    expect((await db.housingRequest.findUniqueOrThrow({ where: { applicationId } })).status).toBe("WITHDRAWN");
  });
});

describe("review decisions", () => {
  it("runs the whole cycle: review, changes, resubmission, acceptance, with notes and history", async () => {
    const { student, applicationId } = await submittedApplication();
    const correspondent = await createViewer("CORRESPONDENT", [component.id]);
    await decideOnApplication(
      correspondent,
      { applicationId, expectedStatus: "SUBMITTED", decision: "startReview" },
      "r",
    );
    await decideOnApplication(
      correspondent,
      {
        applicationId,
        expectedStatus: "UNDER_REVIEW",
        decision: "requestChanges",
        message: "Please add a course in French.",
      },
      "r",
    );
    await addInternalComment(correspondent, { applicationId, body: "Strong candidate; check the transcript." }, "r");

    // The student can edit again, and sees the request but not the internal comment.
    await saveApplicationStep(student, { step: "languages", input: { frenchLevel: "C1", englishLevel: "C1" } }, "r");
    const seen = await getStudentDossier(student);
    expect(seen!.notes.map((note) => note.body)).toEqual(["Please add a course in French."]);
    await submitApplication(student, "r");

    const outcome = await decideOnApplication(
      correspondent,
      { applicationId, expectedStatus: "SUBMITTED", decision: "accept", message: null },
      "r",
    );
    expect(outcome.status).toBe("ACCEPTED");
    const dossier = await getDossierForStaff(correspondent, applicationId);
    expect(dossier!.application.status).toBe("ACCEPTED");
    expect(dossier!.notes.map((note) => note.kind).sort()).toEqual(["CHANGES_REQUESTED", "INTERNAL_COMMENT"]);
    expect(
      dossier!.history.map((event) => event.action).filter((action) => !action.startsWith("application.save")),
    ).toEqual([
      "application.submit",
      "application.startReview",
      "application.requestChanges",
      "application.comment",
      "application.submit",
      "application.accept",
      // The acceptance letter, issued in the same transaction (issue 15).
      "letter.issue",
    ]);
    const timeline = (await getStudentDossier(student))!.timeline.map((event) => event.action);
    expect(timeline).not.toContain("application.comment");
  });

  it("answers 'not found' to a correspondent of another component, and changes nothing", async () => {
    const { applicationId } = await submittedApplication();
    const outsider = await createViewer("CORRESPONDENT", [otherComponent.id]);
    await expect(
      decideOnApplication(
        outsider,
        { applicationId, expectedStatus: "SUBMITTED", decision: "reject", message: "No" },
        "r",
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(addInternalComment(outsider, { applicationId, body: "hi" }, "r")).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await getDossierForStaff(outsider, applicationId)).toBeNull();
    expect((await db.application.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe("SUBMITTED");
    expect(await db.applicationNote.count({ where: { applicationId } })).toBe(0);
  });

  it("a student or a correspondent cannot see a draft through the staff queries", async () => {
    const student = await createViewer("STUDENT");
    const applicationId = await fillApplication(student);
    const correspondent = await createViewer("CORRESPONDENT", [component.id]);
    expect(await getDossierForStaff(correspondent, applicationId)).toBeNull();
    const otherStudent = await createViewer("STUDENT");
    expect(await getDossierForStaff(otherStudent, applicationId)).toBeNull();
  });

  it("two correspondents deciding at once: exactly one wins, the other gets 'this dossier changed'", async () => {
    const { applicationId } = await submittedApplication();
    const first = await createViewer("CORRESPONDENT", [component.id]);
    const second = await createViewer("CORRESPONDENT", [component.id]);
    const outcomes = await Promise.allSettled([
      decideOnApplication(
        first,
        { applicationId, expectedStatus: "SUBMITTED", decision: "accept", message: null },
        "r",
      ),
      decideOnApplication(
        second,
        { applicationId, expectedStatus: "SUBMITTED", decision: "reject", message: "Too late" },
        "r",
      ),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const loser = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(ConflictError);
    const decisions = await db.auditEvent.count({
      where: { entityId: applicationId, action: { in: ["application.accept", "application.reject"] } },
    });
    expect(decisions).toBe(1);
  });

  it("a decision on a dossier the student withdrew meanwhile is refused as changed", async () => {
    const { student, applicationId } = await submittedApplication();
    const correspondent = await createViewer("CORRESPONDENT", [component.id]);
    await withdrawApplication(student, "r");
    await expect(
      decideOnApplication(
        correspondent,
        { applicationId, expectedStatus: "SUBMITTED", decision: "accept", message: null },
        "r",
      ),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("counts the agreement's seats for the partner and year, over the limit shown but not refused (R-ELI-6)", async () => {
    const seatPartner = await createPartner([{ componentIds: [component.id], levels: ["MASTER"], seats: 1 }]);
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const student = await createViewer("STUDENT");
      const applicationId = await fillApplication(student, { partnerId: seatPartner.id });
      await attachDocuments(applicationId, student.id, allRequiredDocuments);
      await submitApplication(student, "r");
      ids.push(applicationId);
    }
    const admin = await createViewer("ADMIN");
    const dossier = await getDossierForStaff(admin, ids[1]!);
    expect(dossier!.seats).toEqual({ used: 2, limit: 1, over: true });
  });
});

describe("the queue", () => {
  it("lists only the viewer's components, filters, counts and pages with a cursor", async () => {
    const queueComponent = await createComponent();
    const queuePartner = await createPartner([{ componentIds: [queueComponent.id], levels: ["MASTER"], seats: 50 }]);
    for (let i = 0; i < 4; i++) {
      const student = await createViewer("STUDENT");
      const applicationId = await fillApplication(student, {
        partnerId: queuePartner.id,
        componentId: queueComponent.id,
        frenchLevel: i % 2 ? "A2" : "C1",
      });
      await attachDocuments(applicationId, student.id, allRequiredDocuments);
      await submitApplication(student, "r");
    }
    const correspondent = await createViewer("CORRESPONDENT", [queueComponent.id]);
    const outsider = await createViewer("CORRESPONDENT", [otherComponent.id]);

    const firstPage = await listQueue(correspondent, {});
    expect(firstPage.rows).toHaveLength(4);
    expect((await listQueue(outsider, { partner: queuePartner.id })).rows).toHaveLength(0);
    expect((await listQueue(correspondent, { french: "below" })).rows).toHaveLength(2);
    expect((await listQueue(correspondent, { housing: "no" })).rows).toHaveLength(0);
    expect(
      (await listQueue(correspondent, { q: firstPage.rows[0]!.lastName!.slice(-6).toLowerCase() })).rows.length,
    ).toBeGreaterThanOrEqual(1);
    expect(await countQueueByStatus(correspondent, {})).toEqual({ SUBMITTED: 4 });

    // Cursor pages (of 1 row here) never repeat nor skip a row, in every sort order.
    for (const sort of ["name", "recent", "oldest"] as const) {
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 6; page++) {
        const { rows, nextCursor } = await listQueue(correspondent, { sort, after }, 1);
        seen.push(...rows.map((row) => row.id));
        if (!nextCursor) break;
        after = nextCursor;
      }
      expect(seen).toHaveLength(4);
      expect(new Set(seen).size).toBe(4);
    }
  });
});

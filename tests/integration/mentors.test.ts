import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { mailMentors } from "@/lib/integration/mentors/mail";
import { getOwnMentor, listStudentsForMentoring } from "@/lib/integration/mentors/queries";
import { addMentorTeacher, assignMentor } from "@/lib/integration/mentors/service";
import { readOutbox } from "@/lib/mail/outbox";
import { createComponent, createViewer, thisYear } from "./fixtures";
import { uniqueEmail } from "./helpers";

// R-INT-2: mentoring teachers, contacts of a component, assigned by its correspondents.

let component: { id: string };
let otherComponent: { id: string };
let correspondent: Viewer;
let otherCorrespondent: Viewer;

beforeAll(async () => {
  component = await createComponent();
  otherComponent = await createComponent();
  correspondent = await createViewer("CORRESPONDENT", [component.id]);
  otherCorrespondent = await createViewer("CORRESPONDENT", [otherComponent.id]);
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "ok",
    (error: unknown) => (error instanceof DomainError ? error.code : `unexpected: ${String(error)}`),
  );
}

async function student(status: ApplicationStatus = "ACCEPTED", componentId = component.id) {
  const viewer = await createViewer("STUDENT");
  const application = await db.application.create({
    data: {
      studentId: viewer.id,
      status,
      componentId,
      academicYear: thisYear,
      period: "S1",
      firstName: "Jonas",
      lastName: "Berg",
      phone: "+49 170 0000000",
      nationality: "DE",
    },
    select: { id: true },
  });
  return { viewer, applicationId: application.id };
}

async function teacher(componentId = component.id, viewer = correspondent) {
  return addMentorTeacher(viewer, {
    componentId,
    name: "Claire Martin",
    email: uniqueEmail("teacher"),
    contactNote: "Office B204, Tuesdays 10–12",
  });
}

describe("R-INT-2: mentoring teachers", () => {
  it("a correspondent adds teachers to their own component only", async () => {
    expect(await codeOf(teacher(otherComponent.id))).toBe("notFound");
    expect(await codeOf(teacher())).toBe("ok");
  });

  it("one teacher for a list of students; the student sees name and contact; the teacher is told the name and dates only", async () => {
    const { id: teacherId } = await teacher();
    const teacherRow = await db.mentorTeacher.findUniqueOrThrow({ where: { id: teacherId } });
    const [a, b] = [await student(), await student()];
    const { assigned, mails } = await assignMentor(correspondent, {
      teacherId,
      applicationIds: [a.applicationId, b.applicationId],
    });
    expect(assigned).toBe(2);
    expect(await getOwnMentor(a.viewer)).toMatchObject({
      name: "Claire Martin",
      email: teacherRow.email,
      contactNote: "Office B204, Tuesdays 10–12",
    });
    await mailMentors(mails, "test");
    const received = (await readOutbox(env().MAIL_SINK_DIR!, 100_000)).filter((m) => m.to.includes(teacherRow.email));
    expect(received).toHaveLength(2);
    expect(received[0]!.text).toContain("Jonas Berg");
    expect(received[0]!.text).toContain("premier semestre");
    for (const secret of ["+49", a.viewer.email, "DE"]) expect(received[0]!.text).not.toContain(secret);
    // Assigning the same teacher again changes nothing and mails nobody.
    expect((await assignMentor(correspondent, { teacherId, applicationIds: [a.applicationId] })).assigned).toBe(0);
  });

  it("a list with one student out of reach is refused whole", async () => {
    const { id: teacherId } = await teacher();
    const mine = await student();
    const notAccepted = await student("SUBMITTED");
    const elsewhere = await student("ACCEPTED", otherComponent.id);
    for (const outsider of [notAccepted, elsewhere]) {
      expect(
        await codeOf(
          assignMentor(correspondent, { teacherId, applicationIds: [mine.applicationId, outsider.applicationId] }),
        ),
      ).toBe("notFound");
    }
    expect(
      await codeOf(assignMentor(otherCorrespondent, { teacherId, applicationIds: [elsewhere.applicationId] })),
    ).toBe("notFound");
    expect(await db.mentorAssignment.count({ where: { teacherId } })).toBe(0);
  });

  it("the correspondent's list holds their accepted students only", async () => {
    const mine = await student();
    const elsewhere = await student("ACCEPTED", otherComponent.id);
    const ids = (await listStudentsForMentoring(correspondent, 100_000)).map((s) => s.id);
    expect(ids).toContain(mine.applicationId);
    expect(ids).not.toContain(elsewhere.applicationId);
  });
});

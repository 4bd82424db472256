/**
 * R-ELI-8: calls for applications against a real database: the deadline enforced at submission,
 * an administrator's extension and a student's exception (both audited), the study step placed
 * in an open call only, and the counts per call staff see.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ZStudyStep } from "@/lib/applications/schemas";
import { saveApplicationStep, submitApplication } from "@/lib/applications/service";
import type { Viewer } from "@/lib/auth/viewer";
import { listCallsForAdmin, listOpenAndUpcomingCalls } from "@/lib/calls/queries";
import { ZUpdateCall } from "@/lib/calls/schemas";
import { grantLateSubmission, updateCall } from "@/lib/calls/service";
import { db } from "@/lib/db";
import { parisWallClockInput } from "@/lib/paris-time";
import { createCall, createCompleteDraft, createComponent, createPartner, createViewer, thisYear } from "./fixtures";

let component: { id: string };
let partner: { id: string };
let admin: Viewer;

beforeAll(async () => {
  component = await createComponent();
  partner = await createPartner([{ componentIds: [component.id], levels: ["MASTER"] }]);
  admin = await createViewer("ADMIN");
});

async function draftInClosedCall() {
  const call = await createCall(thisYear + 1, "FULL_YEAR", -1);
  const student = await createViewer("STUDENT");
  const application = await createCompleteDraft(student, { partnerId: partner.id, componentId: component.id, call });
  return { call, student, application };
}

const auditOf = (entityId: string, action: string) => db.auditEvent.findMany({ where: { entityId, action } });

describe("R-ELI-8: the deadline is enforced on the server", () => {
  it("refuses a first submission after the deadline, with the date in Paris time, and writes nothing", async () => {
    const { call, student, application } = await draftInClosedCall();
    const deadline = parisWallClockInput(call.applicationDeadline).replace("T", " ");
    await expect(submitApplication(student, "late")).rejects.toMatchObject({
      code: "callClosed",
      params: { deadline, year: `${thisYear + 1}-${thisYear + 2}` },
    });
    const after = await db.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(after).toMatchObject({ status: "DRAFT", submittedAt: null });
    expect(await auditOf(application.id, "application.submit")).toHaveLength(0);
  });

  it("refuses a submission before the call opens", async () => {
    const call = await createCall(thisYear + 1, "S2");
    await db.applicationCall.update({ where: { id: call.id }, data: { opensAt: new Date(Date.now() + 86_400_000) } });
    const student = await createViewer("STUDENT");
    await createCompleteDraft(student, { partnerId: partner.id, componentId: component.id, call });
    await expect(submitApplication(student, "early")).rejects.toMatchObject({ code: "callNotOpenYet" });
  });

  it("an administrator's extension reopens the call, audited as an extension", async () => {
    const { call, student, application } = await draftInClosedCall();
    const later = new Date(Date.now() + 7 * 86_400_000);
    await updateCall(
      ZUpdateCall.parse({
        id: call.id,
        opensAt: parisWallClockInput(call.opensAt),
        nominationDeadline: parisWallClockInput(call.nominationDeadline),
        applicationDeadline: parisWallClockInput(later),
      }),
      { id: admin.id, requestId: "extend" },
    );
    const [event] = await auditOf(call.id, "call.extend");
    expect(event).toMatchObject({ actorId: admin.id, requestId: "extend" });
    await submitApplication(student, "in-time");
    expect(await db.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
      status: "SUBMITTED",
    });
  });

  it("one student's exception, with its reason, lets that student alone submit", async () => {
    const { call, student, application } = await draftInClosedCall();
    const other = await createViewer("STUDENT");
    await createCompleteDraft(other, { partnerId: partner.id, componentId: component.id, call });

    await grantLateSubmission(
      { callId: call.id, email: student.email, reason: "Nomination delayed by a strike" },
      { id: admin.id, requestId: "exception" },
    );
    const [event] = await auditOf(application.id, "application.lateSubmission");
    expect(event).toMatchObject({
      actorId: admin.id,
      after: { lateSubmissionReason: "Nomination delayed by a strike" },
    });

    await submitApplication(student, "late-ok");
    await expect(submitApplication(other, "late-refused")).rejects.toMatchObject({ code: "callClosed" });
  });

  it("an exception needs a draft of that student in that call", async () => {
    const { call } = await draftInClosedCall();
    const stranger = await createViewer("STUDENT");
    await expect(
      grantLateSubmission({ callId: call.id, email: stranger.email, reason: "No draft" }, { id: admin.id }),
    ).rejects.toMatchObject({ code: "lateSubmissionNoDraft", field: "email" });
  });
});

describe("R-ELI-8: the study step places the draft in an open call", () => {
  const study = (academicYear: number, period: string) =>
    ZStudyStep.parse({
      componentId: component.id,
      programmeId: "",
      studyLevel: "MASTER",
      period,
      academicYear: String(academicYear),
      courseTitle: "Optics",
      courseEcts: "30",
      courseSemester: "S1",
    });

  it("refuses a year and period without an open call, on the period field, and creates nothing", async () => {
    const student = await createViewer("STUDENT");
    // This year's full year has only a closed call in the whole run (no other test opens one).
    await createCall(thisYear, "FULL_YEAR", -3);
    const listed = (await listOpenAndUpcomingCalls()).filter((c) => c.academicYear === thisYear);
    expect(listed.filter((c) => c.period === "FULL_YEAR")).toEqual([]);
    await expect(
      saveApplicationStep(student, { step: "study", input: study(thisYear, "FULL_YEAR") }, "no-call"),
    ).rejects.toMatchObject({ code: "callNotOpen", field: "period" });
    expect(await db.application.count({ where: { studentId: student.id } })).toBe(0);
  });

  it("links the draft to the open call and keeps it there once the call closes", async () => {
    await createCall(thisYear + 1, "S1");
    const student = await createViewer("STUDENT");
    await saveApplicationStep(student, { step: "study", input: study(thisYear + 1, "S1") }, "in-call");
    const draft = await db.application.findFirstOrThrow({ where: { studentId: student.id } });
    const openCalls = await db.applicationCall.findMany({
      where: { academicYear: thisYear + 1, period: "S1", applicationDeadline: { gt: new Date() } },
      select: { id: true },
    });
    expect(openCalls.map((c) => c.id)).toContain(draft.callId);

    // Closed since: saving the same year and period again keeps the draft in its call.
    await db.applicationCall.update({
      where: { id: draft.callId! },
      data: { applicationDeadline: new Date(Date.now() - 1000), nominationDeadline: new Date(Date.now() - 2000) },
    });
    await saveApplicationStep(student, { step: "study", input: study(thisYear + 1, "S1") }, "again");
    expect((await db.application.findFirstOrThrow({ where: { studentId: student.id } })).callId).toBe(draft.callId);
  });
});

describe("R-ELI-8: staff see counts per call", () => {
  it("counts drafts and submitted applications of each call, and its state", async () => {
    const call = await createCall(thisYear + 1, "S2");
    for (const _ of [1, 2]) {
      await createCompleteDraft(await createViewer("STUDENT"), {
        partnerId: partner.id,
        componentId: component.id,
        call,
      });
    }
    const submitter = await createViewer("STUDENT");
    await createCompleteDraft(submitter, { partnerId: partner.id, componentId: component.id, call });
    await submitApplication(submitter, "count");
    const row = (await listCallsForAdmin(admin)).find((c) => c.id === call.id);
    expect(row).toMatchObject({ state: "open", drafts: 2, submitted: 1, total: 3 });
  });

  it("is an admin's read only", async () => {
    const student = await createViewer("STUDENT");
    await expect(listCallsForAdmin(student)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("R-ELI-8: a call limited to some faculties", () => {
  // This year's full year has no open call but this one (see above), which closes at the end.
  const year = thisYear;
  const study = (componentId: string) =>
    ZStudyStep.parse({
      componentId,
      programmeId: "",
      studyLevel: "MASTER",
      period: "FULL_YEAR",
      academicYear: String(year),
      courseTitle: "Optics",
      courseEcts: "30",
      courseSemester: "S1",
    });

  it("takes the students of its faculties only; the others are told no call is open, nothing created", async () => {
    const [listed, other] = [component, await createComponent()];
    const call = await createCall(year, "FULL_YEAR");
    await updateCall(
      ZUpdateCall.parse({
        id: call.id,
        opensAt: parisWallClockInput(call.opensAt),
        nominationDeadline: parisWallClockInput(call.nominationDeadline),
        applicationDeadline: parisWallClockInput(call.applicationDeadline),
        componentIds: [listed.id],
      }),
      { id: admin.id },
    );
    const [update] = await auditOf(call.id, "call.update");
    expect(update?.after).toMatchObject({ components: [expect.any(String)] });

    const outsider = await createViewer("STUDENT");
    await expect(
      saveApplicationStep(outsider, { step: "study", input: study(other.id) }, "limited"),
    ).rejects.toMatchObject({ code: "callNotOpen", field: "period" });
    expect(await db.application.count({ where: { studentId: outsider.id } })).toBe(0);

    const insider = await createViewer("STUDENT");
    await saveApplicationStep(insider, { step: "study", input: study(listed.id) }, "limited");
    expect((await db.application.findFirstOrThrow({ where: { studentId: insider.id } })).callId).toBe(call.id);
    // Closed again, so that a later run of this file finds this year's full year without an open call.
    await db.applicationCall.update({
      where: { id: call.id },
      data: { applicationDeadline: new Date(Date.now() - 1000), nominationDeadline: new Date(Date.now() - 2000) },
    });
  });

  it("a faculty that no longer exists is refused on the boxes, and the call keeps its faculties", async () => {
    const call = await createCall(year, "FULL_YEAR", -5);
    const parsed = ZUpdateCall.parse({
      id: call.id,
      opensAt: parisWallClockInput(call.opensAt),
      nominationDeadline: parisWallClockInput(call.nominationDeadline),
      applicationDeadline: parisWallClockInput(call.applicationDeadline),
      componentIds: ["00000000-0000-4000-8000-000000000000"],
    });
    await expect(updateCall(parsed, { id: admin.id })).rejects.toMatchObject({
      code: "choiceGone",
      field: "componentIds",
    });
    expect(
      await db.applicationCall.findUniqueOrThrow({ where: { id: call.id }, select: { components: true } }),
    ).toEqual({
      components: [],
    });
  });
});

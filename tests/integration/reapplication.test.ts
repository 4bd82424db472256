/**
 * R-ELI-9: more than one application per student over time, against a real database: a new
 * application after a refusal copies the previous one's data, an accepted semester 1 extends into
 * semester 2 in its open call, never two in progress at once (two tabs included), and the
 * features that need one application (documents, arrival, export, erasure) keep working.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getOwnApplication, listOwnApplications } from "@/lib/applications/queries";
import { ZDecision } from "@/lib/applications/schemas";
import { decideOnApplication, startNewApplication, submitApplication } from "@/lib/applications/service";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { exportPersonalData } from "@/lib/privacy/export";
import { createCall, createCompleteDraft, createComponent, createPartner, createViewer, thisYear } from "./fixtures";

let component: { id: string };
let partner: { id: string };
let correspondent: Viewer;
let s1Call: { id: string; academicYear: number; period: "S1" | "S2" | "FULL_YEAR" };

beforeAll(async () => {
  component = await createComponent();
  partner = await createPartner([{ componentIds: [component.id], levels: ["MASTER"] }]);
  correspondent = await createViewer("CORRESPONDENT", [component.id]);
  s1Call = await createCall(thisYear + 1, "S1");
  await createCall(thisYear + 1, "S2");
});

async function decided(decision: "accept" | "reject") {
  const student = await createViewer("STUDENT");
  const { id } = await createCompleteDraft(student, { partnerId: partner.id, componentId: component.id, call: s1Call });
  await submitApplication(student, "submit");
  await decideOnApplication(
    correspondent,
    ZDecision.parse({
      applicationId: id,
      expectedStatus: "SUBMITTED",
      decision,
      message: decision === "reject" ? "No place left" : "",
    }),
    "decide",
  );
  return { student, previousId: id };
}

describe("R-ELI-9: a new application after a refusal", () => {
  it("copies the previous one's data, leaves the call to choose, and the dossier lists both", async () => {
    const { student, previousId } = await decided("reject");
    const { applicationId, reason } = await startNewApplication(student, "again");
    expect(reason).toBe("reapply");
    const [previous, next] = await Promise.all([
      db.application.findUniqueOrThrow({ where: { id: previousId } }),
      db.application.findUniqueOrThrow({ where: { id: applicationId } }),
    ]);
    expect(next).toMatchObject({
      status: "DRAFT",
      firstName: previous.firstName,
      lastName: previous.lastName,
      partnerId: previous.partnerId,
      componentId: previous.componentId,
      studyLevel: previous.studyLevel,
      plannedCourses: previous.plannedCourses,
      frenchLevel: previous.frenchLevel,
      academicYear: null,
      period: null,
      callId: null,
      submittedAt: null,
    });
    expect((await getOwnApplication(student))?.id).toBe(applicationId);
    const { applications, canStartNew } = await listOwnApplications(student);
    expect(applications.map((a) => [a.id, a.status])).toEqual([
      [applicationId, "DRAFT"],
      [previousId, "REJECTED"],
    ]);
    expect(canStartNew).toBeNull();
    const [event] = await db.auditEvent.findMany({
      where: { entityId: applicationId, action: "application.startNew" },
    });
    expect(event?.after).toMatchObject({ copiedFrom: previousId, reason: "reapply" });
  });

  it("refuses a second new application while one is in progress, and two tabs make one", async () => {
    const { student } = await decided("reject");
    const results = await Promise.allSettled([startNewApplication(student, "a"), startNewApplication(student, "b")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "notFound" } });
    expect(await db.application.count({ where: { studentId: student.id, status: "DRAFT" } })).toBe(1);
  });

  it("refuses while the only application is in progress, and for staff", async () => {
    const student = await createViewer("STUDENT");
    await createCompleteDraft(student, { partnerId: partner.id, componentId: component.id, call: s1Call });
    await expect(startNewApplication(student, "x")).rejects.toMatchObject({ code: "notFound" });
    await expect(startNewApplication(correspondent, "x")).rejects.toMatchObject({ code: "notFound" });
  });
});

describe("R-ELI-9: an accepted semester 1 extended into semester 2", () => {
  it("starts a semester 2 draft of the same year in its open call; arrival stays on the accepted one", async () => {
    const { student, previousId } = await decided("accept");
    const { applicationId, reason } = await startNewApplication(student, "extend");
    expect(reason).toBe("extension");
    const next = await db.application.findUniqueOrThrow({ where: { id: applicationId }, include: { call: true } });
    expect(next).toMatchObject({ status: "DRAFT", period: "S2", academicYear: thisYear + 1 });
    expect(next.call).toMatchObject({ period: "S2", academicYear: thisYear + 1 });

    // Certificates, arrival and the welcome desk are about the accepted stay, not the new draft.
    const { lockOwnAcceptedApplicationOrThrow } = await import("@/lib/applications/own-application");
    const locked = await db.$transaction((tx) => lockOwnAcceptedApplicationOrThrow(tx, student, "arrivalNotAccepted"));
    expect(locked.id).toBe(previousId);
  });
});

describe("R-ELI-9: the student's data, all applications included", () => {
  it("the export lists every application, newest first", async () => {
    const { student, previousId } = await decided("reject");
    const { applicationId } = await startNewApplication(student, "again");
    const exported = await exportPersonalData(student);
    expect(exported.applications.map((a) => a.id)).toEqual([applicationId, previousId]);
  });
});

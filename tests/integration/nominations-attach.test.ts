/**
 * R-ELI-2: a dossier submitted without a nomination (the partner nominated late) gets the
 * student's own nomination attached by a reviewer of its faculty: audited, once, and never a
 * nomination of another student or one already attached. Real PostgreSQL.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { academicYearOf } from "@/lib/academic-year";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { listAttachableNominations } from "@/lib/nominations/queries";
import { attachNomination } from "@/lib/nominations/service";
import { createCall, createCompleteDraft, createComponent, createPartner, createViewer } from "./fixtures";

let component: { id: string };
let partner: { id: string };
let call: { id: string; academicYear: number; period: "S1" | "S2" | "FULL_YEAR" };
let reviewer: Viewer;
let admin: Viewer;

beforeAll(async () => {
  component = await createComponent();
  partner = await createPartner([{ componentIds: [component.id] }]);
  call = await createCall(academicYearOf(new Date()) + 30, "S1");
  reviewer = await createViewer("CORRESPONDENT", [component.id]);
  admin = await createViewer("ADMIN");
});

/** A submitted dossier without a nomination, and a nomination of its student imported later. */
async function lateNomination() {
  const student = await createViewer("STUDENT");
  const { id } = await createCompleteDraft(student, { partnerId: partner.id, componentId: component.id, call });
  await db.application.update({ where: { id }, data: { status: "SUBMITTED", submittedAt: new Date() } });
  const nomination = await db.nomination.create({
    data: {
      source: "CSV",
      partnerId: partner.id,
      studentName: student.name,
      email: student.email.toLowerCase(),
      componentId: component.id,
      studyLevel: "MASTER",
      period: "S1",
      academicYear: call.academicYear,
      homeCoordinatorName: "Dr Home",
      studentId: student.id,
      createdById: admin.id,
    },
    select: { id: true },
  });
  return { student, applicationId: id, nominationId: nomination.id };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return { code: (error as DomainError).code, field: (error as DomainError).field };
}

describe("attaching a late nomination (R-ELI-2)", () => {
  it("offers the student's own free nomination, attaches it with an audit event, then offers none", async () => {
    const { student, applicationId, nominationId } = await lateNomination();
    expect((await listAttachableNominations(student)).map((row) => row.id)).toEqual([nominationId]);
    await attachNomination(reviewer, { applicationId, nominationId }, "attach-test");
    expect(await db.application.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({ nominationId });
    const events = await db.auditEvent.findMany({ where: { entityId: applicationId, action: "nomination.attach" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: reviewer.id, requestId: "attach-test" });
    expect(await listAttachableNominations(student)).toEqual([]);
    expect(await refusal(attachNomination(reviewer, { applicationId, nominationId }))).toEqual({
      code: "nominationAlreadyAttached",
      field: undefined,
    });
  });

  it("refuses another student's nomination on its field, and changes nothing", async () => {
    const first = await lateNomination();
    const second = await lateNomination();
    expect(
      await refusal(
        attachNomination(reviewer, { applicationId: first.applicationId, nominationId: second.nominationId }),
      ),
    ).toEqual({ code: "choiceGone", field: "nominationId" });
    expect(await db.application.findUniqueOrThrow({ where: { id: first.applicationId } })).toMatchObject({
      nominationId: null,
    });
  });

  it("a correspondent of another faculty finds no such dossier", async () => {
    const { applicationId, nominationId } = await lateNomination();
    const other = await createViewer("CORRESPONDENT", [(await createComponent()).id]);
    await expect(attachNomination(other, { applicationId, nominationId })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.auditEvent.count({ where: { entityId: applicationId, action: "nomination.attach" } })).toBe(0);
  });

  it("two reviewers attaching at once: one succeeds, the other is told", async () => {
    const { applicationId, nominationId } = await lateNomination();
    const results = await Promise.allSettled([
      attachNomination(reviewer, { applicationId, nominationId }),
      attachNomination(admin, { applicationId, nominationId }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(["nominationAlreadyAttached", "nominationTaken"]).toContain((rejected.reason as DomainError).code);
    expect(await db.auditEvent.count({ where: { entityId: applicationId, action: "nomination.attach" } })).toBe(1);
  });
});

/**
 * R-MSG-9: one message sent from the queue to several dossiers (issue 14), against the real
 * PostgreSQL and SMTP sink: each student reads it in their own thread only and is mailed; a
 * dossier outside the sender's scope (a forged id) refuses the whole chunk; bad text is a field
 * error; nothing is posted on any refusal.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { sendStaffMessageToManyAction } from "@/lib/conversation/actions";
import { getThread } from "@/lib/conversation/queries";
import { sendStaffMessageToMany } from "@/lib/conversation/service";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { readOutbox } from "@/lib/mail/outbox";
import { errorMessages } from "../support/next-stand-ins";
import { createComponent, createViewer, thisYear } from "./fixtures";

const principal = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => principal.viewer }));
vi.mock("next-intl/server", async () => (await import("../support/next-stand-ins")).nextIntlServer());
vi.mock("next/cache", async () => (await import("../support/next-stand-ins")).nextCache);

let componentId: string;
let otherComponentId: string;
let correspondent: Viewer;
let admin: Viewer;

beforeAll(async () => {
  componentId = (await createComponent()).id;
  otherComponentId = (await createComponent()).id;
  correspondent = await createViewer("CORRESPONDENT", [componentId]);
  admin = await createViewer("ADMIN");
});

async function studentWithDossier(component = componentId, status: "SUBMITTED" | "DRAFT" = "SUBMITTED") {
  const student = await createViewer("STUDENT");
  const application = await db.application.create({
    data: {
      studentId: student.id,
      status,
      componentId: component,
      firstName: "Łucja",
      lastName: `Nowak ${student.id.slice(0, 6)}`,
      academicYear: thisYear,
      submittedAt: status === "DRAFT" ? null : new Date(),
      lastSubmittedAt: status === "DRAFT" ? null : new Date(),
    },
    select: { id: true },
  });
  return { student, applicationId: application.id };
}

const messagesIn = (applicationIds: string[]) =>
  db.dossierMessage.count({ where: { applicationId: { in: applicationIds } } });
const mailsTo = async (email: string) =>
  (await readOutbox(env().MAIL_SINK_DIR!, 100_000)).filter((mail) => mail.to.includes(email));

describe("R-MSG-9: one message to the selected dossiers", () => {
  it("posts it in each student's own thread, as the correspondent, audited and mailed one by one", async () => {
    const [a, b] = [await studentWithDossier(), await studentWithDossier()];
    principal.viewer = correspondent;
    const body = `Integration week: bring your passport.\nRoom B204 ${a.applicationId.slice(0, 6)}`;
    const result = await sendStaffMessageToManyAction({ applicationIds: [a.applicationId, b.applicationId], body });
    expect(result).toEqual({ ok: true, data: { sent: 2 } });

    for (const { student, applicationId } of [a, b]) {
      const thread = await getThread(student, applicationId);
      expect(thread?.messages.map((message) => [message.side, message.body, message.author?.name])).toEqual([
        ["STAFF", body, correspondent.name],
      ]);
      // Written by the correspondent: read for them, unread for the student.
      expect((await getThread(correspondent, applicationId))?.unread).toBe(0);
      expect(thread?.unread).toBe(1);
      const [mail] = await mailsTo(student.email);
      expect(mail?.text).toContain(body.split("\n")[0]);
    }
    // Each student sees their own copy only: the other's dossier is not theirs to see.
    expect(await getThread(a.student, b.applicationId)).toBeNull();
    expect(
      await db.auditEvent.count({
        where: { action: "dossier.message", entityId: { in: [a.applicationId, b.applicationId] } },
      }),
    ).toBe(2);
  });

  it("an administrator may write to dossiers of several faculties", async () => {
    const [a, b] = [await studentWithDossier(), await studentWithDossier(otherComponentId)];
    const sent = await sendStaffMessageToMany(
      admin,
      { applicationIds: [a.applicationId, b.applicationId], body: "Hello" },
      "r",
    );
    expect(sent.map((row) => row.applicationId).sort()).toEqual([a.applicationId, b.applicationId].sort());
    expect(await messagesIn([a.applicationId, b.applicationId])).toBe(2);
  });

  it("refuses the whole chunk when one id is another faculty's (forged): none posted, none mailed", async () => {
    const [mine, theirs] = [await studentWithDossier(), await studentWithDossier(otherComponentId)];
    await expect(
      sendStaffMessageToMany(
        correspondent,
        { applicationIds: [mine.applicationId, theirs.applicationId], body: "Hello" },
        "r",
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    principal.viewer = correspondent;
    const result = await sendStaffMessageToManyAction({
      applicationIds: [mine.applicationId, theirs.applicationId],
      body: "Hello",
    });
    expect(result).toMatchObject({ ok: false, message: errorMessages.notFound });
    expect(await messagesIn([mine.applicationId, theirs.applicationId])).toBe(0);
    expect(await mailsTo(mine.student.email)).toEqual([]);
  });

  it("refuses a draft (staff see none) and an id that does not exist, like another faculty's", async () => {
    const [mine, draft] = [await studentWithDossier(), await studentWithDossier(componentId, "DRAFT")];
    for (const other of [draft.applicationId, crypto.randomUUID()]) {
      await expect(
        sendStaffMessageToMany(correspondent, { applicationIds: [mine.applicationId, other], body: "Hello" }, "r"),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await messagesIn([mine.applicationId, draft.applicationId])).toBe(0);
  });

  it.each([
    ["empty", "   ", "This field is required."],
    ["over 4,000 characters", "x".repeat(4001), "A message may have at most 4,000 characters"],
    ["with a control character", "Hello\u0007", "control characters"],
  ])("a text %s is a field error on the text; nothing is posted", async (_case, body, expected) => {
    const mine = await studentWithDossier();
    principal.viewer = correspondent;
    const result = await sendStaffMessageToManyAction({ applicationIds: [mine.applicationId], body });
    if (result.ok) throw new Error("accepted");
    expect(result.fieldErrors.body).toContain(expected);
    expect(await messagesIn([mine.applicationId])).toBe(0);
  });

  it("refuses more dossiers than one chunk and an unknown key", async () => {
    const mine = await studentWithDossier();
    principal.viewer = correspondent;
    const tooMany = Array.from({ length: 51 }, () => mine.applicationId);
    expect((await sendStaffMessageToManyAction({ applicationIds: tooMany, body: "Hi" })).ok).toBe(false);
    const forged = { applicationIds: [mine.applicationId], body: "Hi", authorId: admin.id };
    expect((await sendStaffMessageToManyAction(forged)).ok).toBe(false);
    expect(await messagesIn([mine.applicationId])).toBe(0);
  });
});

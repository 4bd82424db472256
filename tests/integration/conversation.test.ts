/**
 * The dossier's conversation (issue 14, R-MSG), against the real PostgreSQL and the real SMTP
 * sink: who sees a thread, who may write in it, unread counts per reader, mails to the other
 * side in their language (with or without the text), bad input, export and erasure.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { addInternalComment } from "@/lib/applications/service";
import type { Viewer } from "@/lib/auth/viewer";
import { sendStaffMessageAction, sendStudentMessageAction } from "@/lib/conversation/actions";
import { countUnreadForStaff, getFacultyContacts, getThread } from "@/lib/conversation/queries";
import { markThreadRead, sendStaffMessage, sendStudentMessage } from "@/lib/conversation/service";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError, NotFoundError } from "@/lib/errors";
import { readOutbox } from "@/lib/mail/outbox";
import { anonymisePerson } from "@/lib/privacy/erasure";
import { exportPersonalData } from "@/lib/privacy/export";
import { settingKeys } from "@/lib/settings/schemas";
import { errorMessages, isRedirect } from "../support/next-stand-ins";
import { createComponent, createViewer, thisYear } from "./fixtures";

const principal = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => principal.viewer }));
vi.mock("next-intl/server", async () => (await import("../support/next-stand-ins")).nextIntlServer());
vi.mock("next/cache", async () => (await import("../support/next-stand-ins")).nextCache);
vi.mock("@/lib/auth/config", async () => (await import("../support/next-stand-ins")).authConfig);
vi.mock("@/lib/i18n/navigation", async () => (await import("../support/next-stand-ins")).navigation);

let componentX: { id: string };
let correspondentX: Viewer;
let correspondentY: Viewer;
let admin: Viewer;

beforeAll(async () => {
  componentX = await createComponent();
  const componentY = await createComponent();
  await db.component.update({
    where: { id: componentX.id },
    data: { officeHoursEn: "Mon–Thu 9:00–12:00, room B204", officeHoursFr: "Lun.–jeu. 9 h–12 h, salle B204" },
  });
  correspondentX = await createViewer("CORRESPONDENT", [componentX.id]);
  await db.user.update({ where: { id: correspondentX.id }, data: { locale: "fr" } });
  correspondentY = await createViewer("CORRESPONDENT", [componentY.id]);
  admin = await createViewer("ADMIN");
});

beforeEach(async () => {
  await db.portalSetting.deleteMany({ where: { key: settingKeys.messageMailText } });
});

/** A student with an application of component X in the given status. */
async function studentWithDossier(status: "DRAFT" | "SUBMITTED" | "CHANGES_REQUESTED" = "SUBMITTED") {
  const student = await createViewer("STUDENT");
  const application = await db.application.create({
    data: {
      studentId: student.id,
      status,
      componentId: componentX.id,
      firstName: "Zoé",
      lastName: `Martin ${student.id.slice(0, 6)}`,
      academicYear: thisYear,
      submittedAt: status === "DRAFT" ? null : new Date(),
      lastSubmittedAt: status === "DRAFT" ? null : new Date(),
    },
  });
  return { student, applicationId: application.id };
}

async function call(viewer: Viewer, action: (input: unknown) => Promise<unknown>, input: unknown) {
  principal.viewer = viewer;
  return action(input).catch((error: unknown) => {
    if (isRedirect(error)) return { ok: true as const, data: null };
    throw error;
  }) as Promise<{ ok: boolean; fieldErrors?: Record<string, string>; message?: string }>;
}

const mailsTo = async (email: string) =>
  (await readOutbox(env().MAIL_SINK_DIR!, 100_000)).filter((mail) => mail.to.includes(email));

describe("R-MSG-1: the student's named contacts", () => {
  it("names the faculty's correspondents and its office hours in the reader's language", async () => {
    const contacts = await getFacultyContacts(componentX.id, "fr");
    expect(contacts?.correspondents.map((person) => person.email)).toEqual([correspondentX.email]);
    expect(contacts?.officeHours).toBe("Lun.–jeu. 9 h–12 h, salle B204");
    expect((await getFacultyContacts(componentX.id, "en"))?.officeHours).toBe("Mon–Thu 9:00–12:00, room B204");
    expect(await getFacultyContacts(null, "en")).toBeNull();
  });
});

describe("R-MSG-2: who sees and writes in a thread", () => {
  it("the student answers a request for changes; the faculty's correspondent and an admin see it, another faculty's does not", async () => {
    const { student, applicationId } = await studentWithDossier("CHANGES_REQUESTED");
    const sent = await sendStudentMessage(student, { body: "I added the French course." }, "req-msg-1");
    expect(sent.recipients.map((recipient) => recipient.email)).toEqual([correspondentX.email]);
    expect((await getThread(correspondentX, applicationId))?.messages.map((message) => message.body)).toEqual([
      "I added the French course.",
    ]);
    expect((await getThread(admin, applicationId))?.messages).toHaveLength(1);
    expect(await getThread(correspondentY, applicationId)).toBeNull();
    const otherStudent = await createViewer("STUDENT");
    expect(await getThread(otherStudent, applicationId)).toBeNull();
    const audit = await db.auditEvent.findFirst({ where: { entityId: applicationId, action: "dossier.message" } });
    expect(audit).toMatchObject({ actorId: student.id, requestId: "req-msg-1" });
    // The text is not copied into the trail (erasure empties it in one place).
    expect(JSON.stringify(audit?.after)).not.toContain("French course");
  });

  it("another faculty's correspondent cannot write on the dossier (not found), and nothing is stored", async () => {
    const { applicationId } = await studentWithDossier();
    await expect(sendStaffMessage(correspondentY, { applicationId, body: "Hello" }, "r")).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await db.dossierMessage.count({ where: { applicationId } })).toBe(0);
  });

  it("a draft has no thread yet: the student is told so", async () => {
    const { student, applicationId } = await studentWithDossier("DRAFT");
    await expect(sendStudentMessage(student, { body: "Hello?" }, "r")).rejects.toMatchObject({ code: "threadNotOpen" });
    expect(await db.dossierMessage.count({ where: { applicationId } })).toBe(0);
  });

  it("internal comments never appear in the thread", async () => {
    const { student, applicationId } = await studentWithDossier();
    await addInternalComment(correspondentX, { applicationId, body: "Internal: strong transcript." }, "r");
    await sendStaffMessage(correspondentX, { applicationId, body: "Could you send your transcript again?" }, "r");
    const bodies = (await getThread(student, applicationId))?.messages.map((message) => message.body);
    expect(bodies).toEqual(["Could you send your transcript again?"]);
  });
});

describe("R-MSG-5: unread counts per reader", () => {
  it("counts the student's messages a reviewer has not read, each reviewer for themselves", async () => {
    const { student, applicationId } = await studentWithDossier();
    await sendStudentMessage(student, { body: "First question" }, "r");
    await sendStudentMessage(student, { body: "Second question" }, "r");
    expect((await countUnreadForStaff(correspondentX, [applicationId])).get(applicationId)).toBe(2);
    const thread = await getThread(correspondentX, applicationId);
    expect(thread?.unread).toBe(2);
    await markThreadRead(correspondentX, { applicationId, upTo: thread!.newest! });
    expect((await countUnreadForStaff(correspondentX, [applicationId])).get(applicationId)).toBeUndefined();
    // The admin has their own reading state.
    expect((await countUnreadForStaff(admin, [applicationId])).get(applicationId)).toBe(2);
    // Another faculty's reviewer gets no count for a dossier they may not see.
    expect((await countUnreadForStaff(correspondentY, [applicationId])).size).toBe(0);
    await sendStudentMessage(student, { body: "Third question" }, "r");
    expect((await countUnreadForStaff(correspondentX, [applicationId])).get(applicationId)).toBe(1);
  });

  it("counts the staff's answers for the student; their own messages are never unread; a future date reads nothing ahead", async () => {
    const { student, applicationId } = await studentWithDossier();
    await sendStudentMessage(student, { body: "Question" }, "r");
    expect((await getThread(student, applicationId))?.unread).toBe(0);
    await markThreadRead(student, { applicationId, upTo: new Date(Date.now() + 86_400_000) });
    await sendStaffMessage(correspondentX, { applicationId, body: "Answer" }, "r");
    const thread = await getThread(student, applicationId);
    expect(thread?.unread).toBe(1);
    expect(thread?.messages.find((message) => message.body === "Answer")?.unread).toBe(true);
    // Writing an answer reads what it answers.
    expect((await getThread(correspondentX, applicationId))?.unread).toBe(0);
  });

  it("marking read is refused on a dossier the viewer may not see", async () => {
    const { applicationId } = await studentWithDossier();
    await expect(markThreadRead(correspondentY, { applicationId, upTo: new Date() })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("R-MSG-3: bad input is a field error and stores nothing", () => {
  it.each([
    ["empty", "   ", "This field is required."],
    ["over 4,000 characters", "a".repeat(4001), "A message may have at most 4,000 characters"],
    ["a control character", "Hello\u0007 there", "control characters"],
    ["an escape sequence", "\u001b[31mred", "control characters"],
  ])("%s", async (_case, body, expected) => {
    const { student, applicationId } = await studentWithDossier();
    const result = await call(student, sendStudentMessageAction as never, { body });
    expect(result.ok).toBe(false);
    expect(result.fieldErrors?.body).toContain(expected);
    expect(await db.dossierMessage.count({ where: { applicationId } })).toBe(0);
  });

  it("keeps line breaks and tabs, and accepts exactly 4,000 characters", async () => {
    const { student, applicationId } = await studentWithDossier();
    expect((await call(student, sendStudentMessageAction as never, { body: "Line 1\n\tLine 2" })).ok).toBe(true);
    expect((await call(student, sendStudentMessageAction as never, { body: "é".repeat(4000) })).ok).toBe(true);
    expect(await db.dossierMessage.count({ where: { applicationId } })).toBe(2);
  });

  it("refuses an unknown key (a forged application id from a student)", async () => {
    const { student } = await studentWithDossier();
    const other = await studentWithDossier();
    const result = await call(student, sendStudentMessageAction as never, {
      body: "Hi",
      applicationId: other.applicationId,
    });
    expect(result.ok).toBe(false);
    expect(await db.dossierMessage.count({ where: { applicationId: other.applicationId } })).toBe(0);
  });
});

describe("R-MSG-4: the other side is told by e-mail, in their language", () => {
  it("mails the correspondent in French with the text and the link, and the student in English", async () => {
    const { student, applicationId } = await studentWithDossier();
    const marker = `Question ${applicationId.slice(0, 8)}`;
    await call(student, sendStudentMessageAction as never, { body: marker });
    const toStaff = (await mailsTo(correspondentX.email)).find((mail) => mail.text.includes(applicationId));
    expect(toStaff?.subject).toMatch(/^Nouveau message de Zoé Martin/);
    expect(toStaff?.text).toContain(marker);
    expect(toStaff?.text).toContain(`/fr/review/${applicationId}`);

    await call(correspondentX, sendStaffMessageAction as never, { applicationId, body: "Answer with details" });
    const [toStudent] = await mailsTo(student.email);
    expect(toStudent?.subject).toBe("New message about your exchange application");
    expect(toStudent?.text).toContain("Answer with details");
    expect(toStudent?.text).toContain("/en/dossier");
  });

  it("leaves the text out when the administrator so configured", async () => {
    await db.portalSetting.create({ data: { key: settingKeys.messageMailText, value: "no" } });
    const { student, applicationId } = await studentWithDossier();
    await call(correspondentX, sendStaffMessageAction as never, { applicationId, body: "Personal: your grades" });
    const [mail] = await mailsTo(student.email);
    expect(mail?.text).toContain("/en/dossier");
    expect(mail?.text).not.toContain("Personal: your grades");
  });
});

describe("privacy: the thread is the student's data", () => {
  it("is in the student's export and is emptied when the person is erased", async () => {
    const { student, applicationId } = await studentWithDossier();
    await sendStudentMessage(student, { body: "My phone is +33 6 12 34 56 78" }, "r");
    await sendStaffMessage(correspondentX, { applicationId, body: "Thanks, noted." }, "r");
    const exported = await exportPersonalData(student);
    expect(exported.applications[0]?.messages.map((message) => message.body)).toEqual([
      "My phone is +33 6 12 34 56 78",
      "Thanks, noted.",
    ]);
    await anonymisePerson({ id: admin.id }, student.id);
    const bodies = (await db.dossierMessage.findMany({ where: { applicationId } })).map((message) => message.body);
    expect(bodies).toEqual(["—", "—"]);
  });
});

it("DomainError codes used here exist in the catalogue", () => {
  expect(new DomainError("threadNotOpen").code).toBe("threadNotOpen");
  expect(errorMessages.threadNotOpen).toMatch(/submitted/);
});

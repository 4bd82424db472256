/**
 * The reviewers' documents (issue 14): the checklist (R-MSG-6), the student's replacement after
 * submission (R-MSG-7) and the inline, sandboxed preview from the authorised route (R-MSG-8),
 * against the real PostgreSQL, storage folder and SMTP sink.
 */
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { reviewDocumentAction } from "@/lib/documents/review/actions";
import { reviewDocument } from "@/lib/documents/review/service";
import { deleteDocument, uploadDocument } from "@/lib/documents/service";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { readOutbox } from "@/lib/mail/outbox";
import { isRedirect } from "../support/next-stand-ins";
import { createComponent, createViewer, thisYear } from "./fixtures";

const principal = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => principal.viewer }));
vi.mock("next-intl/server", async () => (await import("../support/next-stand-ins")).nextIntlServer());
vi.mock("next/cache", async () => (await import("../support/next-stand-ins")).nextCache);
vi.mock("@/lib/auth/config", async () => (await import("../support/next-stand-ins")).authConfig);
vi.mock("@/lib/i18n/navigation", async () => (await import("../support/next-stand-ins")).navigation);

const uploadDir = mkdtempSync(path.join(tmpdir(), "portal-review-docs-"));
process.env.UPLOAD_DIR = uploadDir;
afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
});

const pdfBytes = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);
const jpegBytes = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0xff, 0xd9,
]);
const pdf = (name = "passport.pdf") => new File([pdfBytes], name, { type: "application/pdf" });
const jpeg = (name = "photo.jpg") => new File([jpegBytes], name, { type: "image/jpeg" });

let correspondentX: Viewer;
let correspondentY: Viewer;
let componentId: string;

beforeAll(async () => {
  componentId = (await createComponent()).id;
  correspondentX = await createViewer("CORRESPONDENT", [componentId]);
  correspondentY = await createViewer("CORRESPONDENT", [(await createComponent()).id]);
});

/** A student who uploaded a passport and a photo while drafting, then submitted. */
async function submittedWithDocuments() {
  const student = await createViewer("STUDENT");
  const application = await db.application.create({
    data: { studentId: student.id, componentId, firstName: "Zoé", lastName: "Martin", academicYear: thisYear },
  });
  const passport = await uploadDocument(student, { kind: "PASSPORT", file: pdf() });
  const photo = await uploadDocument(student, { kind: "PHOTO", file: jpeg() });
  await db.application.update({
    where: { id: application.id },
    data: { status: "SUBMITTED", submittedAt: new Date() },
  });
  return { student, applicationId: application.id, passport, photo };
}

async function call(viewer: Viewer, input: unknown) {
  principal.viewer = viewer;
  return (
    reviewDocumentAction as unknown as (
      input: unknown,
    ) => Promise<{ ok: boolean; fieldErrors?: Record<string, string> }>
  )(input).catch((error: unknown) => {
    if (isRedirect(error)) return { ok: true, fieldErrors: undefined };
    throw error;
  });
}

describe("R-MSG-6: the checklist", () => {
  it("marks a document to be replaced with a message, audited, and mails the student", async () => {
    const { student, passport } = await submittedWithDocuments();
    const result = await call(correspondentX, {
      documentId: passport.id,
      verdict: "TO_REPLACE",
      note: "The scan is cut: send all four corners.",
    });
    expect(result.ok).toBe(true);
    expect(await db.applicationDocument.findUniqueOrThrow({ where: { id: passport.id } })).toMatchObject({
      review: "TO_REPLACE",
      reviewNote: "The scan is cut: send all four corners.",
    });
    const audit = await db.auditEvent.findFirst({ where: { entityId: passport.id, action: "document.review" } });
    expect(audit?.actorId).toBe(correspondentX.id);
    const mails = (await readOutbox(env().MAIL_SINK_DIR!, 100_000)).filter((mail) => mail.to.includes(student.email));
    expect(mails.map((mail) => mail.subject)).toContain("A document of your exchange application is to be replaced");
    expect(mails.find((mail) => mail.text.includes("four corners"))?.text).toContain("/en/dossier");
  });

  it("refuses 'to be replaced' without a message, as a field error, and changes nothing", async () => {
    const { passport } = await submittedWithDocuments();
    const result = await call(correspondentX, { documentId: passport.id, verdict: "TO_REPLACE", note: "  " });
    expect(result.ok).toBe(false);
    expect(result.fieldErrors?.note).toBeTruthy();
    expect((await db.applicationDocument.findUniqueOrThrow({ where: { id: passport.id } })).review).toBe("PENDING");
  });

  it("another faculty's correspondent gets 'not found'", async () => {
    const { passport } = await submittedWithDocuments();
    await expect(
      reviewDocument(correspondentY, { documentId: passport.id, verdict: "ACCEPTED", note: null }, "r"),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("R-MSG-7: the student replaces a document after submission", () => {
  it("only the document to be replaced; the new file starts unchecked; removing it is still refused", async () => {
    const { student, passport, photo } = await submittedWithDocuments();
    await reviewDocument(correspondentX, { documentId: passport.id, verdict: "TO_REPLACE", note: "Cut" }, "r");
    await reviewDocument(correspondentX, { documentId: photo.id, verdict: "ACCEPTED", note: null }, "r");

    await expect(uploadDocument(student, { kind: "PHOTO", file: jpeg("other.jpg") })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(deleteDocument(student, passport.id)).rejects.toBeInstanceOf(NotFoundError);
    const replaced = await uploadDocument(student, { kind: "PASSPORT", file: pdf("passport-full.pdf") });
    expect(replaced).toMatchObject({ originalName: "passport-full.pdf", review: "PENDING", reviewNote: null });
    // Once replaced, it is closed again until a reviewer asks anew.
    await expect(uploadDocument(student, { kind: "PASSPORT", file: pdf("again.pdf") })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const audit = await db.auditEvent.findFirst({ where: { entityId: replaced.id, action: "document.replace" } });
    expect(audit?.actorId).toBe(student.id);
  });

  it("a rejected dossier's documents stay closed", async () => {
    const { student, applicationId, passport } = await submittedWithDocuments();
    await reviewDocument(correspondentX, { documentId: passport.id, verdict: "TO_REPLACE", note: "Cut" }, "r");
    await db.application.update({ where: { id: applicationId }, data: { status: "REJECTED" } });
    await expect(uploadDocument(student, { kind: "PASSPORT", file: pdf() })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("R-MSG-8: the inline preview", () => {
  const get = async (viewer: Viewer | null, id: string, query = "") => {
    principal.viewer = viewer;
    const { GET } = await import("@/app/api/documents/[id]/route");
    return GET(new Request(`http://localhost/api/documents/${id}${query}`), { params: Promise.resolve({ id }) });
  };

  it("answers inline, sandboxed and framable by this origin only, with ?preview=1", async () => {
    const { passport, photo } = await submittedWithDocuments();
    for (const document of [passport, photo]) {
      const response = await get(correspondentX, document.id, "?preview=1");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toMatch(/^inline; filename=/);
      const policy = response.headers.get("content-security-policy") ?? "";
      expect(policy).toMatch(/^sandbox; default-src 'none'/);
      expect(policy).toContain("frame-ancestors 'self'");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    }
  });

  it("still downloads as an attachment without it, and refuses whoever may not see the dossier", async () => {
    const { passport } = await submittedWithDocuments();
    const download = await get(correspondentX, passport.id);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename=/);
    expect((await get(correspondentY, passport.id, "?preview=1")).status).toBe(404);
    expect((await get(null, passport.id, "?preview=1")).status).toBe(404);
  });
});

import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DocumentViewer } from "@/lib/auth/scopes";
import { getViewer } from "@/lib/auth/viewer";
import { type Db, db, type Tx } from "@/lib/db";
import { listDocumentsForViewer, openDocumentForViewer } from "@/lib/documents/queries";
import { deleteDocument, uploadDocument } from "@/lib/documents/service";
import { documentStorage } from "@/lib/documents/storage";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { ApplicationStatus, DocumentKind, Role } from "@/lib/generated/prisma/enums";
import { uniqueEmail } from "./helpers";

// The real getViewer needs Next's request context (cookies); listDocumentsForViewer falls back
// on it when no viewer is given, so the tests decide who is signed in.
vi.mock("@/lib/auth/viewer", () => ({ getViewer: vi.fn(async () => null) }));

// A folder of this run only, read by lib/env.ts on first use (nothing has read it yet).
const uploadDir = mkdtempSync(path.join(tmpdir(), "portal-uploads-"));
process.env.UPLOAD_DIR = uploadDir;

afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Files: real headers, and a marker that must never reach the audit trail.

const marker = `CONTENT-${randomBytes(6).toString("hex")}`;
const pdfBytes = new TextEncoder().encode(
  `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${marker}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
);
const pngBytes = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
  0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89,
]);
const jpegBytes = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0xff, 0xd9,
]);

const pdf = (name = "passport.pdf") => new File([pdfBytes], name, { type: "application/pdf" });
const png = (name = "scan.png") => new File([pngBytes], name, { type: "image/png" });
const jpeg = (name = "photo.jpg") => new File([jpegBytes], name, { type: "image/jpeg" });
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function storedFiles(): Promise<string[]> {
  return (await readdir(uploadDir).catch(() => [])).sort();
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// ---------------------------------------------------------------------------------------------
// People and applications, created directly (two components, two students, staff).

async function createUser(role: Role, componentIds: string[] = []): Promise<DocumentViewer> {
  const user = await db.user.create({
    data: {
      email: uniqueEmail(role.toLowerCase()),
      name: `Test ${role}`,
      passwordHash: "not-a-real-hash",
      role,
      components: componentIds.length ? { connect: componentIds.map((id) => ({ id })) } : undefined,
    },
    select: { id: true },
  });
  return { id: user.id, role, componentIds };
}

async function createComponent(): Promise<string> {
  const code = `T${randomBytes(4).toString("hex")}`;
  const component = await db.component.create({
    data: { code, nameFr: `Composante ${code}`, nameEn: `Component ${code}` },
  });
  return component.id;
}

async function createApplication(
  student: DocumentViewer,
  componentId: string,
  status: ApplicationStatus = "DRAFT",
): Promise<string> {
  const application = await db.application.create({ data: { studentId: student.id, status, componentId } });
  return application.id;
}

async function setStatus(applicationId: string, status: ApplicationStatus) {
  await db.application.update({ where: { id: applicationId }, data: { status } });
}

let componentA: string;
let componentB: string;
let correspondentA: DocumentViewer;
let correspondentB: DocumentViewer;
let admin: DocumentViewer;

beforeAll(async () => {
  componentA = await createComponent();
  componentB = await createComponent();
  correspondentA = await createUser("CORRESPONDENT", [componentA]);
  correspondentB = await createUser("CORRESPONDENT", [componentB]);
  admin = await createUser("ADMIN");
});

let student: DocumentViewer;
let applicationId: string;

beforeEach(async () => {
  student = await createUser("STUDENT");
  applicationId = await createApplication(student, componentA);
});

async function rowsOf(id: string, kind?: DocumentKind) {
  return db.applicationDocument.findMany({ where: { applicationId: id, kind } });
}

async function auditOf(id: string) {
  const documents = await db.auditEvent.findMany({
    where: { entityType: "ApplicationDocument" },
    orderBy: { id: "asc" },
  });
  return documents.filter(
    (event) =>
      (event.after as { applicationId?: string } | null)?.applicationId === id ||
      (event.before as { applicationId?: string } | null)?.applicationId === id,
  );
}

// ---------------------------------------------------------------------------------------------

describe("upload", () => {
  it("stores the file under a generated name, its row with size and sha256, and one audit event", async () => {
    const document = await uploadDocument(student, { kind: "PASSPORT", file: pdf("Mon passeport.pdf") });
    expect(document).toMatchObject({
      kind: "PASSPORT",
      originalName: "Mon passeport.pdf",
      size: pdfBytes.length,
      contentType: "application/pdf",
    });
    expect(document).not.toHaveProperty("storageKey");

    const [row] = await rowsOf(applicationId, "PASSPORT");
    expect(row).toMatchObject({
      id: document.id,
      uploadedById: student.id,
      size: pdfBytes.length,
      sha256: sha256(pdfBytes),
    });
    expect(row!.storageKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(row!.storageKey).not.toContain("passeport");

    const file = path.join(uploadDir, row!.storageKey);
    expect(new Uint8Array(await readFile(file))).toEqual(pdfBytes);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const events = await auditOf(applicationId);
    expect(events.map((event) => [event.action, event.entityId, event.actorId])).toEqual([
      ["document.upload", document.id, student.id],
    ]);
    expect(events[0]!.after).toEqual({
      applicationId,
      kind: "PASSPORT",
      originalName: "Mon passeport.pdf",
      contentType: "application/pdf",
      size: pdfBytes.length,
      sha256: sha256(pdfBytes),
    });
    const serialized = JSON.stringify(
      events.map((event) => [event.action, event.entityType, event.entityId, event.before, event.after]),
    );
    expect(serialized).not.toContain(marker);
    expect(serialized).not.toContain(row!.storageKey);
  });

  it("recognises the type by the content, whatever the name and the browser's type", async () => {
    const document = await uploadDocument(student, {
      kind: "TRANSCRIPT",
      file: new File([pngBytes], "releve.pdf", { type: "application/pdf" }),
    });
    expect(document.contentType).toBe("image/png");
    const photo = await uploadDocument(student, { kind: "PHOTO", file: new File([jpegBytes], "photo", { type: "" }) });
    expect(photo.contentType).toBe("image/jpeg");
  });

  it("replaces a document of the same kind: one row, the old file deleted after the commit", async () => {
    const first = await uploadDocument(student, { kind: "PASSPORT", file: pdf("old.pdf") });
    const [firstRow] = await rowsOf(applicationId, "PASSPORT");
    const second = await uploadDocument(student, { kind: "PASSPORT", file: png("new.png") });

    const rows = await rowsOf(applicationId, "PASSPORT");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: second.id,
      originalName: "new.png",
      contentType: "image/png",
      sha256: sha256(pngBytes),
    });
    await expect(stat(path.join(uploadDir, firstRow!.storageKey))).rejects.toMatchObject({ code: "ENOENT" });
    expect(new Uint8Array(await readFile(path.join(uploadDir, rows[0]!.storageKey)))).toEqual(pngBytes);

    const events = await auditOf(applicationId);
    expect(events.map((event) => event.action)).toEqual(["document.upload", "document.replace"]);
    expect(events[1]!.before).toMatchObject({ id: first.id, originalName: "old.pdf", sha256: sha256(pdfBytes) });
    expect(events[1]!.after).toMatchObject({ originalName: "new.png", sha256: sha256(pngBytes) });
  });

  it("keeps one row and one file when the same kind is uploaded twice at once", async () => {
    const before = await storedFiles();
    await Promise.all([
      uploadDocument(student, { kind: "CV", file: pdf("cv-1.pdf") }),
      uploadDocument(student, { kind: "CV", file: pdf("cv-2.pdf") }),
    ]);
    const rows = await rowsOf(applicationId, "CV");
    expect(rows).toHaveLength(1);
    const after = await storedFiles();
    expect(after.filter((name) => !before.includes(name))).toEqual([rows[0]!.storageKey]);
  });

  it("keeps the student's file name for display only, cleaned", async () => {
    const document = await uploadDocument(student, { kind: "CV", file: pdf("C:\\fakepath\\cv\u202Efdp.exe") });
    expect(document.originalName).toBe("cvfdp.exe");
  });
});

describe("refused uploads write nothing", () => {
  it.each<[string, () => { kind: DocumentKind; file: File }, string, Record<string, unknown>]>([
    [
      "a text file named .pdf",
      () => ({ kind: "TRANSCRIPT", file: new File(["I am not a PDF"], "transcript.pdf", { type: "application/pdf" }) }),
      "documentTypeRefused",
      { name: "transcript.pdf" },
    ],
    [
      "an HTML page named .png",
      () => ({
        kind: "PASSPORT",
        file: new File(["<html><script>alert(1)</script></html>"], "id.png", { type: "image/png" }),
      }),
      "documentTypeRefused",
      {},
    ],
    [
      "a GIF photo",
      () => ({ kind: "PHOTO", file: new File(["GIF89a\x01\x00\x01\x00"], "photo.gif", { type: "image/gif" }) }),
      "documentTypeRefused",
      {},
    ],
    ["a PDF as the photo", () => ({ kind: "PHOTO", file: pdf("photo.pdf") }), "documentPhotoType", {}],
    [
      "an empty file",
      () => ({ kind: "CV", file: new File([], "cv.pdf", { type: "application/pdf" }) }),
      "documentEmpty",
      {},
    ],
    [
      "a file one byte over 10 MB",
      () => {
        const bytes = new Uint8Array(10 * 1024 * 1024 + 1);
        bytes.set(pdfBytes);
        return { kind: "TRANSCRIPT", file: new File([bytes], "big.pdf", { type: "application/pdf" }) };
      },
      "documentTooLarge",
      { maxMb: 10 },
    ],
  ])("%s", async (_name, input, code, params) => {
    const filesBefore = await storedFiles();
    const attempt = uploadDocument(student, input());
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code, field: "file", params: expect.objectContaining(params) });
    expect(await rowsOf(applicationId)).toEqual([]);
    expect(await storedFiles()).toEqual(filesBefore);
    expect(await auditOf(applicationId)).toEqual([]);
  });

  it("accepts a file of exactly 10 MB", async () => {
    const bytes = new Uint8Array(10 * 1024 * 1024);
    bytes.set(pdfBytes);
    const document = await uploadDocument(student, { kind: "TRANSCRIPT", file: new File([bytes], "exact.pdf") });
    expect(document.size).toBe(bytes.length);
    const [row] = await rowsOf(applicationId, "TRANSCRIPT");
    expect(row!.sha256).toBe(sha256(bytes));
  });
});

describe("who may upload and delete: the owning student while the application is editable", () => {
  it("answers not found to a student without an application, and writes nothing", async () => {
    const newcomer = await createUser("STUDENT");
    const filesBefore = await storedFiles();
    await expect(uploadDocument(newcomer, { kind: "PASSPORT", file: pdf() })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.application.count({ where: { studentId: newcomer.id } })).toBe(0);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it("puts another student's upload in their own application, never in someone else's", async () => {
    const other = await createUser("STUDENT");
    const otherApplication = await createApplication(other, componentB);
    await uploadDocument(other, { kind: "CV", file: pdf("other.pdf") });
    expect(await rowsOf(applicationId)).toEqual([]);
    expect(await rowsOf(otherApplication, "CV")).toHaveLength(1);
  });

  it.each<[string, () => DocumentViewer]>([
    ["a correspondent of the component", () => correspondentA],
    ["an admin", () => admin],
  ])("answers not found to %s (staff do not upload)", async (_name, viewer) => {
    await expect(uploadDocument(viewer(), { kind: "PASSPORT", file: pdf() })).rejects.toBeInstanceOf(NotFoundError);
  });

  it.each<ApplicationStatus>(["SUBMITTED", "UNDER_REVIEW", "ACCEPTED", "REJECTED", "WITHDRAWN"])(
    "refuses an upload once the application is %s, and writes nothing",
    async (status) => {
      await setStatus(applicationId, status);
      const filesBefore = await storedFiles();
      await expect(uploadDocument(student, { kind: "PASSPORT", file: pdf() })).rejects.toBeInstanceOf(NotFoundError);
      expect(await rowsOf(applicationId)).toEqual([]);
      expect(await storedFiles()).toEqual(filesBefore);
    },
  );

  it("accepts an upload again when changes are requested", async () => {
    await setStatus(applicationId, "CHANGES_REQUESTED");
    await expect(uploadDocument(student, { kind: "PASSPORT", file: pdf() })).resolves.toMatchObject({
      kind: "PASSPORT",
    });
  });

  it("lets the owner delete while editable: row, file and an audit event", async () => {
    const document = await uploadDocument(student, { kind: "MOTIVATION_LETTER", file: pdf("letter.pdf") });
    const [row] = await rowsOf(applicationId, "MOTIVATION_LETTER");
    await deleteDocument(student, document.id);
    expect(await rowsOf(applicationId)).toEqual([]);
    await expect(stat(path.join(uploadDir, row!.storageKey))).rejects.toMatchObject({ code: "ENOENT" });
    const events = await auditOf(applicationId);
    expect(events.map((event) => event.action)).toEqual(["document.upload", "document.delete"]);
    expect(events[1]!.before).toMatchObject({ kind: "MOTIVATION_LETTER", originalName: "letter.pdf" });
    await expect(deleteDocument(student, document.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses to delete another student's document, a submitted one, or for staff; the file stays", async () => {
    const document = await uploadDocument(student, { kind: "PASSPORT", file: pdf() });
    const [row] = await rowsOf(applicationId, "PASSPORT");
    const other = await createUser("STUDENT");
    await createApplication(other, componentA);
    for (const viewer of [other, correspondentA, admin]) {
      await expect(deleteDocument(viewer, document.id)).rejects.toBeInstanceOf(NotFoundError);
    }
    await setStatus(applicationId, "SUBMITTED");
    await expect(deleteDocument(student, document.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteDocument(student, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    expect(await rowsOf(applicationId)).toHaveLength(1);
    await expect(stat(path.join(uploadDir, row!.storageKey))).resolves.toBeTruthy();
  });
});

describe("download authorization", () => {
  const cases: { who: string; viewer: () => DocumentViewer | null; status: ApplicationStatus; allowed: boolean }[] = [
    { who: "the owning student", viewer: () => student, status: "DRAFT", allowed: true },
    { who: "the owning student", viewer: () => student, status: "SUBMITTED", allowed: true },
    { who: "a correspondent of the component", viewer: () => correspondentA, status: "SUBMITTED", allowed: true },
    { who: "a correspondent of the component", viewer: () => correspondentA, status: "UNDER_REVIEW", allowed: true },
    { who: "a correspondent of the component", viewer: () => correspondentA, status: "DRAFT", allowed: false },
    { who: "a correspondent of another component", viewer: () => correspondentB, status: "SUBMITTED", allowed: false },
    { who: "an admin", viewer: () => admin, status: "SUBMITTED", allowed: true },
    // Staff, admins included, never see a draft (staffScope), its documents neither.
    { who: "an admin", viewer: () => admin, status: "DRAFT", allowed: false },
    { who: "nobody signed in", viewer: () => null, status: "SUBMITTED", allowed: false },
  ];

  it.each(cases)("$who, application $status → allowed: $allowed", async ({ viewer, status, allowed }) => {
    const document = await uploadDocument(student, { kind: "PASSPORT", file: pdf("passeport été.pdf") });
    await setStatus(applicationId, status);
    const attempt = openDocumentForViewer(viewer(), document.id);
    if (!allowed) {
      await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
      return;
    }
    const opened = await attempt;
    expect(opened).toMatchObject({
      fileName: "passeport été.pdf",
      contentType: "application/pdf",
      document: { id: document.id, size: pdfBytes.length },
    });
    expect(await readAll(await documentStorage().get(opened.storageKey))).toEqual(pdfBytes);
  });

  it("answers not found to another student, as for a document that does not exist", async () => {
    const document = await uploadDocument(student, { kind: "PASSPORT", file: pdf() });
    const other = await createUser("STUDENT");
    await createApplication(other, componentA);
    for (const id of [document.id, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      await expect(openDocumentForViewer(other, id)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("names the download after the content: a PNG uploaded as scan.pdf downloads as scan.png", async () => {
    const document = await uploadDocument(student, { kind: "TRANSCRIPT", file: new File([pngBytes], "scan.pdf") });
    const opened = await openDocumentForViewer(student, document.id);
    expect(opened).toMatchObject({ fileName: "scan.png", contentType: "image/png" });
  });
});

describe("listDocumentsForViewer", () => {
  it("lists the application's documents for those who may see them, in the kinds' order", async () => {
    await uploadDocument(student, { kind: "PHOTO", file: jpeg() });
    await uploadDocument(student, { kind: "PASSPORT", file: pdf() });
    const mine = await listDocumentsForViewer(applicationId, student);
    expect(mine.map((document) => document.kind)).toEqual(["PASSPORT", "PHOTO"]);
    // The reviewers' checklist is the student's to read too (R-MSG-6); never a storage key.
    expect(Object.keys(mine[0]!).sort()).toEqual([
      "contentType",
      "createdAt",
      "id",
      "kind",
      "originalName",
      "review",
      "reviewNote",
      "size",
    ]);

    const other = await createUser("STUDENT");
    expect(await listDocumentsForViewer(applicationId, other)).toEqual([]);
    expect(await listDocumentsForViewer(applicationId, correspondentA)).toEqual([]); // still a draft
    await setStatus(applicationId, "SUBMITTED");
    expect(await listDocumentsForViewer(applicationId, correspondentA)).toHaveLength(2);
    expect(await listDocumentsForViewer(applicationId, correspondentB)).toEqual([]);
    expect(await listDocumentsForViewer(applicationId, admin)).toHaveLength(2);
    expect(await listDocumentsForViewer("not-a-uuid", admin)).toEqual([]);
  });

  it("uses the signed-in viewer when none is given", async () => {
    await uploadDocument(student, { kind: "CV", file: pdf("cv.pdf") });
    vi.mocked(getViewer).mockResolvedValueOnce({
      ...student,
      sessionId: "s",
      email: "e",
      name: "n",
      locale: "en",
      emailVerified: true,
    });
    expect((await listDocumentsForViewer(applicationId)).map((document) => document.originalName)).toEqual(["cv.pdf"]);
    vi.mocked(getViewer).mockResolvedValueOnce(null);
    expect(await listDocumentsForViewer(applicationId)).toEqual([]);
  });
});

describe("a database failure after the file is written leaves nothing behind", () => {
  /** The real database, whose transactions do all their writes and then fail before committing. */
  function failingBeforeCommit(): Db {
    return new Proxy(db, {
      get(target, property, receiver) {
        if (property !== "$transaction") return Reflect.get(target, property, receiver);
        return (body: (tx: Tx) => Promise<unknown>) =>
          db.$transaction(async (tx) => {
            await body(tx);
            throw new Error("injected failure before commit");
          });
      },
    });
  }

  it("deletes the new file when the transaction fails; nothing else changes", async () => {
    const filesBefore = await storedFiles();
    await expect(
      uploadDocument(student, { kind: "PASSPORT", file: pdf() }, { db: failingBeforeCommit() }),
    ).rejects.toThrow("injected failure before commit");
    expect(await rowsOf(applicationId)).toEqual([]);
    expect(await auditOf(applicationId)).toEqual([]);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it("keeps the replaced document and its file when the replacing transaction fails", async () => {
    await uploadDocument(student, { kind: "PASSPORT", file: pdf("kept.pdf") });
    const [kept] = await rowsOf(applicationId, "PASSPORT");
    const filesBefore = await storedFiles();
    await expect(
      uploadDocument(student, { kind: "PASSPORT", file: png() }, { db: failingBeforeCommit() }),
    ).rejects.toThrow();
    expect(await rowsOf(applicationId, "PASSPORT")).toEqual([kept]);
    expect(await storedFiles()).toEqual(filesBefore);
    expect(new Uint8Array(await readFile(path.join(uploadDir, kept!.storageKey)))).toEqual(pdfBytes);
  });

  it("deletes the new file when the application is submitted between the check and the transaction", async () => {
    // The submission lands after the first check and the file write, before the transaction:
    // the check under the row lock refuses, and the written file goes.
    const submitFirst = new Proxy(db, {
      get(target, property, receiver) {
        if (property !== "$transaction") return Reflect.get(target, property, receiver);
        return async (body: (tx: Tx) => Promise<unknown>) => {
          await setStatus(applicationId, "SUBMITTED");
          return db.$transaction(body);
        };
      },
    });
    const filesBefore = await storedFiles();
    await expect(
      uploadDocument(student, { kind: "PASSPORT", file: pdf() }, { db: submitFirst }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await rowsOf(applicationId)).toEqual([]);
    expect(await storedFiles()).toEqual(filesBefore);
  });
});

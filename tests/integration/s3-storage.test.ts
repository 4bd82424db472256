/**
 * Documents in an S3-compatible bucket (STORAGE_DRIVER=s3): a real s3rver on loopback
 * (S3_TEST_PORT, default 4481), the real document service and download answer. s3rver does not
 * check signatures: tests/unit/s3-presigned-url.test.ts checks them.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { authorisedFileResponse } from "@/lib/documents/download";
import { openDocumentForViewer } from "@/lib/documents/queries";
import { createS3Storage } from "@/lib/documents/s3-storage";
import { deleteDocument, uploadDocument } from "@/lib/documents/service";
import { type DocumentStorage, reportingUnavailability, StoredObjectMissingError } from "@/lib/documents/storage";
import { DomainError } from "@/lib/errors";
import { type RunningS3Server, s3rverCredentials, startS3Server } from "../support/s3-server";
import { createComponent, createViewer } from "./fixtures";

vi.mock("@/lib/auth/viewer", () => ({ getViewer: vi.fn(async () => null) }));

const port = Number(process.env.S3_TEST_PORT ?? 4481);
const pdfBytes = new TextEncoder().encode("%PDF-1.4\n% a passport scan\ntrailer << >>\n%%EOF\n");
const pdf = (name = "passport.pdf") => new File([pdfBytes], name, { type: "application/pdf" });

let s3: RunningS3Server;
let storage: DocumentStorage;

beforeAll(async () => {
  s3 = await startS3Server(port);
  storage = reportingUnavailability(
    createS3Storage({
      bucket: s3.bucket,
      region: "us-east-1",
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: s3rverCredentials,
    }),
  );
});

afterAll(async () => {
  await s3?.stop();
});

async function studentWithDraft() {
  const component = await createComponent();
  const student = await createViewer("STUDENT");
  const application = await db.application.create({ data: { studentId: student.id, componentId: component.id } });
  return { student, applicationId: application.id };
}

describe("the S3 storage", () => {
  it("stores, reads and deletes objects; a missing one is StoredObjectMissingError", async () => {
    const key = crypto.randomUUID();
    await storage.put(key, new Blob([pdfBytes]).stream());
    expect(new Uint8Array(await new Response(await storage.get(key)).arrayBuffer())).toEqual(pdfBytes);
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StoredObjectMissingError);
    // Deleting what is gone is not an error (retention and erasure may retry).
    await storage.delete(key);
  });

  it("keeps an uploaded document in the bucket, streams it to its owner, and removes it with its row", async () => {
    const { student, applicationId } = await studentWithDraft();
    const document = await uploadDocument(student, { kind: "PASSPORT", file: pdf() }, { storage });
    const opened = await openDocumentForViewer(student, document.id);

    // The object is in the bucket under the row's random key, not on this machine's disk.
    const direct = await fetch(`${s3.endpoint}/${s3.bucket}/${opened.storageKey}`);
    expect(direct.status).toBe(200);
    expect(new Uint8Array(await direct.arrayBuffer())).toEqual(pdfBytes);

    const response = await authorisedFileResponse(opened, { storage, mode: "stream" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain("passport.pdf");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdfBytes);

    await deleteDocument(student, document.id, { storage });
    expect(await db.applicationDocument.count({ where: { applicationId } })).toBe(0);
    expect((await fetch(`${s3.endpoint}/${s3.bucket}/${opened.storageKey}`)).status).toBe(404);
  });

  it("redirects an authorised download to a presigned URL of the object when configured so", async () => {
    const { student } = await studentWithDraft();
    const document = await uploadDocument(student, { kind: "PASSPORT", file: pdf("mon passeport.pdf") }, { storage });
    const opened = await openDocumentForViewer(student, document.id);

    const response = await authorisedFileResponse(opened, { storage, mode: "redirect", expiresInSeconds: 30 });
    expect(response.status).toBe(302);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const location = new URL(response.headers.get("location")!);
    expect(location.pathname).toBe(`/${s3.bucket}/${opened.storageKey}`);
    expect(location.searchParams.get("X-Amz-Expires")).toBe("30");

    const followed = await fetch(location);
    expect(followed.status).toBe(200);
    expect(followed.headers.get("content-disposition")).toContain("mon%20passeport.pdf");
    expect(new Uint8Array(await followed.arrayBuffer())).toEqual(pdfBytes);
  });
});

describe("an object store that is down", () => {
  it("refuses an upload to a store that refuses connections, with a clear message, and writes nothing", async () => {
    const { student, applicationId } = await studentWithDraft();
    const refused = reportingUnavailability(
      createS3Storage({
        bucket: "portal-documents",
        region: "us-east-1",
        endpoint: "http://127.0.0.1:1",
        forcePathStyle: true,
        credentials: s3rverCredentials,
      }),
    );
    const auditBefore = await db.auditEvent.count({ where: { actorId: student.id } });
    const attempt = uploadDocument(student, { kind: "PASSPORT", file: pdf() }, { storage: refused });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: "storageUnavailable", field: "file" });
    expect(await db.applicationDocument.count({ where: { applicationId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { actorId: student.id } })).toBe(auditBefore);
  });
});

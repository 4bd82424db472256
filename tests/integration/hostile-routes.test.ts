/**
 * The route handlers under hostile input (fast-check, issue 6): random ids in the path, random
 * query strings, random multipart uploads (kinds, names, bytes, sizes). A route answers 2xx or
 * a 4xx that says why (the routes' one error body), never a 500, and an upload it refuses leaves
 * no document behind.
 */
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { hostileValue } from "../support/hostile";
import { createComponent, createViewer } from "./fixtures";

const principal = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => principal.viewer }));
vi.mock("next-intl/server", async () => (await import("../support/next-stand-ins")).nextIntlServer());

const uploadDir = mkdtempSync(path.join(tmpdir(), "portal-hostile-routes-"));
process.env.UPLOAD_DIR = uploadDir;
afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
});

let student: Viewer;
let staff: Viewer;
let applicationId: string;

beforeAll(async () => {
  const component = await createComponent();
  student = await createViewer("STUDENT");
  staff = await createViewer("CORRESPONDENT", [component.id]);
  applicationId = (
    await db.application.create({
      data: { studentId: student.id, status: "DRAFT", componentId: component.id },
      select: { id: true },
    })
  ).id;
});

const pathId = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 80 }),
  fc.constantFrom("", "..", "../../etc/passwd", "%00", "00000000-0000-0000-0000-000000000000", "' OR 1=1 --"),
);
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const sameOrigin = { origin: "http://localhost", host: "localhost" };
const refusedOrOk = (status: number) => status < 300 || (status >= 400 && status < 500);
const oneErrorBody = { code: expect.any(String), message: expect.any(String) };

describe("route handlers, hostile paths and bodies", () => {
  it("GET routes with random ids answer 2xx/4xx, never 5xx", async () => {
    const routes = await Promise.all([
      import("@/app/api/documents/[id]/route"),
      import("@/app/api/housing/rounds/[id]/progress/route"),
      import("@/app/api/welcome-desk/bookings/[id]/ics/route"),
    ]);
    await fc.assert(
      fc.asyncProperty(pathId, fc.constantFrom<Viewer | null>(null, student, staff), async (id, viewer) => {
        principal.viewer = viewer;
        for (const route of routes) {
          const response = await route.GET(new Request("http://localhost/x"), params(id));
          expect(refusedOrOk(response.status), `${response.status} for ${JSON.stringify(id)}`).toBe(true);
          if (response.status >= 400) expect(await response.json()).toEqual({ error: oneErrorBody });
        }
      }),
      { numRuns: 60 },
    );
  });

  it("the CSV export with random query strings answers 2xx/4xx, never 5xx", async () => {
    const { GET } = await import("@/app/api/arrivals/export/route");
    principal.viewer = staff;
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom("status", "year", "component", "x", "__proto__"), fc.string({ maxLength: 40 }), {
          maxKeys: 4,
        }),
        async (query) => {
          const response = await GET(new Request(`http://localhost/api/arrivals/export?${new URLSearchParams(query)}`));
          expect(refusedOrOk(response.status)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("uploads with random kinds, names and bytes answer 201 or a 4xx that says why; a refusal stores nothing", async () => {
    const { POST } = await import("@/app/api/documents/route");
    principal.viewer = student;
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 2048 }),
      fc.constantFrom(
        new TextEncoder().encode("%PDF-1.4\n%%EOF\n"),
        new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
        new Uint8Array(),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom("PASSPORT", "CV", "PHOTO", "VISA_OFII_FORM"), fc.string({ maxLength: 30 })),
        fc.string({ maxLength: 300 }),
        bytes,
        hostileValue,
        async (kind, name, content, extra) => {
          const before = await db.applicationDocument.count({ where: { applicationId } });
          const form = new FormData();
          form.set("kind", kind);
          form.set("file", new File([content], name || "file", { type: "application/octet-stream" }));
          if (typeof extra === "string") form.set("extra", extra);
          const response = await POST(
            new Request("http://localhost/api/documents", { method: "POST", headers: sameOrigin, body: form }),
          );
          expect(refusedOrOk(response.status), `${response.status}`).toBe(true);
          const body = (await response.json()) as { document?: unknown; error?: { code: string; message: string } };
          if (response.status >= 400) {
            expect(body.error?.code).toBeTruthy();
            expect(body.error?.message).toBeTruthy();
            expect(await db.applicationDocument.count({ where: { applicationId } })).toBe(before);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});

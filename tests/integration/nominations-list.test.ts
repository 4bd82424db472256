import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { listNominations } from "@/lib/nominations/queries";
import { createComponent, createPartner, createViewer } from "./fixtures";

/**
 * The staff's list of nominations and its export (issue 14): a correspondent sees their
 * faculties' nominations only, an admin all; the screen's filters; keyset pages that cover the
 * list once; the export with the same scope and filters, as a workbook with typed cells and as
 * a French CSV.
 */
const principal = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => principal.viewer }));
vi.mock("next-intl/server", async () => (await import("../support/next-stand-ins")).nextIntlServer());

// A year of its own: other test files' nominations never land in these lists.
const year = 2900 + Math.floor(Math.random() * 90);
let componentX: string;
let componentY: string;
let correspondentX: Viewer;
let admin: Viewer;
let student: Viewer;

async function nominate(studentName: string, componentId: string, period: "S1" | "S2", createdAt: Date) {
  const nominee = await createViewer("STUDENT");
  const partner = await createPartner();
  return db.nomination.create({
    data: {
      source: "CSV",
      partnerId: partner.id,
      studentName,
      email: nominee.email,
      componentId,
      studyLevel: "BACHELOR",
      period,
      academicYear: year,
      homeCoordinatorName: "Coordinator",
      studentId: nominee.id,
      createdById: admin.id,
      createdAt,
    },
    select: { id: true, studentId: true },
  });
}

beforeAll(async () => {
  componentX = (await createComponent()).id;
  componentY = (await createComponent()).id;
  correspondentX = await createViewer("CORRESPONDENT", [componentX]);
  admin = await createViewer("ADMIN");
  student = await createViewer("STUDENT");
  await nominate("Zoé Lefèvre", componentX, "S1", new Date("2026-01-05T10:00:00Z"));
  await nominate("王芳", componentX, "S2", new Date("2026-01-06T10:00:00Z"));
  const attached = await nominate("Олег Петров", componentX, "S1", new Date("2026-01-07T10:00:00Z"));
  await nominate("Other Faculty", componentY, "S1", new Date("2026-01-08T10:00:00Z"));
  await db.application.create({
    data: {
      studentId: attached.studentId,
      componentId: componentX,
      academicYear: year,
      status: "SUBMITTED",
      nominationId: attached.id,
    },
  });
});

const names = async (viewer: Viewer, query: Parameters<typeof listNominations>[1] = {}) =>
  (await listNominations(viewer, { year, ...query })).rows.map((row) => row.studentName);

describe("the nominations list's scope", () => {
  it("a correspondent sees their faculties' nominations, newest first; an admin all; a student none", async () => {
    expect(await names(correspondentX)).toEqual(["Олег Петров", "王芳", "Zoé Lefèvre"]);
    expect(await names(admin)).toEqual(["Other Faculty", "Олег Петров", "王芳", "Zoé Lefèvre"]);
    expect(await names(student)).toEqual([]);
    // Asking for another faculty's nominations is no way around the scope.
    expect(await names(correspondentX, { component: componentY })).toEqual([]);
  });

  it("filters by period and by whether the student has applied", async () => {
    expect(await names(correspondentX, { period: "S2" })).toEqual(["王芳"]);
    expect(await names(correspondentX, { attached: "yes" })).toEqual(["Олег Петров"]);
    expect(await names(correspondentX, { attached: "no" })).toEqual(["王芳", "Zoé Lefèvre"]);
  });

  it("pages by keyset: each nomination once, in order; a forged cursor starts over", async () => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listNominations(admin, { year, after }, 1);
      seen.push(...page.rows.map((row) => row.studentName));
      after = page.nextCursor ?? undefined;
    } while (after);
    expect(seen).toEqual(["Other Faculty", "Олег Петров", "王芳", "Zoé Lefèvre"]);
    const forged = Buffer.from(JSON.stringify(["2026-01-01T00:00:00Z", "not-a-uuid"])).toString("base64url");
    expect((await listNominations(admin, { year, after: forged })).rows).toHaveLength(4);
  });
});

async function exportNominations(viewer: Viewer, query: string) {
  principal.viewer = viewer;
  const { GET } = await import("@/app/api/nominations/export/route");
  return GET(new Request(`http://localhost/api/nominations/export?year=${year}&${query}`));
}

describe("the nominations export", () => {
  it("a workbook of the correspondent's scope and filters, dates as dates, names intact", async () => {
    const response = await exportNominations(correspondentX, "format=xlsx&locale=en&attached=no");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("nominations.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(["Student", "Home university", "Recorded"]));
    const rows = [2, 3].map((index) => (sheet.getRow(index).values as unknown[]).slice(1));
    expect(sheet.rowCount).toBe(3);
    expect(rows.map((row) => row[header.indexOf("Student")])).toEqual(["王芳", "Zoé Lefèvre"]);
    expect(rows[0]![header.indexOf("Recorded")]).toBeInstanceOf(Date);
    expect(rows[0]![header.indexOf("Academic year (start)")]).toBe(year);
  });

  // The stand-in translations answer in English; the French headers are checked by the unit test.
  it("a CSV with semicolons for the French interface, the other faculty's nomination left out", async () => {
    const text = await (await exportNominations(correspondentX, "format=csv&locale=fr")).text();
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines[0]).toMatch(/^.?Student;E-mail;Home university;/);
    expect(lines).toHaveLength(4);
    expect(text).toContain("Олег Петров;");
    expect(text).not.toContain("Other Faculty");
  });

  it("a student is answered 404, with nothing of the list", async () => {
    const response = await exportNominations(student, "format=csv");
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("Zoé");
  });
});

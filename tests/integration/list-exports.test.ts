import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { createComponent, createPartner, createViewer, thisYear } from "./fixtures";

/**
 * The staff lists' exports (issue 14): the queue with the screen's filters and scope, as a real
 * workbook with typed cells and as CSV with the locale's separator; formulas neutralised,
 * non-Latin names intact.
 */
const principal = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => principal.viewer }));
vi.mock("next-intl/server", async () => (await import("../support/next-stand-ins")).nextIntlServer());

const tag = Math.random().toString(36).slice(2, 8);
let correspondent: Viewer;
const submittedAt = new Date("2026-03-04T13:05:00Z"); // 14:05 in Paris (winter time)

async function dossier(firstName: string, lastName: string, componentId: string, status: "SUBMITTED" | "ACCEPTED") {
  const student = await createViewer("STUDENT");
  return db.application.create({
    data: {
      studentId: student.id,
      componentId,
      academicYear: thisYear,
      status,
      firstName,
      lastName,
      contactEmail: student.email,
      lastSubmittedAt: submittedAt,
      searchText: `${firstName} ${lastName} ${student.email}`.toLowerCase(),
    },
  });
}

async function exportQueue(query: string) {
  const { GET } = await import("@/app/api/applications/export/route");
  return GET(new Request(`http://localhost/api/applications/export?${query}`));
}

beforeAll(async () => {
  const component = await createComponent();
  const other = await createComponent();
  await createPartner();
  correspondent = await createViewer("CORRESPONDENT", [component.id]);
  await dossier(`Zoé${tag}`, "Lefèvre", component.id, "SUBMITTED");
  await dossier(`王芳${tag}`, "李", component.id, "SUBMITTED");
  await dossier(`=HYPERLINK("x")${tag}`, "Evil", component.id, "SUBMITTED");
  await dossier(`Accepted${tag}`, "Someone", component.id, "ACCEPTED");
  await dossier(`Outside${tag}`, "Scope", other.id, "SUBMITTED");
  principal.viewer = correspondent;
});

describe("queue export", () => {
  it("is a workbook with the screen's filters and scope, typed cells, formulas neutralised", async () => {
    const response = await exportQueue(`status=SUBMITTED&q=${tag}&sort=name`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    expect(response.headers.get("content-disposition")).toContain("dossiers.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain("Home university");
    const firstNameColumn = header.indexOf("First name") + 1;
    const submittedColumn = header.indexOf("Submitted") + 1;
    const firstNames = [];
    for (let index = 2; index <= sheet.rowCount; index++) {
      firstNames.push(sheet.getRow(index).getCell(firstNameColumn).value);
    }
    // Accepted and out-of-scope dossiers are not in the list, as on the screen.
    expect(firstNames.sort()).toEqual([`'=HYPERLINK("x")${tag}`, `Zoé${tag}`, `王芳${tag}`].sort());
    const submitted = sheet.getRow(2).getCell(submittedColumn);
    expect(submitted.value).toBeInstanceOf(Date);
    // The Paris wall clock, as staff read it.
    expect((submitted.value as Date).toISOString()).toBe("2026-03-04T14:05:00.000Z");
    expect(submitted.numFmt).toBe("yyyy-mm-dd hh:mm");
  });

  it("is a CSV with a comma in English, formulas neutralised and quotes escaped", async () => {
    const response = await exportQueue(`format=csv&q=${tag}`);
    expect(response.headers.get("content-type")).toContain("text/csv");
    // The byte-order mark stays (Excel needs it to read UTF-8); text() would drop it.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith("\uFEFFStudent,Last name,First name,")).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""x"")${tag}"`);
    expect(text).toContain(`Zoé${tag}`);
    expect(text).toContain("2026-03-04 14:05");
    expect(text).not.toContain(`Outside${tag}`);
  });

  it("uses a semicolon when the interface is French", async () => {
    const text = await (await exportQueue(`format=csv&locale=fr&q=${tag}`)).text();
    expect(text.split("\r\n")[0]).toMatch(/^Student;Last name;First name;/);
  });

  it("refuses anyone who is not staff, as if it did not exist", async () => {
    principal.viewer = await createViewer("STUDENT");
    expect((await exportQueue("format=csv")).status).toBe(404);
    principal.viewer = correspondent;
  });
});

describe("housing decisions export", () => {
  it("lists the round's requests per residence, inside the viewer's scope", async () => {
    const round = await db.housingRound.create({
      data: { academicYear: 2957, semester: "S1", releaseAt: new Date() },
    });
    const residence = await db.residence.create({ data: { name: `Résidence Canebière ${tag}`, city: "MARSEILLE" } });
    const dossiers = await db.application.findMany({
      where: { firstName: { in: [`Zoé${tag}`, `Outside${tag}`] } },
      select: { id: true, firstName: true },
    });
    for (const dossier of dossiers) {
      await db.housingRequest.create({
        data: {
          applicationId: dossier.id,
          roundId: round.id,
          cityPreference: "MARSEILLE",
          requestedAt: new Date(),
          status: "ACCEPTED",
          residenceId: residence.id,
          decidedAt: new Date(),
        },
      });
    }
    const { GET } = await import("@/app/api/housing/rounds/[id]/export/route");
    const response = await GET(new Request(`http://localhost/x?format=csv&residence=${residence.id}`), {
      params: Promise.resolve({ id: round.id }),
    });
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toMatch(/^Residence,Round,Student,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`Résidence Canebière ${tag},"2957-2958, Semester 1 (autumn)",LEFÈVRE Zoé${tag}`);
    expect(lines[1]).toContain("Accepted");
    expect(lines[1]).not.toContain(`Outside${tag}`);
  });
});

describe("welcome-desk attendees", () => {
  it("lists who booked which time on a day, inside the viewer's scope", async () => {
    const desk = await db.welcomeDesk.upsert({
      where: { city: "MARSEILLE" },
      create: { city: "MARSEILLE", placeName: "Espace Pouillon", address: "3 place Victor Hugo" },
      update: {},
    });
    const startsAt = new Date("2031-09-03T08:00:00Z"); // 10:00 in Paris
    const slot = await db.welcomeDeskSlot.create({
      data: { deskId: desk.id, startsAt, endsAt: new Date("2031-09-03T08:30:00Z"), capacity: 5, booked: 2 },
    });
    const dossiers = await db.application.findMany({
      where: { firstName: { in: [`王芳${tag}`, `Outside${tag}`] } },
      select: { id: true },
    });
    for (const dossier of dossiers) {
      await db.welcomeDeskBooking.create({ data: { slotId: slot.id, applicationId: dossier.id } });
    }
    const { GET } = await import("@/app/api/welcome-desk/attendees/export/route");
    const response = await GET(
      new Request(`http://localhost/api/welcome-desk/attendees/export?format=csv&desk=${desk.id}&day=2031-09-03`),
    );
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toMatch(/^Welcome desk,Time,Until,Student,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("2031-09-03 10:00,2031-09-03 10:30,李 王芳");
    const otherDay = await GET(new Request(`http://localhost/x?format=csv&desk=${desk.id}&day=2031-09-04`));
    expect((await otherDay.text()).trim().split("\r\n")).toHaveLength(1);
  });
});

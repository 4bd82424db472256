import { describe, expect, it } from "vitest";
import { withHeaders } from "@/lib/exports/columns";
import { csvStream } from "@/lib/exports/csv-writer";
import { nominationExportColumns } from "@/lib/nominations/export";
import type { NominationListRow } from "@/lib/nominations/queries";
import enExports from "@/messages/en/listExports.json";
import frExports from "@/messages/fr/listExports.json";

/** The partners' nominations as a spreadsheet (issue 14): columns as data, headers in both languages. */
const labels = (locale: string) => ({
  locale,
  level: (level: string) => `level:${level}`,
  period: (period: string) => `period:${period}`,
  source: (source: string) => `source:${source}`,
  status: (status: string) => `status:${status}`,
  notApplied: "Not applied yet",
});

const row: NominationListRow = {
  id: "0b8c1c1e-0000-4000-8000-000000000001",
  studentName: '=HYPERLINK("http://evil")',
  email: "wang.fang@example.org",
  studyLevel: "MASTER",
  period: "S2",
  academicYear: 2026,
  homeCoordinatorName: "Prof. Müller; Dept. 3",
  source: "EWP",
  createdAt: new Date("2026-03-02T09:30:00Z"),
  partner: { name: "Uniwersytet Łódzki", erasmusCode: "PL LODZ01", country: "PL" },
  component: { nameFr: "Faculté des sciences", nameEn: "Faculty of Science" },
  application: null,
};

async function csvOf(locale: "fr" | "en", rows: NominationListRow[]) {
  const header = (key: string) => {
    const [, column] = key.split(".");
    const catalogue = locale === "fr" ? frExports.nominations : enExports.nominations;
    return catalogue[column as keyof typeof catalogue];
  };
  const columns = withHeaders("nominations", nominationExportColumns(labels(locale)), header);
  return new Response(csvStream(columns, [rows], locale === "fr" ? ";" : ",")).text();
}

describe("nominations export columns", () => {
  const specs = nominationExportColumns(labels("en"));

  it("every column has a header in both languages", () => {
    expect(specs.length).toBeGreaterThan(10);
    for (const spec of specs) {
      expect(enExports.nominations, spec.key).toHaveProperty(spec.key);
      expect(frExports.nominations, spec.key).toHaveProperty(spec.key);
    }
  });

  it("reads each cell from the row, typed: the year a number, the recording time a date", () => {
    const cells = Object.fromEntries(specs.map((spec) => [spec.key, spec.value(row)]));
    expect(cells).toMatchObject({
      email: "wang.fang@example.org",
      university: "Uniwersytet Łódzki",
      universityCode: "PL LODZ01",
      faculty: "Faculty of Science",
      level: "level:MASTER",
      period: "period:S2",
      year: 2026,
      source: "source:EWP",
      dossier: "Not applied yet",
    });
    expect(cells.recorded).toBeInstanceOf(Date);
    expect(specs.find((spec) => spec.key === "recorded")?.type).toBe("datetime");
    expect(specs.find((spec) => spec.key === "year")?.type).toBe("number");
  });

  it("names the attached dossier's status, and the faculty in French for a French reader", () => {
    const attached = { ...row, application: { id: row.id, status: "SUBMITTED" as const } };
    const french = nominationExportColumns(labels("fr"));
    const cells = Object.fromEntries(french.map((spec) => [spec.key, spec.value(attached)]));
    expect(cells).toMatchObject({ dossier: "status:SUBMITTED", faculty: "Faculté des sciences" });
  });

  it("French CSV: semicolons, French headers, a formula neutralised, non-Latin text intact", async () => {
    const text = await csvOf("fr", [row]);
    const [header, line] = text.split("\r\n");
    expect(header).toMatch(/^.?Étudiant;Courriel;Université d'origine;Code Erasmus;/);
    expect(line).toContain(`'=HYPERLINK(""http://evil"")`);
    expect(line).toContain("Uniwersytet Łódzki");
    expect(line).toContain('"Prof. Müller; Dept. 3"');
    expect(line).toContain("2026-03-02 10:30");
  });

  it("English CSV: commas and English headers", async () => {
    const [header] = (await csvOf("en", [row])).split("\r\n");
    expect(header).toMatch(/^.?Student,E-mail,Home university,Erasmus code,/);
  });
});

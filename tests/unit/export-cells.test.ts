import { describe, expect, it } from "vitest";
import { queueExportColumns } from "@/lib/applications/export";
import { csvField, csvSeparator, neutraliseFormula } from "@/lib/exports/cells";
import enExports from "@/messages/en/listExports.json";
import frExports from "@/messages/fr/listExports.json";

describe("CSV separator by locale (issue 14)", () => {
  it.each([
    ["fr", ";"],
    ["en", ","],
  ])("%s → %s", (locale, separator) => expect(csvSeparator(locale)).toBe(separator));
});

describe("formula injection neutralised", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+33 6 00", "'+33 6 00"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["Zoé", "Zoé"],
    ["a=b", "a=b"],
  ])("%j → %j", (text, expected) => expect(neutraliseFormula(text)).toBe(expected));
});

describe("CSV fields", () => {
  it.each([
    ["plain", "text", ";", "plain"],
    ["a;b", "text", ";", '"a;b"'],
    ["a;b", "text", ",", "a;b"],
    ["a,b", "text", ",", '"a,b"'],
    ['say "hi"', "text", ",", '"say ""hi"""'],
    ["王芳", "text", ";", "王芳"],
    [-3, "number", ";", "-3"],
    [null, "text", ";", ""],
    [new Date("2026-09-01T00:00:00Z"), "date", ";", "2026-09-01"],
    [new Date("2026-09-01T14:30:00Z"), "datetime", ";", "2026-09-01 14:30"],
  ] as const)("%j (%s, %j) → %j", (value, type, separator, expected) =>
    expect(csvField(value, type, separator)).toBe(expected),
  );
});

describe("export columns", () => {
  const specs = queueExportColumns({
    locale: "en",
    status: (status) => status,
    period: (period) => period,
    level: (level) => level,
    yes: "Yes",
    no: "No",
    anonymised: (reference) => `Anonymised ${reference}`,
  });

  it("every queue column has a header in both languages", () => {
    for (const spec of specs) {
      expect(enExports.queue, spec.key).toHaveProperty(spec.key);
      expect(frExports.queue, spec.key).toHaveProperty(spec.key);
    }
  });

  it("an erased person's dossier is named by its reference, without names", () => {
    const row = {
      id: "abcdef12-0000-0000-0000-000000000000",
      firstName: null,
      lastName: null,
      contactEmail: null,
      status: "ACCEPTED",
      period: null,
      academicYear: 2026,
      frenchWarning: false,
      housingRequested: null,
      lastSubmittedAt: null,
      nationality: null,
      studyLevel: null,
      partner: null,
      component: null,
    } as const;
    const cells = Object.fromEntries(specs.map((spec) => [spec.key, spec.value(row)]));
    expect(cells).toMatchObject({ name: "Anonymised ABCDEF12", lastName: null, year: 2026, housing: null });
  });
});

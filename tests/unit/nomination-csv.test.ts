/** R-ELI-2: one nomination per CSV line, each line's problems named by column, as a table. */
import { describe, expect, it } from "vitest";
import { maxNominationRows, type NominationReferences, parseNominationCsv } from "@/lib/nominations/rules";

const references: NominationReferences = {
  partners: new Map([
    ["d karlsru01", "kit"],
    ["karlsruhe institute of technology", "kit"],
  ]),
  components: new Map([["sciences", "sci"]]),
  existing: new Set(["known@example.org|2027|S1"]),
  years: [2026, 2027],
};
const header = "partner,student_name,email,component,level,period,academic_year,home_coordinator,language";
const valid = "D KARLSRU01,Ada  Lovelace,Ada@Example.org,SCIENCES,Master,s1,2027-2028,Dr. Weber,fr";
const parse = (...lines: string[]) => parseNominationCsv([header, ...lines].join("\r\n"), references);

describe("R-ELI-2: a CSV line of nominations", () => {
  it("reads a valid line, by header name, normalised", () => {
    expect(parse(valid)).toEqual({
      ok: true,
      errors: [],
      rows: [
        {
          partnerId: "kit",
          studentName: "Ada Lovelace",
          email: "ada@example.org",
          componentId: "sci",
          studyLevel: "MASTER",
          period: "S1",
          academicYear: 2027,
          homeCoordinatorName: "Dr. Weber",
          locale: "fr",
        },
      ],
    });
  });

  it.each([
    ["a partner by name", "Karlsruhe Institute of Technology,A B,a@b.org,sciences,master,S2,2027,C,en", []],
    ["no language: English", "D KARLSRU01,A B,a@b.org,sciences,doctorate,full year,2026,C,", []],
    ["an unknown partner", "Nowhere,A B,a@b.org,sciences,master,S1,2027,C,en", [["partner", "partnerUnknown"]]],
    ["an unknown faculty", "D KARLSRU01,A B,a@b.org,law,master,S1,2027,C,en", [["component", "componentUnknown"]]],
    ["a malformed e-mail", "D KARLSRU01,A B,a@b,sciences,master,S1,2027,C,en", [["email", "emailInvalid"]]],
    ["an unknown level", "D KARLSRU01,A B,a@b.org,sciences,high school,S1,2027,C,en", [["level", "levelInvalid"]]],
    ["an unknown period", "D KARLSRU01,A B,a@b.org,sciences,master,S3,2027,C,en", [["period", "periodInvalid"]]],
    ["a year not offered", "D KARLSRU01,A B,a@b.org,sciences,master,S1,2030,C,en", [["academic_year", "yearInvalid"]]],
    [
      "a year span that is not one year",
      "D KARLSRU01,A B,a@b.org,sciences,master,S1,2027-2029,C,en",
      [["academic_year", "yearInvalid"]],
    ],
    ["an unknown language", "D KARLSRU01,A B,a@b.org,sciences,master,S1,2027,C,de", [["language", "languageInvalid"]]],
    [
      "a missing name and coordinator",
      "D KARLSRU01,,a@b.org,sciences,master,S1,2027,,en",
      [
        ["student_name", "required"],
        ["home_coordinator", "required"],
      ],
    ],
    [
      "already nominated",
      "D KARLSRU01,A B,known@example.org,sciences,master,S1,2027,C,en",
      [["email", "alreadyNominated"]],
    ],
  ] as const)("%s", (_label, line, problems) => {
    const result = parse(line);
    expect(result.ok && result.errors.map((error) => [error.column, error.problem])).toEqual(problems);
    if (result.ok) expect(result.errors.every((error) => error.row === 2)).toBe(true);
  });

  it("a second line for the same student, year and period is a duplicate", () => {
    const result = parse(valid, valid);
    expect(result.ok && result.errors).toEqual([{ row: 3, column: "email", problem: "duplicateInFile" }]);
  });

  it.each([
    ["an empty file", "", { ok: false, problem: "empty" }],
    ["a missing column", "partner,email\nX,a@b.org", { ok: false, problem: "missingColumns" }],
    [
      "too many lines",
      [header, ...Array.from({ length: maxNominationRows + 1 }, () => valid)].join("\n"),
      { ok: false, problem: "tooManyRows" },
    ],
  ])("refuses %s as a whole", (_label, text, expected) => {
    expect(parseNominationCsv(text, references)).toMatchObject(expected);
  });
});

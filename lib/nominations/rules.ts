/**
 * Nominations by partner universities (R-ELI-2), read from a CSV file: pure, no I/O. The service
 * gives the reference data (partners, components, nominations already recorded); these functions
 * turn each row into a nomination or into errors named by row and column, so that the preview
 * shows every problem at once and nothing is written while one remains.
 */
import { csvRecords } from "@/lib/csv";
import type { StudyLevel } from "@/lib/generated/prisma/enums";

/** The documented columns, in this order in the template; any order is read (by header name). */
export const nominationCsvColumns = [
  "partner",
  "student_name",
  "email",
  "component",
  "level",
  "period",
  "academic_year",
  "home_coordinator",
  "language",
] as const;
type Column = (typeof nominationCsvColumns)[number];
/** `language` (fr or en, the invitation's language) may be left out: English. */
const requiredColumns = nominationCsvColumns.filter((column) => column !== "language");

/** Large enough for a whole year's nominations at AMU; a bigger file is refused whole. */
export const maxNominationRows = 5_000;

export type NominationPeriod = "S1" | "S2" | "FULL_YEAR";
export type NominationRow = {
  partnerId: string;
  studentName: string;
  email: string;
  componentId: string;
  studyLevel: StudyLevel;
  period: NominationPeriod;
  academicYear: number;
  homeCoordinatorName: string;
  locale: "fr" | "en";
};
export type RowProblem =
  | "required"
  | "partnerUnknown"
  | "componentUnknown"
  | "emailInvalid"
  | "levelInvalid"
  | "periodInvalid"
  | "yearInvalid"
  | "languageInvalid"
  | "duplicateInFile"
  | "alreadyNominated";
/** `row` counts from 2: the header is line 1, as the spreadsheet shows it. */
export type RowError = { row: number; column: Column; problem: RowProblem };
export type FileProblem = "empty" | "tooManyRows" | "missingColumns";

export interface NominationReferences {
  /** Partners by Erasmus code and by name, both lower-cased. */
  partners: Map<string, string>;
  /** Components by code, lower-cased. */
  components: Map<string, string>;
  /** "email|year|period" of the nominations already recorded. */
  existing: Set<string>;
  /** The academic years a nomination may be for (the current and the next). */
  years: number[];
}

const levels: Record<string, StudyLevel> = {
  bachelor: "BACHELOR",
  licence: "BACHELOR",
  master: "MASTER",
  doctorate: "DOCTORATE",
  phd: "DOCTORATE",
  doctorat: "DOCTORATE",
};
const periods: Record<string, NominationPeriod> = {
  s1: "S1",
  "semester 1": "S1",
  s2: "S2",
  "semester 2": "S2",
  full_year: "FULL_YEAR",
  "full year": "FULL_YEAR",
  year: "FULL_YEAR",
};
// The same check as the forms' e-mail fields: one @, a dot in the domain, no spaces.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "2027" or "2027-2028" (the year it starts in, as everywhere in the portal). */
function readYear(value: string): number | null {
  const match = /^(\d{4})(?:\s*[-/]\s*(\d{4}))?$/.exec(value);
  if (!match) return null;
  const start = Number(match[1]);
  if (match[2] && Number(match[2]) !== start + 1) return null;
  return start;
}

export const nominationKey = (row: { email: string; academicYear: number; period: string }) =>
  `${row.email}|${row.academicYear}|${row.period}`;

export type ParsedNominations =
  | { ok: true; rows: NominationRow[]; errors: RowError[] }
  | { ok: false; problem: FileProblem; columns?: string[] };

/** What an EWP file's preview answers: the file refused as a whole, or its nominations read. */
export type EwpPreview =
  | ParsedNominations
  | { ok: false; problem: "ewpNotConfigured" | "ewpUnreadable" | "ewpOtherDocument" }
  | { ok: false; problem: "ewpSchemaInvalid"; schemaErrors: { line: number | null; message: string }[] };

/** Every row of a CSV file read, each either a nomination or its errors. */
export function parseNominationCsv(text: string, references: NominationReferences): ParsedNominations {
  const records = csvRecords(text);
  if (records.length === 0) return { ok: false, problem: "empty" };
  if (records.length > maxNominationRows) return { ok: false, problem: "tooManyRows" };
  const missing = requiredColumns.filter((column) => !(column in records[0]!));
  if (missing.length > 0) return { ok: false, problem: "missingColumns", columns: missing };
  return checkNominationRecords(records, references);
}

/** A nomination as text by column, whatever it was read from (a CSV line, an EWP mobility). */
export type NominationRecord = Partial<Record<Column, string>>;

/**
 * Every record checked, each either a nomination or its errors; `row` is the record's line in
 * a CSV file (from 2, after the header) or its position among an EWP file's mobilities (from 1).
 */
export function checkNominationRecords(
  records: NominationRecord[],
  references: NominationReferences,
  firstRow = 2,
): ParsedNominations {
  if (records.length === 0) return { ok: false, problem: "empty" };
  if (records.length > maxNominationRows) return { ok: false, problem: "tooManyRows" };
  const rows: NominationRow[] = [];
  const errors: RowError[] = [];
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const row = index + firstRow;
    const problems: RowError[] = [];
    const fail = (column: Column, problem: RowProblem) => problems.push({ row, column, problem });
    const value = (column: Column) => (record[column] ?? "").trim();
    for (const column of requiredColumns) if (value(column) === "") fail(column, "required");

    const partnerId = references.partners.get(value("partner").toLowerCase());
    if (value("partner") && !partnerId) fail("partner", "partnerUnknown");
    const componentId = references.components.get(value("component").toLowerCase());
    if (value("component") && !componentId) fail("component", "componentUnknown");
    const email = value("email").toLowerCase();
    if (email && !emailPattern.test(email)) fail("email", "emailInvalid");
    const studyLevel = levels[value("level").toLowerCase()];
    if (value("level") && !studyLevel) fail("level", "levelInvalid");
    const period = periods[value("period").toLowerCase()];
    if (value("period") && !period) fail("period", "periodInvalid");
    const academicYear = readYear(value("academic_year"));
    if (value("academic_year") && (academicYear === null || !references.years.includes(academicYear)))
      fail("academic_year", "yearInvalid");
    const language = value("language").toLowerCase() || "en";
    if (language !== "fr" && language !== "en") fail("language", "languageInvalid");

    if (problems.length === 0) {
      const nomination: NominationRow = {
        partnerId: partnerId!,
        studentName: value("student_name").replace(/\s+/g, " "),
        email,
        componentId: componentId!,
        studyLevel: studyLevel!,
        period: period!,
        academicYear: academicYear!,
        homeCoordinatorName: value("home_coordinator").replace(/\s+/g, " "),
        locale: language as "fr" | "en",
      };
      const key = nominationKey(nomination);
      if (seen.has(key)) fail("email", "duplicateInFile");
      else if (references.existing.has(key)) fail("email", "alreadyNominated");
      seen.add(key);
      if (problems.length === 0) rows.push(nomination);
    }
    errors.push(...problems);
  });
  return { ok: true, rows, errors };
}

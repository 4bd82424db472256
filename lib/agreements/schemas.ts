import { z } from "zod";
import { academicYearBounds } from "@/lib/academic-year";
import { ZAgreementKindCode } from "@/lib/agreements/kinds/schemas";
import { type LevelSeats, levelSeatsOutsideLevels, levelSeatsOverTotal } from "@/lib/agreements/rules";
import { asList, commaList, integerField, isObjectPayload } from "@/lib/form-fields";
import { AgreementStatus, MobilityPeriod, StudyLevel } from "@/lib/generated/prisma/enums";

/**
 * Agreements (R-PAR-1, R-ELI-1, R-ELI-6), shared by the admin form and its actions. Messages
 * are keys of errors.validation.*.
 */

const year = integerField(academicYearBounds.min, academicYearBounds.max, "yearInvalid");

/** The EQF levels an agreement may name (EWP `eqf-level`: 5 short cycle to 8 doctorate). */
export const eqfLevelChoices = [5, 6, 7, 8] as const;

/**
 * A comma-separated list typed in one field, each entry checked by `pattern` (duplicates and
 * blanks dropped); from code, an array of strings is read the same way.
 */
function typedList(pattern: RegExp, message: string, normalise: (entry: string) => string) {
  return z.preprocess(
    (value) => (value === undefined ? "" : Array.isArray(value) ? value.join(",") : value),
    z
      .string({ error: "invalid" })
      .max(1000, "tooLong")
      .transform((list) => commaList(list, normalise))
      .refine((entries) => entries.every((entry) => pattern.test(entry)), message)
      .refine((entries) => entries.length <= 30, "tooMany"),
  );
}

/**
 * Boxes ticked among `allowed`, duplicates dropped. A value outside them is refused on the
 * group itself (not on one item's path), so the error shows next to the boxes.
 */
function choices(allowed: readonly string[]) {
  return z.preprocess(
    asList,
    z
      .array(z.string({ error: "invalid" }), { error: "invalid" })
      .refine((values) => values.every((value) => allowed.includes(value)), "invalid")
      .transform((values) => [...new Set(values)]),
  );
}

/** ISCED-F 2013 codes: the IIA v7 schema asks for four digits (e.g. 0314). */
const ZIscedCodes = typedList(/^\d{4}$/, "iscedInvalid", (entry) => entry);

/** `language:CEFR`, as the import stores EWP's recommended-language-skill (fr:B2, en:C1, es:NS). */
const ZLanguageRequirements = typedList(
  /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*:([ABC][12]|NS)$/,
  "languageRequirementInvalid",
  (entry) => {
    const [language = "", level = ""] = entry.split(":").map((part) => part.trim());
    return entry === "" ? "" : `${language.toLowerCase()}:${level.toUpperCase()}`;
  },
);

/** The languages courses are taught in, ISO 639-1 codes (fr, en), lower-cased. */
const ZInstructionLanguages = typedList(/^[a-z]{2,3}$/, "languageCodeInvalid", (entry) => entry.toLowerCase());

/** An optional number of seats: "" (not split for this level) is null. */
const optionalSeats = z.preprocess(
  (value) => (value === "" || value === undefined ? null : value),
  integerField(0, 10_000, "seatsInvalid").nullable(),
);

/**
 * R-ELI-6: the form's field for each study level's seats per year; a level left empty does not
 * split the agreement's seats.
 */
export const levelSeatFields = {
  BACHELOR: "bachelorSeatsPerYear",
  MASTER: "masterSeatsPerYear",
  DOCTORATE: "doctorateSeatsPerYear",
} as const satisfies Record<StudyLevel, string>;

/** The signing date: a day in a date field, or left empty (not signed yet, or unknown). */
const ZSignedOn = z.preprocess(
  (value) => (value === "" || value === undefined ? null : value),
  z.iso
    .date({ error: "dateInvalid" })
    .transform((day) => new Date(`${day}T00:00:00Z`))
    .nullable(),
);

const agreementFields = {
  partnerId: z.uuid({ error: "required" }),
  kind: ZAgreementKindCode,
  componentIds: z.preprocess(
    asList,
    z
      .array(z.uuid({ error: "invalid" }), { error: "invalid" })
      .min(1, "chooseAtLeastOne")
      .max(50, "tooMany")
      .transform((ids) => [...new Set(ids)]),
  ),
  studyLevels: z.preprocess(
    asList,
    z
      .array(z.enum(StudyLevel, { error: "invalid" }), { error: "invalid" })
      .min(1, "chooseAtLeastOne")
      .transform((levels) => [...new Set(levels)]),
  ),
  firstAcademicYear: year,
  lastAcademicYear: year,
  incomingSeatsPerYear: integerField(0, 10_000, "seatsInvalid"),
  // Code that omits it records a signed agreement, as the column's default; the form always sends it.
  status: z
    .enum(AgreementStatus, { error: (issue) => (issue.input === "" ? "required" : "invalid") })
    .default("SIGNED"),
  eqfLevels: choices(eqfLevelChoices.map(String)).transform((levels) => levels.map(Number).sort((a, b) => a - b)),
  iscedCodes: ZIscedCodes,
  languageRequirements: ZLanguageRequirements,
  instructionLanguages: ZInstructionLanguages,
  bachelorSeatsPerYear: optionalSeats,
  masterSeatsPerYear: optionalSeats,
  doctorateSeatsPerYear: optionalSeats,
  periods: choices(Object.values(MobilityPeriod)).transform((periods) => periods as MobilityPeriod[]),
  signedOn: ZSignedOn,
};

/**
 * The first academic year comes before the last. Checked even when another field is wrong
 * (`when`), so that every error shows at once; hence the type guards.
 */
function yearsInOrder(input: { firstAcademicYear: unknown; lastAcademicYear: unknown }) {
  const { firstAcademicYear: first, lastAcademicYear: last } = input;
  return !(typeof first === "number" && typeof last === "number" && first > last);
}
const yearsInOrderIssue = { message: "yearOrder", path: ["lastAcademicYear"], when: isObjectPayload };

/** The seats per level, as the rules read them (a level left empty is not split). */
export function levelSeatsOf(input: Record<string, unknown>): LevelSeats[] {
  return Object.entries(levelSeatFields).flatMap(([level, field]) => {
    const seats = input[field];
    return typeof seats === "number" ? [{ level: level as StudyLevel, seatsPerYear: seats }] : [];
  });
}

/** The fields every cross-field check reads, as code or a form sends them. */
type CrossInput = z.output<z.ZodObject<typeof agreementFields>>;

/** R-ELI-6: a level's seats only for a level the agreement covers, shown on that level's field. */
function levelSeatsCovered(level: StudyLevel) {
  return {
    check: (input: CrossInput) =>
      !Array.isArray(input.studyLevels) ||
      !levelSeatsOutsideLevels(levelSeatsOf(input), input.studyLevels).includes(level),
    issue: { message: "levelSeatsNotCovered", path: [levelSeatFields[level]], when: isObjectPayload },
  };
}

/** R-ELI-6: together, the levels' seats are no more than the agreement's seats per year. */
const levelSeatsWithinTotal = (input: CrossInput) =>
  typeof input.incomingSeatsPerYear !== "number" ||
  !levelSeatsOverTotal(levelSeatsOf(input), input.incomingSeatsPerYear);

/**
 * Every check across fields, on the creation and the edit alike. They run even when another
 * field is wrong (`when`), so that every error shows at once: hence the type guards, since a
 * field that failed its own check may hold anything.
 */
function withCrossChecks<T extends z.ZodObject<typeof agreementFields>>(schema: T) {
  const covered = (level: StudyLevel) => {
    const { check, issue } = levelSeatsCovered(level);
    return [(input: z.output<T>) => check(input as CrossInput), issue] as const;
  };
  return schema
    .refine((input) => yearsInOrder(input as CrossInput), yearsInOrderIssue)
    .refine((input) => levelSeatsWithinTotal(input as CrossInput), {
      message: "levelSeatsOverTotal",
      path: ["incomingSeatsPerYear"],
      when: isObjectPayload,
    })
    .refine(...covered("BACHELOR"))
    .refine(...covered("MASTER"))
    .refine(...covered("DOCTORATE"));
}

export const ZCreateAgreement = withCrossChecks(z.strictObject(agreementFields));
export type TCreateAgreement = z.output<typeof ZCreateAgreement>;

export const ZUpdateAgreement = withCrossChecks(
  z.strictObject({ id: z.uuid({ error: "required" }), ...agreementFields }),
);
export type TUpdateAgreement = z.output<typeof ZUpdateAgreement>;

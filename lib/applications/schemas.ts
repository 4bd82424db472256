import { z } from "zod";
import { applicationYears } from "@/lib/academic-year";
import { ZEmail } from "@/lib/auth/schemas";
import { isoDateField } from "@/lib/form-fields";
import { isCountryCode } from "@/lib/i18n/countries";
import { withoutControlCharacters } from "@/lib/security/control-characters";

/**
 * One schema per step of the application form (each step is saved as a draft on its own),
 * shared by the forms and the actions. Messages are keys of errors.validation.*.
 * Form fields arrive as strings; empty optional fields arrive as "".
 */

const text = (max: number) => z.string({ error: "required" }).trim().min(1, "required").max(max, "tooLong");
const optionalText = (max: number) =>
  z
    .string({ error: "invalid" })
    .trim()
    .max(max, "tooLong")
    .transform((value) => value || null);
const country = z.string({ error: "required" }).trim().toUpperCase().refine(isCountryCode, "countryInvalid");
const uuid = z.uuid({ error: "required" });
const isoDate = isoDateField;

function yearsBefore(date: Date, years: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear() - years, date.getUTCMonth(), date.getUTCDate()));
}

export const ZIdentityStep = z.strictObject({
  firstName: text(100),
  lastName: text(100),
  dateOfBirth: isoDate.refine(
    (date) => date <= yearsBefore(new Date(), 15) && date >= yearsBefore(new Date(), 100),
    "dateOfBirthInvalid",
  ),
  nationality: country,
  contactEmail: ZEmail,
  // Digits, spaces and the usual separators; an international prefix is expected but not forced.
  phone: z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .regex(/^\+?[0-9 ().-]{6,24}$/, "phoneInvalid"),
  addressLine: text(200),
  postalCode: optionalText(20),
  city: text(100),
  country,
});
export type TIdentityStep = z.output<typeof ZIdentityStep>;

/** R-ELI-1, R-ELI-2: the home university and who nominated the student, when. */
export const ZHomeStep = z.strictObject({
  partnerId: uuid,
  homeCoordinatorName: text(120),
  homeCoordinatorEmail: ZEmail,
  nominatedBy: text(120),
  nominatedOn: isoDate.refine(
    (date) => date <= new Date() && date >= yearsBefore(new Date(), 3),
    "nominationDateInvalid",
  ),
});
export type THomeStep = z.output<typeof ZHomeStep>;

export const ZPlannedCourse = z.strictObject({
  title: text(200),
  ects: z.coerce.number({ error: "ectsInvalid" }).int("ectsInvalid").min(1, "ectsInvalid").max(30, "ectsInvalid"),
  semester: z.enum(["S1", "S2"], { error: "required" }),
});
export const ZPlannedCourses = z.array(ZPlannedCourse).min(1, "coursesRequired").max(20, "tooMany");
export type TPlannedCourse = z.output<typeof ZPlannedCourse>;

/** The course rows of the form come as parallel lists (courseTitle, courseEcts, courseSemester). */
function courseRows(input: Record<string, unknown>) {
  const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  const titles = list(input.courseTitle);
  const ects = list(input.courseEcts);
  const semesters = list(input.courseSemester);
  return titles
    .map((title, index) => ({ title, ects: ects[index], semester: semesters[index] }))
    .filter((row) => !(row.title === "" && (row.ects === "" || row.ects === undefined)));
}

/** R-ELI-4, R-ELI-5: where, what, when; planned courses with their credits. */
export const ZStudyStep = z.preprocess(
  (input) => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
    const { courseTitle: _t, courseEcts: _e, courseSemester: _s, ...rest } = input as Record<string, unknown>;
    return "plannedCourses" in rest ? rest : { ...rest, plannedCourses: courseRows(input as Record<string, unknown>) };
  },
  z.strictObject({
    componentId: uuid,
    programmeId: z.union([z.literal("").transform(() => null), z.uuid({ error: "invalid" })]).default(null),
    studyLevel: z.enum(["BACHELOR", "MASTER", "DOCTORATE"], { error: "required" }),
    period: z.enum(["S1", "S2", "FULL_YEAR"], { error: "required" }),
    academicYear: z.coerce
      .number({ error: "required" })
      .int("required")
      // R-SEC-7: read at each parse, not at start-up, so a server running in September moves on.
      .refine((year) => applicationYears(new Date()).includes(year), "academicYearInvalid"),
    plannedCourses: ZPlannedCourses,
  }),
);
export type TStudyStep = z.output<typeof ZStudyStep>;

const cefr = z
  .enum(["A1", "A2", "B1", "B2", "C1", "C2", "UNKNOWN"], { error: "required" })
  .transform((level) => (level === "UNKNOWN" ? null : level));

/** R-ELI-3: levels are declared; "I don't know" is a valid answer (and raises the warning). */
export const ZLanguagesStep = z.strictObject({ frenchLevel: cefr, englishLevel: cefr });
export type TLanguagesStep = z.output<typeof ZLanguagesStep>;

/** R-HOU-1, R-HOU-2: a request, not a booking. */
export const ZHousingStep = z
  .strictObject({
    housingRequested: z.enum(["yes", "no"], { error: "required" }).transform((answer) => answer === "yes"),
    housingCity: z.enum(["AIX", "MARSEILLE", "NO_PREFERENCE", ""], { error: "required" }).default(""),
    housingNeeds: optionalText(1000).default(null),
  })
  .superRefine((input, context) => {
    if (input.housingRequested && input.housingCity === "") {
      context.addIssue({ code: "custom", path: ["housingCity"], message: "required" });
    }
  })
  .transform((input) => ({
    housingRequested: input.housingRequested,
    housingCity: input.housingRequested ? (input.housingCity as "AIX" | "MARSEILLE" | "NO_PREFERENCE") : null,
    housingNeeds: input.housingRequested ? input.housingNeeds : null,
  }));
export type THousingStep = z.output<typeof ZHousingStep>;

export const applicationSteps = ["identity", "home", "study", "languages", "housing", "documents", "submit"] as const;
export type ApplicationStep = (typeof applicationSteps)[number];

// ---------------------------------------------------------------------------------------------
// Student moves and reviewer decisions

export const ZNoInput = z.strictObject({});

export const ZDecision = z.discriminatedUnion("decision", [
  z.strictObject({
    applicationId: uuid,
    expectedStatus: z.enum(["SUBMITTED", "UNDER_REVIEW"]),
    decision: z.literal("startReview"),
  }),
  z.strictObject({
    applicationId: uuid,
    expectedStatus: z.enum(["SUBMITTED", "UNDER_REVIEW"]),
    decision: z.literal("requestChanges"),
    message: text(4000),
  }),
  z.strictObject({
    applicationId: uuid,
    expectedStatus: z.enum(["SUBMITTED", "UNDER_REVIEW"]),
    decision: z.literal("accept"),
    message: optionalText(4000).default(null),
  }),
  z.strictObject({
    applicationId: uuid,
    expectedStatus: z.enum(["SUBMITTED", "UNDER_REVIEW"]),
    decision: z.literal("reject"),
    message: text(4000),
  }),
]);
export type TDecision = z.output<typeof ZDecision>;

export const ZInternalComment = z.strictObject({ applicationId: uuid, body: text(4000) });

// ---------------------------------------------------------------------------------------------
// The reviewers' queue (GET parameters: lenient, an unknown value is ignored)

const optionalEnum = <T extends string>(values: readonly [T, ...T[]]) => z.enum(values).optional().catch(undefined);

export const ZQueueQuery = z.object({
  status: optionalEnum(["SUBMITTED", "UNDER_REVIEW", "CHANGES_REQUESTED", "ACCEPTED", "REJECTED", "WITHDRAWN"]),
  period: optionalEnum(["S1", "S2", "FULL_YEAR"]),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  partner: z.uuid().optional().catch(undefined),
  french: optionalEnum(["below"]),
  housing: optionalEnum(["yes", "no"]),
  /** Nationality inside or outside Europe (the visa-exempt list, data an admin keeps). */
  origin: optionalEnum(["europe", "outsideEurope"]),
  // R-SEC-6: a NUL would reach PostgreSQL; such a search or cursor reads as none.
  q: z.string().trim().max(100).refine(withoutControlCharacters).optional().catch(undefined),
  sort: optionalEnum(["recent", "oldest", "name"]),
  after: z.string().max(200).refine(withoutControlCharacters).optional().catch(undefined),
});
export type TQueueQuery = z.output<typeof ZQueueQuery>;

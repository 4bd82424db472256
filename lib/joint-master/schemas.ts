import { z } from "zod";

/**
 * The consortium and the cohort as data (issue 18): universities, seats per semester, the
 * programme's numeric rules and the scholarship tracks are configuration, not literals, so
 * the same allocation serves another intake or another joint master.
 */

const ZCode = z.string().trim().min(1).max(20);

export const ZUniversity = z.strictObject({
  code: ZCode,
  name: z.string().trim().min(1).max(120),
  /** ISO 3166-1 alpha-2, the country visited (R-MOB-2). */
  country: z.string().trim().length(2).toUpperCase(),
});

/** A semester a university opens to the intake: its seats (null: no cap) and its ECTS of courses. */
export const ZOffer = z.strictObject({
  semester: z.union([z.literal(2), z.literal(3)]),
  university: ZCode,
  seats: z.number().int().min(0).max(100_000).nullable(),
  ects: z.number().int().min(0).max(120),
});

/** A scholarship whose holders follow a fixed path (R-MOB-5: AMU TIGER, Marseille – Karlsruhe – Marseille). */
export const ZTrack = z.strictObject({
  scholarship: ZCode,
  semester2: ZCode,
  semester3: ZCode,
  /** Whether the track's holders take one of the partners' seats (the seed says they are apart from them). */
  usesSeats: z.boolean(),
});

export const ZConsortium = z.strictObject({
  universities: z.array(ZUniversity).min(1).max(50),
  /** Where every student spends semester 1 (the coordinating university). */
  firstSemester: ZCode,
  firstSemesterEcts: z.number().int().min(0).max(120),
  offers: z.array(ZOffer).max(200),
  /** R-MOB-1 */
  minUniversities: z.number().int().min(1).max(3),
  minEcts: z.number().int().min(0).max(120),
  /** R-MOB-2 */
  minForeignCountries: z.number().int().min(0).max(3),
  /** R-MOB-3: semester 2 balance between two universities, ± tolerance. Null: no balance rule. */
  balance: z.strictObject({ first: ZCode, second: ZCode, tolerance: z.number().int().min(0).max(1000) }).nullable(),
  tracks: z.array(ZTrack).max(20),
});

export const ZWish = z.strictObject({ semester2: ZCode, semester3: ZCode });

export const ZCohortStudent = z.strictObject({
  /** The student's number: unique in the intake, and the declared tie-break of equal rankings (R-MOB-7). */
  id: ZCode.max(64),
  lastDegreeCountry: z.string().trim().length(2).toUpperCase(),
  scholarship: ZCode.nullable(),
  /** Semester 1 ranking, 1 = best; ties are allowed and broken by `id` (R-MOB-7). */
  ranking: z.number().int().min(1).max(1_000_000),
  /** Ranked best first; the same path twice is refused (a duplicate rank). */
  wishes: z
    .array(ZWish)
    .max(20)
    .refine((wishes) => new Set(wishes.map((wish) => `${wish.semester2}/${wish.semester3}`)).size === wishes.length, {
      message: "duplicateWish",
    }),
});

/** A path the coordinator fixed for a student before a run (audited, shown in the explanation). */
export const ZOverride = z.strictObject({ studentId: ZCode.max(64), semester2: ZCode, semester3: ZCode });

export const ZAllocationInput = z
  .strictObject({
    consortium: ZConsortium,
    students: z.array(ZCohortStudent).max(5_000),
    overrides: z.array(ZOverride).max(5_000),
  })
  .refine((input) => new Set(input.students.map((student) => student.id)).size === input.students.length, {
    message: "duplicateStudent",
  });

export type TUniversity = z.infer<typeof ZUniversity>;
export type TOffer = z.infer<typeof ZOffer>;
export type TTrack = z.infer<typeof ZTrack>;
export type TConsortium = z.infer<typeof ZConsortium>;
export type TWish = z.infer<typeof ZWish>;
export type TCohortStudent = z.infer<typeof ZCohortStudent>;
export type TOverride = z.infer<typeof ZOverride>;
export type TAllocationInput = z.infer<typeof ZAllocationInput>;

// The coordinator's and the students' forms (fields arrive as strings; messages are keys of
// errors.validation.*).

const id = z.uuid({ error: "required" });
const universityField = z.string({ error: "required" }).trim().toUpperCase().min(1, "required").max(20, "tooLong");

export const ZCreateIntake = z.strictObject({
  name: z.string({ error: "required" }).trim().min(1, "required").max(120, "tooLong"),
});

export const ZImportStudents = z.strictObject({
  intakeId: id,
  csv: z.string({ error: "required" }).min(1, "required").max(2_000_000, "tooLong"),
});

/** One row of the import, after the CSV columns are read. */
export const ZImportedStudent = z.strictObject({
  studentNumber: z.string().trim().min(1, "required").max(64, "tooLong"),
  name: z.string().trim().min(1, "required").max(200, "tooLong"),
  email: z.email("emailInvalid").trim().toLowerCase().max(254, "tooLong"),
  lastDegreeCountry: z.string().trim().toUpperCase().length(2, "countryInvalid"),
  scholarship: z
    .string()
    .trim()
    .toUpperCase()
    .max(20, "tooLong")
    .transform((value) => value || null),
  ranking: z.coerce.number({ error: "invalid" }).int("invalid").min(1, "invalid").max(1_000_000, "invalid"),
  wishes: z.array(ZWish).max(20, "tooMany"),
  thesisUniversity: z
    .string()
    .trim()
    .toUpperCase()
    .max(20, "tooLong")
    .transform((value) => value || null),
});

export const ZSetSeats = z.strictObject({
  intakeId: id,
  semester: z.coerce.number().pipe(z.union([z.literal(2), z.literal(3)])),
  university: universityField,
  /** Empty: no cap. */
  seats: z
    .string()
    .trim()
    .transform((value) => (value === "" ? null : Number(value)))
    .refine((value) => value === null || (Number.isInteger(value) && value >= 0 && value <= 10_000), "seatsInvalid"),
});

export const ZFixStudentPath = z.strictObject({
  studentId: id,
  semester2: universityField,
  semester3: universityField,
});
export const ZStudentRef = z.strictObject({ studentId: id });
export const ZIntakeRef = z.strictObject({ intakeId: id });
export const ZRunRef = z.strictObject({ runId: id });

const wishSlot = z.string({ error: "invalid" }).trim().toUpperCase().max(20, "tooLong").default("");

/**
 * A student's ranked wishes from their form: three pairs of selects (wish1Semester2, …); empty
 * pairs are dropped, each kept wish remembers its slot so a refusal lands on its field.
 */
export const ZSaveWishes = z
  .strictObject({
    wish1Semester2: wishSlot,
    wish1Semester3: wishSlot,
    wish2Semester2: wishSlot,
    wish2Semester3: wishSlot,
    wish3Semester2: wishSlot,
    wish3Semester3: wishSlot,
    thesisUniversity: wishSlot,
    thesisSubject: z.string({ error: "invalid" }).trim().max(500, "tooLong").default(""),
  })
  .transform((form) => ({
    wishes: ([1, 2, 3] as const)
      .map((slot) => ({
        slot,
        semester2: form[`wish${slot}Semester2`],
        semester3: form[`wish${slot}Semester3`],
      }))
      .filter((wish) => wish.semester2 !== "" || wish.semester3 !== ""),
    thesisUniversity: form.thesisUniversity || null,
    thesisSubject: form.thesisSubject || null,
  }));

export type TImportedStudent = z.infer<typeof ZImportedStudent>;
export type TSaveWishes = z.output<typeof ZSaveWishes>;

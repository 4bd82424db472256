import { z } from "zod";
import { academicYearBounds } from "@/lib/academic-year";
import { integerField } from "@/lib/form-fields";
import { ResidenceCity, Semester } from "@/lib/generated/prisma/enums";

/**
 * Residences and their rooms per semester (R-HOU-1), shared by the admin forms and their
 * actions. Messages are keys of errors.validation.*; form fields arrive as strings.
 */

const id = z.uuid({ error: "required" });

/** Spaces collapsed, so that one name is stored one way (it is unique). */
const ZName = z
  .string({ error: "required" })
  .transform((name) => name.trim().replace(/\s+/g, " "))
  .pipe(z.string().min(1, "required").max(200, "tooLong"));

/** Optional: an empty field is none. */
const ZAddress = z
  .string({ error: "invalid" })
  .transform((address) => address.trim().replace(/\s+/g, " "))
  .pipe(z.string().max(300, "tooLong"))
  .transform((address) => address || null);

const residenceFields = {
  name: ZName,
  city: z.enum(ResidenceCity, { error: "required" }),
  address: ZAddress.default(null),
};

export const ZCreateResidence = z.strictObject(residenceFields);
export type TCreateResidence = z.output<typeof ZCreateResidence>;

export const ZUpdateResidence = z.strictObject({ id, ...residenceFields });
export type TUpdateResidence = z.output<typeof ZUpdateResidence>;

// ---------------------------------------------------------------------------------------------
// Rooms per academic year and semester

/** More rooms than any CROUS residence has: a typo guard, not a rule. */
export const maxRooms = 5_000;

/** At most this many (year, semester) rows are saved at once (the form shows four). */
export const maxCapacityRows = 8;

const ZCapacityRow = z.strictObject({
  academicYear: integerField(academicYearBounds.min, academicYearBounds.max, "yearInvalid"),
  semester: z.enum(Semester, { error: "required" }),
  rooms: integerField(0, maxRooms, "roomsInvalid"),
});

const capacityKey = /^capacities\.(\d)\.(academicYear|semester|rooms)$/;

/**
 * The form names its inputs by their path (`capacities.0.rooms`), so that an issue's path is
 * the input's name and the error shows next to it. This turns those names into the list;
 * any other key is left as it is, and the strict object refuses it.
 */
function collectCapacityRows(input: unknown): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input) || "capacities" in input) return input;
  const rest: Record<string, unknown> = {};
  const rows: Record<string, unknown>[] = [];
  for (const [key, value] of Object.entries(input)) {
    const match = capacityKey.exec(key);
    if (match) {
      const index = Number(match[1]);
      const row = rows[index] ?? {};
      rows[index] = row;
      row[match[2]!] = value;
    } else rest[key] = value;
  }
  return rows.length > 0 ? { ...rest, capacities: Array.from(rows, (row) => row ?? {}) } : rest;
}

export const ZSetCapacities = z.preprocess(
  collectCapacityRows,
  z
    .strictObject({
      residenceId: id,
      capacities: z.array(ZCapacityRow, { error: "required" }).min(1, "required").max(maxCapacityRows, "tooMany"),
    })
    .superRefine((input, context) => {
      // One row per academic year and semester: two rows for one would contradict each other.
      const seen = new Set<string>();
      input.capacities.forEach((row, index) => {
        const key = `${row.academicYear}-${row.semester}`;
        if (seen.has(key))
          context.addIssue({ code: "custom", message: "capacityDuplicate", path: ["capacities", index, "rooms"] });
        seen.add(key);
      });
    }),
);
export type TSetCapacities = z.output<typeof ZSetCapacities>;

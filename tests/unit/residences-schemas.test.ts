/**
 * Residences, their rooms per semester (R-HOU-1) and the housing release rounds (R-HOU-3):
 * the schemas shared by the admin forms and their actions, and the pure rules behind them,
 * as tables.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  canEditRound,
  defaultReleaseDay,
  nextMissingRound,
  releaseDateFromDay,
  releaseDateInRange,
  releaseDay,
} from "@/lib/housing/rounds/rules";
import { ZCreateHousingRound, ZUpdateHousingRound } from "@/lib/housing/rounds/schemas";
import { capacityYears, roomsCoverAccepted } from "@/lib/residences/rules";
import { ZCreateResidence, ZSetCapacities, ZUpdateResidence } from "@/lib/residences/schemas";

type Row = [label: string, input: Record<string, unknown>, field: string, message: string];

/** The message (a key of errors.validation.*) the schema gives on `field`, or undefined when it accepts the input. */
function messageOn(schema: z.ZodType, input: unknown, field: string): string | undefined {
  const result = schema.safeParse(input);
  if (result.success) return undefined;
  return (
    result.error.issues.find((issue) => issue.path.join(".") === field)?.message ??
    `no issue on ${field}: ${JSON.stringify(result.error.issues)}`
  );
}

function refusesUnknownKeys(schema: z.ZodType, valid: Record<string, unknown>) {
  const result = schema.safeParse({ ...valid, createdAt: "2020-01-01" });
  expect(result.success).toBe(false);
  expect(result.error!.issues.map((issue) => issue.code)).toContain("unrecognized_keys");
}

const id = randomUUID();

// ---------------------------------------------------------------------------------------------

describe("residences (R-HOU-1)", () => {
  // As a form sends it: every value a string.
  const valid = {
    name: "  Résidence   Les Gazelles ",
    city: "AIX",
    address: " Avenue Jules Ferry,  13100 Aix-en-Provence ",
  };

  it("accepts a valid residence and normalises its spaces", () => {
    expect(ZCreateResidence.parse(valid)).toEqual({
      name: "Résidence Les Gazelles",
      city: "AIX",
      address: "Avenue Jules Ferry, 13100 Aix-en-Provence",
    });
  });

  it("takes an empty or missing address as none", () => {
    expect(ZCreateResidence.parse({ ...valid, address: "  " }).address).toBeNull();
    expect(ZCreateResidence.parse({ name: "Résidence Luminy", city: "MARSEILLE" }).address).toBeNull();
  });

  it.each<Row>([
    ["a missing name", { ...valid, name: "   " }, "name", "required"],
    ["no name at all", { city: "AIX" }, "name", "required"],
    ["a name of 201 characters", { ...valid, name: "x".repeat(201) }, "name", "tooLong"],
    ["a missing city", { ...valid, city: "" }, "city", "required"],
    ["a city that is not Aix-en-Provence or Marseille", { ...valid, city: "NICE" }, "city", "required"],
    ["no preference as a residence's city", { ...valid, city: "NO_PREFERENCE" }, "city", "required"],
    ["an address of 301 characters", { ...valid, address: "x".repeat(301) }, "address", "tooLong"],
  ])("refuses %s", (_label, input, field, message) => {
    expect(messageOn(ZCreateResidence, input, field)).toBe(message);
  });

  it("refuses unknown keys (no id or date set through the form)", () => {
    refusesUnknownKeys(ZCreateResidence, valid);
    refusesUnknownKeys(ZUpdateResidence, { ...valid, id });
  });

  it("needs the id of the residence to edit", () => {
    expect(messageOn(ZUpdateResidence, valid, "id")).toBe("required");
    expect(messageOn(ZUpdateResidence, { ...valid, id: "42" }, "id")).toBe("required");
    expect(ZUpdateResidence.parse({ ...valid, id }).id).toBe(id);
  });
});

// ---------------------------------------------------------------------------------------------

describe("rooms per academic year and semester (R-HOU-1)", () => {
  // As the form sends it: inputs named by their path.
  const form = {
    residenceId: id,
    "capacities.0.academicYear": "2026",
    "capacities.0.semester": "S1",
    "capacities.0.rooms": "12",
    "capacities.1.academicYear": "2026",
    "capacities.1.semester": "S2",
    "capacities.1.rooms": "0",
  };

  it("turns the form's named inputs into the list of rows, as numbers", () => {
    expect(ZSetCapacities.parse(form)).toEqual({
      residenceId: id,
      capacities: [
        { academicYear: 2026, semester: "S1", rooms: 12 },
        { academicYear: 2026, semester: "S2", rooms: 0 },
      ],
    });
  });

  it("accepts the list as code sends it", () => {
    const input = { residenceId: id, capacities: [{ academicYear: 2027, semester: "S2", rooms: 3 }] };
    expect(ZSetCapacities.parse(input)).toEqual(input);
  });

  it.each<Row>([
    ["negative rooms", { ...form, "capacities.1.rooms": "-1" }, "capacities.1.rooms", "roomsInvalid"],
    ["rooms with decimals", { ...form, "capacities.0.rooms": "2.5" }, "capacities.0.rooms", "roomsInvalid"],
    ["rooms that are not a number", { ...form, "capacities.0.rooms": "twelve" }, "capacities.0.rooms", "roomsInvalid"],
    ["more than 5,000 rooms", { ...form, "capacities.0.rooms": "5001" }, "capacities.0.rooms", "roomsInvalid"],
    ["empty rooms", { ...form, "capacities.1.rooms": "" }, "capacities.1.rooms", "required"],
    ["an unknown semester", { ...form, "capacities.0.semester": "S3" }, "capacities.0.semester", "required"],
    [
      "a year before 2000",
      { ...form, "capacities.0.academicYear": "1999" },
      "capacities.0.academicYear",
      "yearInvalid",
    ],
    [
      "a row without its year (a gap in the numbering)",
      { residenceId: id, "capacities.1.semester": "S1", "capacities.1.rooms": "2" },
      "capacities.0.academicYear",
      "required",
    ],
    [
      "the same year and semester twice",
      { ...form, "capacities.1.semester": "S1" },
      "capacities.1.rooms",
      "capacityDuplicate",
    ],
    ["no row at all", { residenceId: id }, "capacities", "required"],
    ["an empty list", { residenceId: id, capacities: [] }, "capacities", "required"],
    [
      "nine rows",
      {
        residenceId: id,
        capacities: Array.from({ length: 9 }, (_, index) => ({ academicYear: 2020 + index, semester: "S1", rooms: 1 })),
      },
      "capacities",
      "tooMany",
    ],
    ["a missing residence", { ...form, residenceId: "" }, "residenceId", "required"],
  ])("refuses %s", (_label, input, field, message) => {
    expect(messageOn(ZSetCapacities, input, field)).toBe(message);
  });

  it.each([
    ["an unknown key", { ...form, createdAt: "2020-01-01" }],
    ["an unknown field of a row", { ...form, "capacities.0.residenceId": id }],
    ["a row number of two digits", { ...form, "capacities.10.rooms": "1" }],
    ["a prototype key", { ...form, "capacities.0.__proto__": "x" }],
    [
      "an unknown field in a row sent by code",
      { residenceId: id, capacities: [{ academicYear: 2026, semester: "S1", rooms: 1, id }] },
    ],
  ])("refuses %s", (_label, input) => {
    const result = ZSetCapacities.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.code)).toContain("unrecognized_keys");
  });

  it.each([
    [0, 0, true],
    [5, 5, true],
    [6, 5, true],
    [4, 5, false],
    [0, 1, false],
  ])("R-HOU-1: %i rooms cover %i accepted requests: %s", (rooms, accepted, covered) => {
    expect(roomsCoverAccepted(rooms, accepted)).toBe(covered);
  });

  it.each([
    ["31 August 2026, 23:00 in Paris", "2026-08-31T21:00:00Z", [2025, 2026]],
    ["1 September 2026, 00:30 in Paris", "2026-08-31T22:30:00Z", [2026, 2027]],
    ["1 January 2027", "2027-01-01T12:00:00Z", [2026, 2027]],
  ])("the rooms set on %s are those of the current and the next academic year", (_label, now, years) => {
    expect(capacityYears(new Date(now))).toEqual(years);
  });
});

// ---------------------------------------------------------------------------------------------

describe("housing release rounds (R-HOU-3)", () => {
  const valid = { academicYear: "2026", semester: "S1", releaseAt: "2026-07-03", policy: "RANKING" };

  it("accepts a round and stores its release day at noon UTC (the same day in Paris)", () => {
    expect(ZCreateHousingRound.parse(valid)).toEqual({
      academicYear: 2026,
      semester: "S1",
      releaseAt: new Date("2026-07-03T12:00:00Z"),
      policy: "RANKING",
    });
  });

  it("takes an empty or missing release date as the default one (decided by the service)", () => {
    expect(ZCreateHousingRound.parse({ ...valid, releaseAt: "" }).releaseAt).toBeNull();
    expect(
      ZCreateHousingRound.parse({ academicYear: 2026, semester: "S2", policy: "FIRST_COME" }).releaseAt,
    ).toBeNull();
  });

  it.each<Row>([
    ["a missing year", { ...valid, academicYear: "" }, "academicYear", "required"],
    ["a year written as 2026-2027", { ...valid, academicYear: "2026-2027" }, "academicYear", "yearInvalid"],
    ["a year after 2100", { ...valid, academicYear: "2101" }, "academicYear", "yearInvalid"],
    ["a missing semester", { ...valid, semester: "" }, "semester", "required"],
    ["the whole year as a semester", { ...valid, semester: "FULL_YEAR" }, "semester", "required"],
    ["a missing policy", { ...valid, policy: "" }, "policy", "required"],
    ["an unknown policy", { ...valid, policy: "LOTTERY" }, "policy", "required"],
    ["a date that does not exist", { ...valid, releaseAt: "2026-02-30" }, "releaseAt", "dateInvalid"],
    ["a date written the French way", { ...valid, releaseAt: "01/07/2026" }, "releaseAt", "dateInvalid"],
    [
      "a date before the academic year's first calendar year",
      { ...valid, releaseAt: "2025-12-31" },
      "releaseAt",
      "releaseDateRange",
    ],
    [
      "a date after June of its second calendar year",
      { ...valid, releaseAt: "2027-07-01" },
      "releaseAt",
      "releaseDateRange",
    ],
  ])("refuses %s", (_label, input, field, message) => {
    expect(messageOn(ZCreateHousingRound, input, field)).toBe(message);
  });

  it("checks the date's range even when another field is wrong (every error at once)", () => {
    const result = ZCreateHousingRound.safeParse({ ...valid, policy: "", releaseAt: "2030-01-01" });
    expect(result.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["policy", "required"],
      ["releaseAt", "releaseDateRange"],
    ]);
  });

  it("edits only the date and the policy: the year and semester name the round", () => {
    expect(ZUpdateHousingRound.parse({ id, releaseAt: "2026-12-04", policy: "FIRST_COME" })).toEqual({
      id,
      releaseAt: new Date("2026-12-04T12:00:00Z"),
      policy: "FIRST_COME",
    });
    refusesUnknownKeys(ZUpdateHousingRound, { id, releaseAt: "", policy: "FIRST_COME" });
    expect(
      ZUpdateHousingRound.safeParse({ id, releaseAt: "", policy: "FIRST_COME", academicYear: "2027" }).success,
    ).toBe(false);
    expect(messageOn(ZUpdateHousingRound, { releaseAt: "", policy: "FIRST_COME" }, "id")).toBe("required");
    refusesUnknownKeys(ZCreateHousingRound, valid);
  });

  it.each([
    ["2026-07-01", "2026-07-01T12:00:00.000Z"],
    ["2024-02-29", "2024-02-29T12:00:00.000Z"],
    ["2026-02-29", null],
    ["2026-13-01", null],
    ["2026-7-1", null],
    ["", null],
  ])("a release day %j is stored as %s", (day, stored) => {
    expect(releaseDateFromDay(day)?.toISOString() ?? null).toBe(stored);
  });

  it.each([
    [2026, "S1", "2026-07-01"],
    [2026, "S2", "2026-12-01"],
    [2031, "S1", "2031-07-01"],
  ] as const)(
    "R-HOU-3: the default release day of %i %s is %s (July for S1, December for S2)",
    (year, semester, day) => {
      expect(defaultReleaseDay(year, semester)).toBe(day);
    },
  );

  it("shows a release date as the day it falls on in Paris", () => {
    expect(releaseDay(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(releaseDay(new Date("2026-12-01T12:00:00Z"))).toBe("2026-12-01");
  });

  it.each([
    ["1 January of the first year", "2026-01-01", true],
    ["30 June of the second year", "2027-06-30", true],
    ["31 December of the year before", "2025-12-31", false],
    ["1 July of the second year", "2027-07-01", false],
  ])("R-HOU-3: a release on %s is within the academic year 2026-2027: %s", (_label, day, inRange) => {
    expect(releaseDateInRange(2026, releaseDateFromDay(day)!)).toBe(inRange);
  });

  it.each([
    ["a round not released", null, true],
    ["a released round", new Date("2026-07-02T08:00:00Z"), false],
  ])("R-HOU-3: %s can be edited: %s", (_label, releasedAt, editable) => {
    expect(canEditRound({ releasedAt })).toBe(editable);
  });

  it.each([
    ["no round yet", [], { academicYear: 2026, semester: "S1" }],
    [
      "the current year's first semester",
      [{ academicYear: 2026, semester: "S1" }],
      { academicYear: 2026, semester: "S2" },
    ],
    [
      "the current year",
      [
        { academicYear: 2026, semester: "S1" },
        { academicYear: 2026, semester: "S2" },
      ],
      { academicYear: 2027, semester: "S1" },
    ],
    [
      "both years",
      [2026, 2027].flatMap((academicYear) => (["S1", "S2"] as const).map((semester) => ({ academicYear, semester }))),
      { academicYear: 2026, semester: "S1" },
    ],
  ] as const)("the new-round form proposes the first missing round, given %s", (_label, existing, proposed) => {
    expect(nextMissingRound([...existing], 2026)).toEqual(proposed);
  });
});

import { describe, expect, it } from "vitest";
import {
  arrivalDateProblem,
  arrivalStatus,
  checklistApplicability,
  deadlineState,
  dueReminderOffset,
  isNonEuropean,
  missingUploads,
  normalizeForeignNumber,
  visaDeadline,
} from "@/lib/arrival/rules";
import { ZArrivalDetails, ZForeignNumber } from "@/lib/arrival/schemas";
import { csvCell, toCsv } from "@/lib/csv";
import { studentMayChangeDocument } from "@/lib/documents/rules";
import type { DocumentKind, VisaType } from "@/lib/generated/prisma/enums";
import { addMonths, daysBetween, parisDay, parisInstant } from "@/lib/paris-time";
import { ZExemptCountries, ZFeeAmount, ZProcedureRevision } from "@/lib/visa-procedures/schemas";
import { visaExemptCountries } from "../../prisma/seed-arrival.ts";

describe("Paris calendar (lib/paris-time.ts)", () => {
  it.each([
    // Just after midnight in Paris is still the previous day in UTC: summer (UTC+2) and winter (UTC+1).
    ["2026-07-14T22:30:00Z", "2026-07-15"],
    ["2026-07-14T21:59:59Z", "2026-07-14"],
    ["2026-12-31T23:30:00Z", "2027-01-01"],
    ["2026-12-31T22:59:59Z", "2026-12-31"],
    // The night DST ends (25 October 2026, 03:00 → 02:00).
    ["2026-10-24T22:30:00Z", "2026-10-25"],
    ["2026-10-25T22:30:00Z", "2026-10-25"],
    ["2026-10-25T23:30:00Z", "2026-10-26"],
  ])("%s is %s in Paris", (instant, day) => {
    expect(parisDay(new Date(instant))).toBe(day);
  });

  it.each([
    ["2026-09-10", "09:00", "2026-09-10T07:00:00.000Z"],
    ["2026-11-10", "09:00", "2026-11-10T08:00:00.000Z"],
    // The day DST starts (29 March 2026): 02:30 does not exist and is read an hour later.
    ["2026-03-29", "01:30", "2026-03-29T00:30:00.000Z"],
    ["2026-03-29", "03:30", "2026-03-29T01:30:00.000Z"],
    ["2026-10-25", "16:00", "2026-10-25T15:00:00.000Z"],
  ])("%s at %s in Paris is %s", (day, time, instant) => {
    expect(parisInstant(day, time).toISOString()).toBe(instant);
  });

  it("counts calendar days, not 24-hour periods, across a DST change", () => {
    expect(daysBetween("2026-10-20", "2026-11-02")).toBe(13);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-11-02", "2026-10-20")).toBe(-13);
  });
});

describe("R-VIS-1: the deadline, N months after the arrival", () => {
  it.each([
    ["2026-09-10", 2, "2026-11-10"],
    ["2026-09-10", 3, "2026-12-10"],
    // Month ends: the day the target month lacks becomes its last day.
    ["2026-12-31", 2, "2027-02-28"],
    ["2027-12-31", 2, "2028-02-29"],
    ["2026-08-31", 3, "2026-11-30"],
    ["2026-01-31", 1, "2026-02-28"],
    // Across the year and across the October DST change.
    ["2026-11-15", 3, "2027-02-15"],
    ["2026-08-25", 2, "2026-10-25"],
  ])("arrival %s + %i months → %s", (arrival, months, deadline) => {
    expect(visaDeadline(arrival, months)).toBe(deadline);
    expect(addMonths(arrival, months)).toBe(deadline);
  });

  it.each([
    ["2026-11-10", "2026-09-20", 51, "upcoming"],
    ["2026-11-10", "2026-10-27", 14, "dueSoon"],
    ["2026-11-10", "2026-11-09", 1, "dueSoon"],
    ["2026-11-10", "2026-11-10", 0, "dueToday"],
    ["2026-11-10", "2026-11-11", -1, "overdue"],
    ["2026-11-10", "2026-10-20", 21, "upcoming"],
  ] as const)("deadline %s seen on %s: %i days left, %s", (deadline, today, daysLeft, state) => {
    expect(deadlineState(deadline, today)).toEqual({ deadline, daysLeft, state });
  });

  it.each([
    ["2026-09-01", "2026-06-15", "2026-09-20", null],
    ["2026-06-15", "2026-06-15", "2026-09-20", null],
    ["2026-06-14", "2026-06-15", "2026-09-20", "beforeAcceptance"],
    ["2028-09-01", "2026-06-15", "2026-09-20", "tooFarInFuture"],
    ["2027-09-21", "2025-06-15", "2026-09-20", null],
    ["2025-09-18", "2025-06-15", "2026-09-20", "tooFarInPast"],
  ] as const)("arrival %s, accepted %s, today %s → %s", (arrival, accepted, today, problem) => {
    expect(arrivalDateProblem(arrival, accepted, today)).toBe(problem);
  });
});

describe("R-VIS-6: who the checklist applies to", () => {
  // The online validation as seeded: the VLS-TS, Algerian nationals left out (1968 agreement).
  const procedure = { visaTypes: ["VLS_TS"] as VisaType[], excludedNationalities: ["DZ"] };
  it.each<[string, VisaType, string]>([
    ["BR", "VLS_TS", "applies"],
    ["CN", "VLS_TS", "applies"],
    ["DE", "VLS_TS", "EUROPEAN"],
    ["NO", "NONE", "EUROPEAN"],
    ["CH", "NONE", "EUROPEAN"],
    ["is", "NONE", "EUROPEAN"],
    ["US", "SHORT_STAY", "SHORT_STAY"],
    ["US", "NONE", "NO_VISA"],
    ["MA", "EU_RESIDENCE_PERMIT", "EU_RESIDENCE_PERMIT"],
    ["GB", "VLS_TS", "applies"],
    ["DZ", "VLS_TS", "NATIONALITY_NOT_COVERED"],
    ["dz", "VLS_TS", "NATIONALITY_NOT_COVERED"],
    ["DZ", "SHORT_STAY", "SHORT_STAY"],
  ])("%s with %s → %s", (nationality, visaType, expected) => {
    const result = checklistApplicability({ nationality, visaType, exemptCountries: visaExemptCountries, procedure });
    expect(result.applies ? "applies" : result.reason).toBe(expected);
  });

  it("a VLS-TS no procedure covers is said so, not silently ignored", () => {
    expect(
      checklistApplicability({
        nationality: "BR",
        visaType: "VLS_TS",
        exemptCountries: visaExemptCountries,
        procedure: null,
      }),
    ).toEqual({ applies: false, reason: "VISA_NOT_COVERED" });
    expect(
      checklistApplicability({
        nationality: "BR",
        visaType: "VLS_TS",
        exemptCountries: visaExemptCountries,
        procedure: { visaTypes: [], excludedNationalities: [] },
      }),
    ).toEqual({ applies: false, reason: "VISA_NOT_COVERED" });
  });

  it("the exempt list is the EU 27, the other EEA states and Switzerland", () => {
    expect(visaExemptCountries).toHaveLength(31);
    expect(new Set(visaExemptCountries).size).toBe(31);
  });

  it.each<[string | null, readonly string[] | null, boolean]>([
    ["BR", visaExemptCountries, true],
    ["FR", visaExemptCountries, false],
    [null, visaExemptCountries, true],
    ["FR", null, true],
  ])("R-VIS-5: welcome desk compulsory for %s → %s", (nationality, list, compulsory) => {
    expect(isNonEuropean(nationality, list)).toBe(compulsory);
  });
});

describe("R-VIS-4: the AGDREF (foreign-national) number", () => {
  it.each([
    ["7501234567", "7501234567"],
    ["75 01 23 45 67", "7501234567"],
    [" 750-123-4567 ", "7501234567"],
    ["750123456", null],
    ["75012345678", null],
    ["75O1234567", null],
    ["", null],
    ["７５０１２３４５６７", null],
  ])("%j → %j", (input, expected) => {
    expect(normalizeForeignNumber(input)).toBe(expected);
  });

  it("the schema keeps the digits and refuses anything else with the format message", () => {
    expect(ZForeignNumber.parse({ foreignNumber: "75 01 23 45 67" })).toEqual({ foreignNumber: "7501234567" });
    const refused = ZForeignNumber.safeParse({ foreignNumber: "ABC" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe("foreignNumberInvalid");
    expect(ZForeignNumber.safeParse({ foreignNumber: "7501234567", extra: 1 }).success).toBe(false);
  });
});

describe("The arrival form's schema", () => {
  it.each([
    [
      { nationality: "br", visaType: "VLS_TS", arrivalDate: "2026-09-10" },
      { nationality: "BR", visaType: "VLS_TS", arrivalDate: "2026-09-10" },
    ],
    [
      { nationality: "BR", visaType: "VLS_TS", arrivalDate: "" },
      { nationality: "BR", visaType: "VLS_TS", arrivalDate: null },
    ],
    [
      { nationality: "BR", visaType: "VLS_TS" },
      { nationality: "BR", visaType: "VLS_TS", arrivalDate: null },
    ],
  ])("accepts %j", (input, output) => {
    expect(ZArrivalDetails.parse(input)).toEqual(output);
  });

  it.each([
    [{ nationality: "BR", visaType: "VLS_TS", arrivalDate: "10/09/2026" }, "arrivalDate", "dateInvalid"],
    [{ nationality: "BR", visaType: "VLS_TS", arrivalDate: "2027-02-30" }, "arrivalDate", "dateInvalid"],
    [{ nationality: "ZZ", visaType: "VLS_TS" }, "nationality", "countryInvalid"],
    [{ nationality: "BR", visaType: "TOURIST" }, "visaType", "visaTypeRequired"],
    [{ nationality: "BR" }, "visaType", "visaTypeRequired"],
  ])("refuses %j on %s with %s", (input, field, message) => {
    const result = ZArrivalDetails.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((issue) => issue.path[0] === field)?.message).toBe(message);
  });
});

describe("Steps, reminders and the staff's status", () => {
  it("a step needs its copies before it can be ticked", () => {
    const step = { id: "s", uploadKinds: ["VISA_OFII_FORM", "VISA_PASSPORT_PAGES"] as DocumentKind[] };
    expect(missingUploads(step, new Set<DocumentKind>(["VISA_OFII_FORM"]))).toEqual(["VISA_PASSPORT_PAGES"]);
    expect(missingUploads(step, new Set<DocumentKind>(["VISA_OFII_FORM", "VISA_PASSPORT_PAGES"]))).toEqual([]);
  });

  const offsets = [30, 14, 7, 2];
  it.each<[number, number[], number | null]>([
    [45, [], null],
    [30, [], 30],
    [20, [30], null],
    [14, [30], 14],
    // Recorded late: one reminder, the most urgent, not every missed one.
    [10, [], 14],
    [10, [14], null],
    [5, [30, 14], 7],
    [2, [30, 14, 7], 2],
    [0, [30, 14, 7, 2], null],
    [1, [], 2],
    [-1, [], null],
  ])("%i days left, already sent %j → %j", (daysLeft, sent, due) => {
    expect(dueReminderOffset(daysLeft, offsets, sent)).toBe(due);
  });

  const soon = deadlineState("2026-11-10", "2026-11-01");
  const late = deadlineState("2026-11-10", "2026-11-12");
  const far = deadlineState("2026-11-10", "2026-09-20");
  it.each([
    [{ started: false, applies: false, deadline: null, completed: false }, "NOT_STARTED"],
    [{ started: true, applies: false, deadline: null, completed: false }, "NOT_APPLICABLE"],
    [{ started: true, applies: true, deadline: null, completed: false }, "AWAITING_ARRIVAL"],
    [{ started: true, applies: true, deadline: far, completed: false }, "IN_PROGRESS"],
    [{ started: true, applies: true, deadline: soon, completed: false }, "DUE_SOON"],
    [{ started: true, applies: true, deadline: late, completed: false }, "OVERDUE"],
    [{ started: true, applies: true, deadline: late, completed: true }, "DONE"],
  ] as const)("%j → %s", (input, status) => {
    expect(arrivalStatus(input)).toBe(status);
  });

  it.each<[DocumentKind, "ACCEPTED" | "DRAFT" | "SUBMITTED", boolean]>([
    ["VISA_OFII_FORM", "ACCEPTED", true],
    ["VISA_OFII_FORM", "DRAFT", false],
    ["VISA_PASSPORT_PAGES", "SUBMITTED", false],
    ["PASSPORT", "ACCEPTED", false],
  ])("copies of the procedure: %s while %s → %s", (kind, status, allowed) => {
    expect(studentMayChangeDocument(kind, status)).toBe(allowed);
  });
});

describe("CSV export (lib/csv.ts)", () => {
  it.each<[string | number | null, string]>([
    ["plain", "plain"],
    ["Dupont, Marie", '"Dupont, Marie"'],
    ['Say "hi"', '"Say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["+33 6", "'+33 6"],
    ["@SUM(A1)", "'@SUM(A1)"],
    [-3, "-3"],
    [null, ""],
  ])("%j → %s", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("starts with a byte-order mark and ends lines with CRLF", () => {
    expect(toCsv(["a", "b"], [["1", 2]])).toBe("\uFEFFa,b\r\n1,2\r\n");
  });
});

describe("The procedures' administration schemas", () => {
  const step = { titleFr: "T", titleEn: "T", bodyFr: "B", bodyEn: "B", feeId: null, documents: [] };
  const base = {
    procedureId: "0b9f4f8e-2f5d-4a4c-9a56-0f6f7c9b1a11",
    nameFr: "N",
    nameEn: "N",
    summaryFr: "S",
    summaryEn: "S",
    deadlineMonths: "2",
    visaTypes: ["VLS_TS"],
    reminderDays: "30, 14 , 7;2",
    steps: JSON.stringify([step]),
  };

  it("reads the form: months, reminder days (distinct, largest first), visas, steps from JSON", () => {
    expect(ZProcedureRevision.parse({ ...base, reminderDays: "7, 30, 7" })).toMatchObject({
      deadlineMonths: 2,
      reminderDays: [30, 7],
      visaTypes: ["VLS_TS"],
      steps: [step],
    });
  });

  it.each([
    [{ deadlineMonths: "0" }, "deadlineMonths", "deadlineMonthsInvalid"],
    [{ deadlineMonths: "13" }, "deadlineMonths", "deadlineMonthsInvalid"],
    [{ reminderDays: "30, -1" }, "reminderDays", "reminderDaysInvalid"],
    [{ reminderDays: "soon" }, "reminderDays", "reminderDaysInvalid"],
    [{ visaTypes: [] }, "visaTypes", "chooseAtLeastOne"],
    [{ steps: "[]" }, "steps", "stepsRequired"],
    [{ steps: "{not json" }, "steps", "invalid"],
    [{ steps: JSON.stringify([{ ...step, titleEn: "" }]) }, "steps.0.titleEn", "required"],
    [
      { steps: JSON.stringify([{ ...step, documents: [{ labelFr: "a", labelEn: "b", uploadKind: "PASSPORT" }] }]) },
      "steps.0.documents.0.uploadKind",
      "invalid",
    ],
    [{ steps: JSON.stringify([{ ...step, hack: 1 }]) }, "steps.0", "invalid"],
  ])("refuses %j on %s with %s", (change, path, message) => {
    const result = ZProcedureRevision.safeParse({ ...base, ...change });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((candidate) => candidate.path.join(".") === path);
    expect(issue?.message).toBe(message);
  });

  it.each([
    ["58", 5800],
    ["58.50", 5850],
    ["58,5", 5850],
    ["0", 0],
  ])("a fee of %s € is %i cents", (amount, cents) => {
    expect(ZFeeAmount.parse({ feeId: base.procedureId, amount })).toEqual({ feeId: base.procedureId, amount: cents });
  });

  it.each(["-1", "abc", "58.555", "100000"])("refuses a fee of %s", (amount) => {
    expect(ZFeeAmount.safeParse({ feeId: base.procedureId, amount }).success).toBe(false);
  });

  it("reads the exempt list as codes, upper-cased, distinct and sorted; refuses an unknown code", () => {
    expect(ZExemptCountries.parse({ countries: "fr, DE de\nch" })).toEqual({ countries: ["CH", "DE", "FR"] });
    const refused = ZExemptCountries.safeParse({ countries: "FR ZZ" });
    expect(refused.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["countries", "countryListInvalid"],
    ]);
  });
});

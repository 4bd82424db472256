import { describe, expect, it } from "vitest";
import {
  type AmiEligibilityInput,
  type AmiSituation,
  type AmiYearFigures,
  ageOn,
  amiAcademicYear,
  checkEligibility,
  computeAmount,
  countMonths,
  isDurationAllowed,
  isInTime,
  measureStay,
  paymentSchedule,
} from "@/lib/ami/rules";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const stay = (start: string, end: string) => ({ startDate: day(start), endDate: day(end) });

describe("R-AMI-5: months of a stay (whole months, and one more for 15 days or more left over)", () => {
  it.each([
    ["2025-03-01", "2025-03-31", 1],
    ["2025-03-01", "2025-03-30", 1], // 30 days: no whole month, 30 ≥ 15 left over
    ["2025-03-01", "2025-03-14", 0], // 14 days: below a month, not paid
    ["2025-03-01", "2025-03-15", 1], // 15 days: the boundary counts
    ["2024-09-01", "2025-06-30", 10], // 10 months exactly
    ["2024-09-01", "2025-07-14", 10], // 10 months and 14 days
    ["2024-09-01", "2025-07-15", 11], // 10 months and 15 days: 11
    ["2024-09-01", "2025-07-31", 11],
    ["2024-09-15", "2025-01-14", 4],
    ["2024-09-15", "2025-01-28", 4], // 4 months and 14 days
    ["2024-09-15", "2025-01-29", 5], // 4 months and 15 days
    ["2025-01-31", "2025-02-27", 1], // 31 Jan + 1 month is 28 Feb; 28 days left over → 1
    ["2025-01-31", "2025-03-30", 2],
    ["2025-03-10", "2025-03-01", 0], // reversed
    ["2025-03-10", "2025-03-10", 0], // one day
  ])("%s → %s: %i months", (start, end, months) => {
    expect(countMonths(stay(start, end))).toBe(months);
  });
});

describe("R-AMI-1, R-AMI-5: a stay's length, and whether it is 1 to 10 consecutive months", () => {
  it.each([
    ["2025-03-01", "2025-03-31", 1, 0, true],
    ["2025-03-01", "2025-03-30", 0, 30, false], // a day short of a month
    ["2025-03-01", "2025-03-20", 0, 20, false], // paid as a month if it were allowed, but too short
    ["2024-09-01", "2025-06-30", 10, 0, true], // 10 months exactly
    ["2024-09-01", "2025-07-01", 10, 1, false], // 10 months and 1 day
    ["2024-09-15", "2025-07-04", 9, 20, true], // 9 months and 20 days: paid 10
    ["2024-09-01", "2025-07-31", 11, 0, false],
    ["2025-03-10", "2025-03-01", 0, 0, false], // reversed
  ])("%s → %s: %i months and %i days, allowed %s", (start, end, wholeMonths, extraDays, allowed) => {
    const length = measureStay(stay(start, end));
    expect(length).toEqual({ wholeMonths, extraDays });
    expect(isDurationAllowed(length, 10)).toBe(allowed);
  });
});

describe("R-AMI-3: age on a day", () => {
  it.each([
    ["1997-03-01", "2025-02-28", 27],
    ["1997-03-01", "2025-03-01", 28], // the 28th birthday itself
    ["1996-02-29", "2024-02-28", 27],
    ["1996-02-29", "2024-02-29", 28],
    ["1997-02-28", "2025-02-28", 28],
    ["2000-12-31", "2025-01-01", 24],
  ])("born %s, on %s: %i", (birth, on, age) => {
    expect(ageOn(day(birth), day(on))).toBe(age);
  });
});

describe("R-AMI-2: the start date's academic year sets the figures", () => {
  it.each([
    ["2024-09-01", 2024],
    ["2024-08-31", 2023],
    ["2025-06-30", 2024],
    ["2025-01-15", 2024],
  ])("starting %s: %i", (start, year) => {
    expect(amiAcademicYear(stay(start, start))).toBe(year);
  });
});

describe("R-AMI-4: six months' notice", () => {
  it.each([
    ["2025-03-01", "2025-09-01", true],
    ["2025-03-02", "2025-09-01", false],
    ["2025-02-28", "2025-08-31", true], // 31 Aug − 6 months = 28 Feb
    ["2025-03-01", "2025-08-31", false],
    ["2024-01-01", "2025-09-01", true],
  ])("submitted %s, leaving %s: in time %s", (submitted, start, inTime) => {
    expect(isInTime(day(submitted), day(start))).toBe(inTime);
  });
});

const eligibleCase: AmiEligibilityInput = {
  ...stay("2025-01-06", "2025-06-05"), // 5 months
  grantStatus: "SOCIAL_GRANT",
  grantLevel: 3,
  disability: false,
  ruralArea: false,
  priorityUrbanArea: false,
  partOfCurriculum: true,
  birthDate: day("2003-05-10"),
  submittedOn: day("2024-06-01"),
  otherStays: [],
  lifetimeCapMonths: 10,
};

const failing = (input: Partial<AmiEligibilityInput>) => {
  const result = checkEligibility({ ...eligibleCase, ...input });
  return result.checks.filter((check) => !check.met).map((check) => check.name);
};

describe("R-AMI-1, R-AMI-3, R-AMI-4: eligibility, rule by rule", () => {
  it("a grant holder under 28, 5 months, in time: eligible, nothing flagged", () => {
    const result = checkEligibility(eligibleCase);
    expect(result).toMatchObject({ eligible: true, late: false, months: 5, monthsUsed: 0, monthsLeft: 10 });
    expect(failing({})).toEqual([]);
  });

  it.each<[string, Partial<AmiEligibilityInput>, string[], boolean]>([
    ["R-AMI-1 no grant", { grantStatus: "NONE", grantLevel: null }, ["grantHolder"], false],
    ["R-AMI-1 annual allowance", { grantStatus: "ANNUAL_ALLOWANCE", grantLevel: null }, [], true],
    ["R-AMI-1 not in the curriculum", { partOfCurriculum: false }, ["curriculum"], false],
    ["R-AMI-1 0 months", stay("2025-01-06", "2025-01-15"), ["duration"], false],
    ["R-AMI-1 1 month", stay("2025-01-06", "2025-02-05"), [], true],
    ["R-AMI-1 20 days: under a month", stay("2025-01-06", "2025-01-25"), ["duration"], false],
    ["R-AMI-1 10 months exactly", { ...stay("2024-09-01", "2025-06-30"), submittedOn: day("2024-01-02") }, [], true],
    [
      "R-AMI-1 10 months and 1 day",
      { ...stay("2024-09-01", "2025-07-01"), submittedOn: day("2024-01-02") },
      ["duration"],
      false,
    ],
    [
      "R-AMI-1 11 months",
      { ...stay("2024-09-01", "2025-07-31"), submittedOn: day("2024-01-02") },
      ["duration", "lifetimeCap"],
      false,
    ],
    ["R-AMI-1 dates reversed", stay("2025-06-05", "2025-01-06"), ["duration"], false],
    ["R-AMI-3 27 the day before leaving", { birthDate: day("1997-01-07") }, [], true],
    ["R-AMI-3 28th birthday on the start date", { birthDate: day("1997-01-06") }, ["age"], false],
    [
      "R-AMI-3 28th birthday on the start date, disability",
      { birthDate: day("1997-01-06"), disability: true },
      [],
      true,
    ],
    ["R-AMI-3 45 with a disability", { birthDate: day("1980-01-01"), disability: true }, [], true],
    [
      "R-AMI-4 submitted 5 months before: flagged, still eligible",
      { submittedOn: day("2024-08-01") },
      ["notice"],
      true,
    ],
    ["R-AMI-4 exactly six months before", { submittedOn: day("2024-07-06") }, [], true],
    ["R-AMI-4 one day late", { submittedOn: day("2024-07-07") }, ["notice"], true],
  ])("%s", (_name, input, failed, eligible) => {
    expect(failing(input)).toEqual(failed);
    expect(checkEligibility({ ...eligibleCase, ...input }).eligible).toBe(eligible);
  });
});

describe("R-AMI-1: the 10-month lifetime cap, across mobilities", () => {
  const earlier = (start: string, end: string, months: number) => ({ ...stay(start, end), months });

  it.each<[string, ReturnType<typeof earlier>[], boolean, number, number]>([
    ["5 used, 5 asked: the cap reached exactly", [earlier("2023-09-01", "2024-01-31", 5)], true, 5, 5],
    ["6 used, 5 asked: 4 left", [earlier("2023-09-01", "2024-02-29", 6)], false, 6, 4],
    [
      "two earlier mobilities, 3 + 2 used",
      [earlier("2022-09-01", "2022-11-30", 3), earlier("2023-09-01", "2023-10-31", 2)],
      true,
      5,
      5,
    ],
    ["10 used: none left", [earlier("2022-09-01", "2023-06-30", 10)], false, 10, 0],
  ])("%s", (_name, otherStays, met, used, left) => {
    const result = checkEligibility({ ...eligibleCase, otherStays });
    expect(result.checks.find((check) => check.name === "lifetimeCap")!.met).toBe(met);
    expect(result).toMatchObject({ monthsUsed: used, monthsLeft: left, eligible: met });
  });

  it("the cap is the year's figure, not a literal", () => {
    const result = checkEligibility({ ...eligibleCase, lifetimeCapMonths: 4 });
    expect(result.monthsLeft).toBe(4);
    expect(failing({ lifetimeCapMonths: 4 })).toEqual(["duration", "lifetimeCap"]);
  });

  it("an application overlapping an earlier one is refused", () => {
    expect(failing({ otherStays: [earlier("2025-06-01", "2025-07-31", 2)] })).toEqual(["overlap"]);
    expect(failing({ otherStays: [earlier("2025-06-06", "2025-07-31", 2)] })).toEqual([]);
  });
});

const figures: AmiYearFigures = {
  academicYear: 2024,
  monthlyRateCents: 40_000,
  lifetimeCapMonths: 10,
  grantLevelSupplementCents: 10_000,
  disabilitySupplementCents: 20_000,
  ruralAreaSupplementCents: 5_000,
  priorityUrbanAreaSupplementCents: 7_500,
};
const plain: AmiSituation = {
  grantStatus: "SOCIAL_GRANT",
  grantLevel: 3,
  disability: false,
  ruralArea: false,
  priorityUrbanArea: false,
};

describe("R-AMI-2, R-AMI-3: the amount is months × the year's rate + the supplements that apply", () => {
  it.each<[string, number, Partial<AmiSituation>, number]>([
    ["1 month at 400 €", 1, {}, 40_000],
    ["5 months at 400 €", 5, {}, 200_000],
    ["10 months at 400 €", 10, {}, 400_000],
    ["level 5: no supplement", 5, { grantLevel: 5 }, 200_000],
    ["level 6", 5, { grantLevel: 6 }, 210_000],
    ["level 7", 5, { grantLevel: 7 }, 210_000],
    ["annual allowance: no level supplement", 5, { grantStatus: "ANNUAL_ALLOWANCE", grantLevel: null }, 200_000],
    ["disability", 5, { disability: true }, 220_000],
    ["rural area", 5, { ruralArea: true }, 205_000],
    ["priority urban area", 5, { priorityUrbanArea: true }, 207_500],
    [
      "every supplement",
      3,
      { grantLevel: 7, disability: true, ruralArea: true, priorityUrbanArea: true },
      120_000 + 10_000 + 20_000 + 5_000 + 7_500,
    ],
  ])("%s", (_name, months, situation, total) => {
    const amount = computeAmount(2024, months, { ...plain, ...situation }, figures);
    expect(amount.ok && amount.totalCents).toBe(total);
  });

  it("another year's rate is another figure", () => {
    const amount = computeAmount(2025, 2, plain, { ...figures, academicYear: 2025, monthlyRateCents: 41_000 });
    expect(amount).toMatchObject({ ok: true, baseCents: 82_000, totalCents: 82_000 });
  });

  it("no rate for the year: nothing computed, the office is told", () => {
    expect(computeAmount(2031, 5, plain, null)).toEqual({ ok: false, academicYear: 2031, missing: "rate" });
  });

  it("a supplement that applies but is not set: nothing computed", () => {
    const unset = { ...figures, ruralAreaSupplementCents: null };
    expect(computeAmount(2024, 5, { ...plain, ruralArea: true }, unset)).toEqual({
      ok: false,
      academicYear: 2024,
      missing: "ruralArea",
    });
    expect(computeAmount(2024, 5, plain, unset)).toMatchObject({ ok: true, totalCents: 200_000 });
  });
});

describe("R-AMI-5: the payment schedule, one line per month", () => {
  it("adds up to the total, odd cents on the first line, months from the start date's month", () => {
    const schedule = paymentSchedule(day("2025-01-15"), 3, 130_001);
    expect(schedule).toEqual([
      { number: 1, month: day("2025-01-01"), amountCents: 43_335 },
      { number: 2, month: day("2025-02-01"), amountCents: 43_333 },
      { number: 3, month: day("2025-03-01"), amountCents: 43_333 },
    ]);
  });

  it("10 months at 400 € across the new year", () => {
    const schedule = paymentSchedule(day("2024-09-01"), 10, 400_000);
    expect(schedule).toHaveLength(10);
    expect(schedule.every((line) => line.amountCents === 40_000)).toBe(true);
    expect(schedule.at(-1)!.month).toEqual(day("2025-06-01"));
  });

  it("no months, no lines", () => {
    expect(paymentSchedule(day("2025-01-15"), 0, 0)).toEqual([]);
  });
});

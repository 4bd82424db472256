import { describe, expect, it } from "vitest";
import { academicYearOf, formatAcademicYear } from "@/lib/academic-year";
import { agreementStatus } from "@/lib/agreements/rules";

describe("academic year (starts 1 September, Europe/Paris)", () => {
  it.each([
    ["2026-11-22T12:00:00Z", 2026],
    ["2026-08-31T21:59:59Z", 2025], // 23:59:59 in Paris on 31 August
    ["2026-08-31T22:00:00Z", 2026], // midnight in Paris on 1 September
    ["2027-01-15T00:00:00Z", 2026],
  ])("%s belongs to %i", (iso, year) => {
    expect(academicYearOf(new Date(iso))).toBe(year);
  });

  it("is written as the two calendar years", () => {
    expect(formatAcademicYear(2026)).toBe("2026-2027");
  });
});

describe("R-ELI-1 agreement status for an academic year", () => {
  const agreement = { firstAcademicYear: 2022, lastAcademicYear: 2026 };
  it.each([
    [2021, "upcoming"],
    [2022, "active"],
    [2026, "active"],
    [2027, "expired"],
  ] as const)("%i → %s", (year, status) => {
    expect(agreementStatus(agreement, year)).toBe(status);
  });
});

/**
 * Academic years, used by nearly every feature. A year is named by the calendar year it starts
 * in: 2026 = 2026-2027.
 */

/** Academic years are named by the calendar year they start in; sensible bounds. */
export const academicYearBounds = { min: 2000, max: 2100 } as const;

/** AMU's academic year starts on 1 September (Europe/Paris). */
export function academicYearOf(date: Date): number {
  const [year, month] = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "numeric",
  })
    .formatToParts(date)
    .filter((part) => part.type === "year" || part.type === "month")
    .map((part) => Number(part.value));
  return month! >= 9 ? year! : year! - 1;
}

export function formatAcademicYear(startYear: number): string {
  return `${startYear}-${startYear + 1}`;
}

/**
 * R-SEC-7: the academic years an application may be made for, the ones the form offers: the
 * current one and the next. A year that has ended is not among them, on the form or the server.
 */
export function applicationYears(now: Date): [number, number] {
  const current = academicYearOf(now);
  return [current, current + 1];
}

/** A year filter's options: the academic years from `before` years back to next year, labelled "2026-2027". */
export function academicYearOptions(thisYear: number, before = 1): { value: string; label: string }[] {
  return Array.from({ length: before + 2 }, (_, index) => thisYear - before + index).map((year) => ({
    value: String(year),
    label: formatAcademicYear(year),
  }));
}

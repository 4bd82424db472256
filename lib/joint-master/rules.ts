import type { TCohortStudent, TConsortium, TOffer, TOverride, TWish } from "@/lib/joint-master/schemas";

/**
 * The joint master's mobility rules (R-MOB-1…7, docs/rules.md), pure: which paths a student
 * may follow on their own, the order of selection, and the independent checker every run
 * passes before it can be published. Nothing here knows about the solver.
 *
 * A path is where a student spends semesters 2 and 3; semester 1 is at the consortium's
 * first-semester university for everyone. The countries visited (R-MOB-2) are those of the
 * three study periods: the thesis (semester 4) is a preference approved by the board (R-MOB-6),
 * not an allocated seat _(portal choice)_.
 */

export type Path = TWish;

export type ViolationCode =
  | "R-MOB-1"
  | "R-MOB-2"
  | "R-MOB-3"
  | "R-MOB-4"
  | "R-MOB-5"
  | "unknownUniversity"
  | "notOffered"
  | "unallocated"
  | "unknownStudent"
  | "overrideIgnored";

export interface Violation {
  code: ViolationCode;
  /** The students concerned; empty for a cohort-wide rule with nobody singled out. */
  studentIds: string[];
  semester?: 2 | 3;
  university?: string;
}

export function pathKey(path: Path): string {
  return `${path.semester2}/${path.semester3}`;
}

export function samePath(a: Path, b: Path): boolean {
  return a.semester2 === b.semester2 && a.semester3 === b.semester3;
}

export function offerOf(consortium: TConsortium, semester: 2 | 3, university: string): TOffer | undefined {
  return consortium.offers.find((offer) => offer.semester === semester && offer.university === university);
}

/** The fixed path of a scholarship track, if the student holds one (R-MOB-5). */
export function trackOf(consortium: TConsortium, student: Pick<TCohortStudent, "scholarship">) {
  return student.scholarship ? consortium.tracks.find((track) => track.scholarship === student.scholarship) : undefined;
}

/** Whether the student takes a partner's seat: track holders may be apart from them (R-MOB-4). */
export function takesSeat(consortium: TConsortium, student: Pick<TCohortStudent, "scholarship">): boolean {
  return trackOf(consortium, student)?.usesSeats ?? true;
}

/**
 * What makes a path impossible for this student alone, whatever the others do: an unknown
 * university, a semester not offered, R-MOB-1 (two universities, one other than the first;
 * ECTS per period), R-MOB-2 (foreign countries), R-MOB-5 (a track's fixed path).
 */
export function pathViolations(
  consortium: TConsortium,
  student: Pick<TCohortStudent, "id" | "scholarship" | "lastDegreeCountry">,
  path: Path,
): Violation[] {
  const studentIds = [student.id];
  const countryOf = new Map(consortium.universities.map((university) => [university.code, university.country]));
  const unknown = [path.semester2, path.semester3].filter((code) => !countryOf.has(code));
  if (unknown.length > 0) {
    return unknown.map((university) => ({ code: "unknownUniversity", studentIds, university }));
  }
  const violations: Violation[] = [];
  const offer2 = offerOf(consortium, 2, path.semester2);
  const offer3 = offerOf(consortium, 3, path.semester3);
  if (!offer2) violations.push({ code: "notOffered", studentIds, semester: 2, university: path.semester2 });
  if (!offer3) violations.push({ code: "notOffered", studentIds, semester: 3, university: path.semester3 });

  const track = trackOf(consortium, student);
  if (track && (track.semester2 !== path.semester2 || track.semester3 !== path.semester3)) {
    violations.push({ code: "R-MOB-5", studentIds });
  }

  const periods = [consortium.firstSemester, path.semester2, path.semester3];
  const ects = [consortium.firstSemesterEcts, offer2?.ects ?? 0, offer3?.ects ?? 0];
  const universities = new Set(periods);
  const tooFewCredits = (offer2 && offer2.ects < consortium.minEcts) || (offer3 && offer3.ects < consortium.minEcts);
  if (universities.size < consortium.minUniversities || tooFewCredits || ects[0]! < consortium.minEcts) {
    violations.push({ code: "R-MOB-1", studentIds });
  }

  const foreign = new Set(
    periods.map((code) => countryOf.get(code)).filter((country) => country !== student.lastDegreeCountry),
  );
  if (foreign.size < consortium.minForeignCountries) violations.push({ code: "R-MOB-2", studentIds });
  return violations;
}

/** Every offered path the student may follow alone, in the consortium's order of offers. */
export function possiblePaths(
  consortium: TConsortium,
  student: Pick<TCohortStudent, "id" | "scholarship" | "lastDegreeCountry">,
): Path[] {
  const offered = (semester: 2 | 3) =>
    consortium.offers.filter((offer) => offer.semester === semester).map((offer) => offer.university);
  return offered(2)
    .flatMap((semester2) => offered(3).map((semester3) => ({ semester2, semester3 })))
    .filter((path) => pathViolations(consortium, student, path).length === 0);
}

/**
 * R-MOB-7: students choose in semester 1 ranking order (1 first); equal rankings are broken
 * by the student's number, ascending — the declared tie-break, stable and independent of
 * the order of the import.
 */
export function selectionOrder<Student extends Pick<TCohortStudent, "id" | "ranking">>(students: Student[]): Student[] {
  return [...students].sort((a, b) => a.ranking - b.ranking || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The independent checker: every rule and every seat on a complete allocation, with the rule
 * each breach breaks. A run is published only when this returns nothing.
 */
export function checkAllocation(
  consortium: TConsortium,
  students: Pick<TCohortStudent, "id" | "scholarship" | "lastDegreeCountry">[],
  allocation: ReadonlyMap<string, Path>,
  overrides: TOverride[] = [],
): Violation[] {
  const violations: Violation[] = [];
  const known = new Set(students.map((student) => student.id));
  for (const studentId of allocation.keys()) {
    if (!known.has(studentId)) violations.push({ code: "unknownStudent", studentIds: [studentId] });
  }
  const seatsTaken = new Map<string, string[]>();
  const semester2 = new Map<string, number>();
  for (const student of students) {
    const path = allocation.get(student.id);
    if (!path) {
      violations.push({ code: "unallocated", studentIds: [student.id] });
      continue;
    }
    violations.push(...pathViolations(consortium, student, path));
    semester2.set(path.semester2, (semester2.get(path.semester2) ?? 0) + 1);
    if (takesSeat(consortium, student)) {
      for (const key of [`2:${path.semester2}`, `3:${path.semester3}`]) {
        seatsTaken.set(key, [...(seatsTaken.get(key) ?? []), student.id]);
      }
    }
  }
  for (const offer of consortium.offers) {
    const holders = seatsTaken.get(`${offer.semester}:${offer.university}`) ?? [];
    if (offer.seats !== null && holders.length > offer.seats) {
      violations.push({ code: "R-MOB-4", studentIds: holders, semester: offer.semester, university: offer.university });
    }
  }
  const { balance } = consortium;
  if (balance) {
    const gap = (semester2.get(balance.first) ?? 0) - (semester2.get(balance.second) ?? 0);
    if (Math.abs(gap) > balance.tolerance) violations.push({ code: "R-MOB-3", studentIds: [], semester: 2 });
  }
  for (const override of overrides) {
    const path = allocation.get(override.studentId);
    if (path && !samePath(path, override)) {
      violations.push({ code: "overrideIgnored", studentIds: [override.studentId] });
    }
  }
  return violations;
}

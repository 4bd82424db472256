import {
  checkAllocation,
  type Path,
  pathViolations,
  possiblePaths,
  samePath,
  selectionOrder,
  trackOf,
  type Violation,
} from "@/lib/joint-master/rules";
import type { TAllocationInput, TCohortStudent, TConsortium } from "@/lib/joint-master/schemas";
import {
  diagnoseShortfalls,
  emptyStats,
  type FeasibilityQuestion,
  findAllocation,
  type OpenStudent,
  type Shortfall,
  type SolverStats,
} from "@/lib/joint-master/solver";

/**
 * The rank-priority allocation (R-MOB-7): in selection order, each student gets their best
 * wish that still leaves a complete allocation satisfying every rule and seat for everyone
 * (asked to the solver); a student none of whose wishes can be kept gets the first possible
 * path, in the consortium's order, that keeps the allocation possible. A path the
 * coordinator fixed is kept as it is. When the rules cannot all hold, the run reports the
 * contradiction instead of bending a rule.
 */

/** Why a better wish was not given: a rule of the student alone, or a place short for the cohort. */
export type RefusalReason = Violation | Shortfall;

export interface StudentOutcome {
  studentId: string;
  path: Path;
  /** 1 = first wish; null when no wish could be kept (or the path was fixed outside the wishes). */
  wishRank: number | null;
  fixedByCoordinator: boolean;
  /** Each better wish not given, with what prevented it. */
  refused: { wishRank: number; path: Path; reasons: RefusalReason[] }[];
}

export interface AllocationStats extends SolverStats {
  students: number;
  totalMs: number;
}

export type AllocationResult =
  | { status: "allocated"; students: StudentOutcome[]; stats: AllocationStats }
  | { status: "infeasible"; contradictions: RefusalReason[]; stats: AllocationStats };

type Student = TCohortStudent;

/** What keeps a student from every path on their own (e.g. a TIGER scholar with a French degree). */
function personalContradiction(consortium: TConsortium, student: Student): Violation[] {
  const track = trackOf(consortium, student);
  if (track) {
    const fixedPath = { semester2: track.semester2, semester3: track.semester3 };
    return [{ code: "R-MOB-5", studentIds: [student.id] }, ...pathViolations(consortium, student, fixedPath)];
  }
  const offered = (semester: 2 | 3) => consortium.offers.filter((offer) => offer.semester === semester);
  const codes = new Map<string, Violation>();
  for (const offer2 of offered(2)) {
    for (const offer3 of offered(3)) {
      for (const violation of pathViolations(consortium, student, {
        semester2: offer2.university,
        semester3: offer3.university,
      })) {
        codes.set(violation.code, violation);
      }
    }
  }
  return codes.size > 0 ? [...codes.values()] : [{ code: "notOffered", studentIds: [student.id] }];
}

export async function allocateCohort(input: TAllocationInput): Promise<AllocationResult> {
  const started = performance.now();
  const { consortium, students, overrides } = input;
  const solverStats = emptyStats();
  const stats = (): AllocationStats => ({
    ...solverStats,
    students: students.length,
    totalMs: Math.round(performance.now() - started),
  });

  const contradictions: RefusalReason[] = [];
  const possible = new Map<string, Path[]>();
  for (const student of students) {
    const paths = possiblePaths(consortium, student);
    if (paths.length === 0) contradictions.push(...personalContradiction(consortium, student));
    possible.set(student.id, paths);
  }
  const byId = new Map(students.map((student) => [student.id, student]));
  const fixedByCoordinator = new Map<string, Path>();
  for (const override of overrides) {
    const student = byId.get(override.studentId);
    if (!student) {
      contradictions.push({ code: "unknownStudent", studentIds: [override.studentId] });
      continue;
    }
    contradictions.push(...pathViolations(consortium, student, override));
    fixedByCoordinator.set(student.id, { semester2: override.semester2, semester3: override.semester3 });
  }
  if (contradictions.length > 0) return { status: "infeasible", contradictions, stats: stats() };

  const order = selectionOrder(students);
  const fixed = new Map<string, Path>(fixedByCoordinator);
  const openOf = (student: Student): OpenStudent => ({
    student,
    paths: possible.get(student.id)!.map((path) => {
      const rank = student.wishes.findIndex((wish) => samePath(wish, path));
      return { path, cost: rank === -1 ? student.wishes.length + 1 : rank };
    }),
  });
  const question = (extra?: { student: Student; path: Path }): FeasibilityQuestion => {
    const open = order.filter((student) => !fixed.has(student.id) && student.id !== extra?.student.id).map(openOf);
    const fixedEntries = [...fixed].map(([id, path]) => ({ student: byId.get(id)!, path }));
    return { consortium, open, fixed: extra ? [...fixedEntries, extra] : fixedEntries };
  };

  let witness = await findAllocation(question(), solverStats);
  if (!witness) {
    return { status: "infeasible", contradictions: await diagnoseShortfalls(question(), solverStats), stats: stats() };
  }

  const outcomes: StudentOutcome[] = [];
  for (const student of order) {
    const forced = fixedByCoordinator.get(student.id);
    if (forced) {
      const rank = student.wishes.findIndex((wish) => samePath(wish, forced));
      outcomes.push({
        studentId: student.id,
        path: forced,
        wishRank: rank === -1 ? null : rank + 1,
        fixedByCoordinator: true,
        refused: [],
      });
      continue;
    }
    const refused: StudentOutcome["refused"] = [];
    let given: { path: Path; wishRank: number | null } | undefined;
    for (const [index, wish] of student.wishes.entries()) {
      const personal = pathViolations(consortium, student, wish);
      if (personal.length > 0) {
        refused.push({ wishRank: index + 1, path: wish, reasons: personal });
        continue;
      }
      const found = await keepsAllocationPossible(student, wish);
      if (found) {
        given = { path: wish, wishRank: index + 1 };
        break;
      }
      refused.push({
        wishRank: index + 1,
        path: wish,
        reasons: await diagnoseShortfalls(question({ student, path: wish }), solverStats),
      });
    }
    if (!given) {
      for (const path of possible.get(student.id)!) {
        if (await keepsAllocationPossible(student, path)) {
          given = { path, wishRank: null };
          break;
        }
      }
    }
    // The witness always holds a possible path for the student, so one is found above.
    if (!given) throw new Error(`No path kept the allocation possible for ${student.id}`);
    fixed.set(student.id, given.path);
    witness?.take(student.id, given.path);
    outcomes.push({ studentId: student.id, ...given, fixedByCoordinator: false, refused });
  }

  const allocation = new Map(outcomes.map((outcome) => [outcome.studentId, outcome.path]));
  const breaches = checkAllocation(consortium, students, allocation, overrides);
  if (breaches.length > 0) return { status: "infeasible", contradictions: breaches, stats: stats() };
  return { status: "allocated", students: outcomes, stats: stats() };

  /** The witness answers at once when it already gives the path; otherwise the solver decides. */
  async function keepsAllocationPossible(student: Student, path: Path): Promise<boolean> {
    if (witness?.allows(student.id, path)) return true;
    const found = await findAllocation(question({ student, path }), solverStats);
    if (found) witness = found;
    return found !== null;
  }
}

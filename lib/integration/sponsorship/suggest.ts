import { loadHighs } from "@/lib/highs";
import {
  daysUntilArrival,
  isEligiblePair,
  type MatchReason,
  type MatchSponsor,
  type MatchStudent,
  scorePair,
} from "@/lib/integration/sponsorship/rules";

/**
 * R-INT-7: the suggested sponsor–student pairs of a semester, as one global optimisation: the
 * most total points over all pairs, each student at most once, each sponsor at most their places
 * left, only pairs that pass the hard filters. A linear program over pair variables (HiGHS): its
 * constraint matrix is a bipartite graph's, so the optimal vertex HiGHS returns is whole (each
 * pair taken or not), and the program is far smaller than a MILP would need to be.
 *
 * Only each student's `candidatesPerStudent` best sponsors become variables (2,000 students and
 * 800 sponsors would otherwise be 1.6 million): the optimum is over those pairs. Ties are broken
 * the same way every time (a student's sponsors ranked by points, then by id), with weights too
 * small to outweigh a single point of the real score.
 */

export interface Suggestion {
  studentId: string;
  sponsorId: string;
  score: number;
  reason: MatchReason;
}

export interface SuggestionResult {
  suggestions: Suggestion[];
  /** Students the hard filters or the places left kept without a sponsor. */
  unmatchedStudentIds: string[];
  stats: { candidates: number; solverMs: number };
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function suggestMatches(
  students: readonly MatchStudent[],
  sponsors: readonly MatchSponsor[],
  today: string,
  candidatesPerStudent = 20,
): Promise<SuggestionResult> {
  const pool = [...students].sort(byId);
  const open = [...sponsors].filter((sponsor) => sponsor.remaining > 0).sort(byId);

  // Each student's best candidates: points, then sponsor id (open is sorted by id, the sort is stable).
  const candidates: { student: number; sponsor: number; rank: number; score: number; reason: MatchReason }[] = [];
  pool.forEach((student, studentIndex) => {
    const arrivesInDays = daysUntilArrival(student, today);
    const scored: { sponsorIndex: number; score: number; reason: MatchReason }[] = [];
    open.forEach((sponsor, sponsorIndex) => {
      if (isEligiblePair(student, sponsor))
        scored.push({ sponsorIndex, ...scorePair(student, sponsor, arrivesInDays) });
    });
    scored.sort((a, b) => b.score - a.score);
    scored.slice(0, candidatesPerStudent).forEach((entry, rank) => {
      candidates.push({
        student: studentIndex,
        sponsor: entry.sponsorIndex,
        rank,
        score: entry.score,
        reason: entry.reason,
      });
    });
  });
  if (candidates.length === 0) {
    return { suggestions: [], unmatchedStudentIds: pool.map((s) => s.id), stats: { candidates: 0, solverMs: 0 } };
  }

  // A real point outweighs every tie-break of the whole solution together.
  const scale = candidatesPerStudent * pool.length + 1;
  const objective = candidates.map((c, index) => `+ ${c.score * scale + (candidatesPerStudent - c.rank)} x${index}`);
  const studentRows = new Map<number, string[]>();
  const sponsorRows = new Map<number, string[]>();
  candidates.forEach((c, index) => {
    (studentRows.get(c.student) ?? studentRows.set(c.student, []).get(c.student)!).push(`+ x${index}`);
    (sponsorRows.get(c.sponsor) ?? sponsorRows.set(c.sponsor, []).get(c.sponsor)!).push(`+ x${index}`);
  });
  const lines = (terms: string[]) =>
    terms.reduce((text, term, i) => text + (i % 20 === 19 ? `\n ${term}` : ` ${term}`), "");
  const lp = [
    "Maximize",
    ` obj:${lines(objective)}`,
    "Subject To",
    ...[...studentRows].map(([student, terms]) => ` s${student}:${lines(terms)} <= 1`),
    ...[...sponsorRows].map(([sponsor, terms]) => ` p${sponsor}:${lines(terms)} <= ${open[sponsor]!.remaining}`),
    "Bounds",
    ...candidates.map((_, index) => ` 0 <= x${index} <= 1`),
    "End",
  ].join("\n");

  const highs = await loadHighs();
  const started = performance.now();
  const solution = highs.solve(lp, { output_flag: false, solver: "simplex" });
  const solverMs = performance.now() - started;
  if (solution.Status !== "Optimal") throw new Error(`HiGHS answered ${solution.Status}`);

  const suggestions: Suggestion[] = [];
  const matched = new Set<number>();
  candidates.forEach((c, index) => {
    const column = solution.Columns[`x${index}`];
    if (!column || !("Primal" in column) || column.Primal < 0.5) return;
    matched.add(c.student);
    suggestions.push({
      studentId: pool[c.student]!.id,
      sponsorId: open[c.sponsor]!.id,
      score: c.score,
      reason: c.reason,
    });
  });
  checkSuggestions(suggestions, open);
  return {
    suggestions,
    unmatchedStudentIds: pool.filter((_, index) => !matched.has(index)).map((s) => s.id),
    stats: { candidates: candidates.length, solverMs },
  };
}

/** The solver's answer is checked, not trusted: one sponsor per student, places respected. */
function checkSuggestions(suggestions: Suggestion[], sponsors: readonly MatchSponsor[]) {
  const students = new Set<string>();
  const taken = new Map<string, number>();
  for (const { studentId, sponsorId } of suggestions) {
    if (students.has(studentId)) throw new Error(`student ${studentId} suggested twice`);
    students.add(studentId);
    taken.set(sponsorId, (taken.get(sponsorId) ?? 0) + 1);
  }
  for (const sponsor of sponsors) {
    if ((taken.get(sponsor.id) ?? 0) > sponsor.remaining) throw new Error(`sponsor ${sponsor.id} over capacity`);
  }
}

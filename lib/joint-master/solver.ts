import { loadHighs } from "@/lib/highs";
import { type Path, pathKey, takesSeat } from "@/lib/joint-master/rules";
import type { TCohortStudent, TConsortium } from "@/lib/joint-master/schemas";

/**
 * The feasibility questions of the allocation, asked to HiGHS (MILP, WebAssembly): is there a
 * complete allocation of the students still open, each to one of their possible paths, such
 * that the seats (R-MOB-4) and the semester 2 balance (R-MOB-3) hold, given the paths already
 * fixed? An integer program over (group, path) variables: students with the same possible paths
 * and the same seat-taking are interchangeable for these questions, so they are counted
 * together (a cohort of 1,000 is a few dozen groups, not 10,000 binaries). The fixed students
 * are constants, so the model shrinks as the selection goes on.
 */

export interface OpenStudent {
  student: Pick<TCohortStudent, "id" | "scholarship">;
  /** Possible paths with a cost each (a wish's rank, so a witness tends to give wishes). */
  paths: { path: Path; cost: number }[];
}

export interface FeasibilityQuestion {
  consortium: TConsortium;
  open: OpenStudent[];
  fixed: { student: Pick<TCohortStudent, "id" | "scholarship">; path: Path }[];
}

/** A cohort-wide constraint that cannot hold, with how far it is short. */
export interface Shortfall {
  code: "R-MOB-3" | "R-MOB-4";
  semester: 2 | 3;
  university?: string;
  shortBy: number;
  /** The students who hold or, in the closest allocation, were sent to the place short. */
  studentIds: string[];
}

export interface SolverStats {
  solves: number;
  solverMs: number;
  largestModel: { variables: number; constraints: number };
}

export function emptyStats(): SolverStats {
  return { solves: 0, solverMs: 0, largestModel: { variables: 0, constraints: 0 } };
}

interface Row {
  name: string;
  terms: string[];
  sense: "<=" | ">=" | "=";
  rhs: number;
  /** Elastic rows get a slack variable, for the diagnosis. */
  slack?: { variable: string; sign: "+" | "-"; shortfall: Omit<Shortfall, "shortBy" | "studentIds"> };
}

interface Group {
  members: OpenStudent["student"][];
  takesSeat: boolean;
  paths: { path: Path; cost: number }[];
}

/** Interchangeable students together; a path's cost is the group's average wish rank for it. */
function groupStudents(question: FeasibilityQuestion): Group[] {
  const groups = new Map<string, Group & { costs: number[][] }>();
  for (const entry of question.open) {
    const seat = takesSeat(question.consortium, entry.student);
    const key = `${seat}|${entry.paths.map(({ path }) => `${path.semester2}/${path.semester3}`).join(",")}`;
    const group = groups.get(key) ?? { members: [], takesSeat: seat, paths: [], costs: entry.paths.map(() => []) };
    group.members.push(entry.student);
    for (const [index, { cost }] of entry.paths.entries()) group.costs[index]!.push(cost);
    if (group.paths.length === 0) group.paths = entry.paths.map(({ path }) => ({ path, cost: 0 }));
    groups.set(key, group);
  }
  return [...groups.values()].map(({ costs, ...group }) => ({
    ...group,
    paths: group.paths.map(({ path }, index) => ({
      path,
      cost: Math.round((costs[index]!.reduce((sum, cost) => sum + cost, 0) / costs[index]!.length) * 100) / 100,
    })),
  }));
}

function buildModel(question: FeasibilityQuestion, elastic: boolean) {
  const { consortium, fixed } = question;
  const groups = groupStudents(question);
  const variables: { name: string; groupIndex: number; path: Path; cost: number; upper: number }[] = [];
  groups.forEach((group, groupIndex) => {
    group.paths.forEach(({ path, cost }, pathIndex) => {
      variables.push({ name: `y${groupIndex}_${pathIndex}`, groupIndex, path, cost, upper: group.members.length });
    });
  });
  const rows: Row[] = groups.map((group, groupIndex) => ({
    name: `all${groupIndex}`,
    terms: variables.filter((variable) => variable.groupIndex === groupIndex).map((variable) => variable.name),
    sense: "=",
    rhs: group.members.length,
  }));

  consortium.offers.forEach((offer, offerIndex) => {
    if (offer.seats === null) return;
    const place = (path: Path) => (offer.semester === 2 ? path.semester2 : path.semester3) === offer.university;
    const taken = fixed.filter((entry) => takesSeat(consortium, entry.student) && place(entry.path)).length;
    rows.push({
      name: `seat${offerIndex}`,
      terms: variables
        .filter((variable) => groups[variable.groupIndex]!.takesSeat && place(variable.path))
        .map((variable) => variable.name),
      sense: "<=",
      rhs: offer.seats - taken,
      slack: elastic
        ? {
            variable: `slack_seat${offerIndex}`,
            sign: "-",
            shortfall: { code: "R-MOB-4", semester: offer.semester, university: offer.university },
          }
        : undefined,
    });
  });

  const { balance } = consortium;
  if (balance) {
    const sign = (path: Path) => (path.semester2 === balance.first ? 1 : path.semester2 === balance.second ? -1 : 0);
    const gap = fixed.reduce((sum, entry) => sum + sign(entry.path), 0);
    const terms = variables
      .filter((variable) => sign(variable.path) !== 0)
      .map((variable) => `${sign(variable.path) > 0 ? "+" : "-"} ${variable.name}`);
    const shortfall = { code: "R-MOB-3" as const, semester: 2 as const };
    rows.push(
      {
        name: "balanceHigh",
        terms,
        sense: "<=",
        rhs: balance.tolerance - gap,
        slack: elastic ? { variable: "slack_high", sign: "-", shortfall } : undefined,
      },
      {
        name: "balanceLow",
        terms,
        sense: ">=",
        rhs: -balance.tolerance - gap,
        slack: elastic ? { variable: "slack_low", sign: "+", shortfall } : undefined,
      },
    );
  }
  return { groups, variables, rows };
}

/** CPLEX LP text; long sums are wrapped, and `zero` (fixed at 0) keeps every row non-empty. */
function toLpText(model: ReturnType<typeof buildModel>, elastic: boolean): string {
  const wrap = (terms: string[]) =>
    terms
      .map((term) => (term.startsWith("+") || term.startsWith("-") ? term : `+ ${term}`))
      .reduce<string[]>((lines, term, index) => {
        if (index % 8 === 0) lines.push(term);
        else lines[lines.length - 1] += ` ${term}`;
        return lines;
      }, [])
      .join("\n ");
  const slacks = model.rows.flatMap((row) => (row.slack ? [row.slack.variable] : []));
  const objective = elastic
    ? slacks.map((slack) => `+ ${slack}`)
    : model.variables
        .filter((variable) => variable.cost !== 0)
        .map((variable) => `+ ${variable.cost} ${variable.name}`);
  const rows = model.rows.map((row) => {
    const terms = [...row.terms, "+ zero", ...(row.slack ? [`${row.slack.sign} ${row.slack.variable}`] : [])];
    return ` ${row.name}: ${wrap(terms)} ${row.sense} ${row.rhs}`;
  });
  return [
    "Minimize",
    ` obj: ${wrap(["+ zero", ...objective])}`,
    "Subject To",
    ...rows,
    "Bounds",
    " zero = 0",
    ...slacks.map((slack) => ` ${slack} >= 0`),
    ...model.variables.map((variable) => ` 0 <= ${variable.name} <= ${variable.upper}`),
    "General",
    ...model.variables.map((variable) => ` ${variable.name}`),
    "End",
  ].join("\n");
}

/** `exact`: the elastic model's minimum matters (how far short); a feasibility question needs any solution. */
async function run(lp: string, stats: SolverStats, size: { variables: number; constraints: number }, exact = false) {
  const solver = await loadHighs();
  const started = performance.now();
  const solution = solver.solve(lp, { output_flag: false, mip_rel_gap: exact ? 0 : 0.5 });
  stats.solves += 1;
  stats.solverMs += performance.now() - started;
  if (size.variables > stats.largestModel.variables) stats.largestModel = size;
  return solution;
}

/**
 * A complete allocation of the open students, as counts per group and path: a member of a
 * group may take any path the group uses at least once, and taking it uses one up.
 */
export class Witness {
  constructor(
    private readonly groupOf: Map<string, number>,
    private readonly counts: Map<number, Map<string, number>>,
  ) {}

  allows(studentId: string, path: Path): boolean {
    const group = this.groupOf.get(studentId);
    return group !== undefined && (this.counts.get(group)?.get(pathKey(path)) ?? 0) >= 1;
  }

  /** The student takes the path in this allocation (no-op for a student the allocation did not hold). */
  take(studentId: string, path: Path): void {
    const group = this.groupOf.get(studentId);
    if (group === undefined || !this.allows(studentId, path)) return;
    const paths = this.counts.get(group)!;
    paths.set(pathKey(path), paths.get(pathKey(path))! - 1);
    this.groupOf.delete(studentId);
  }
}

export async function findAllocation(question: FeasibilityQuestion, stats: SolverStats): Promise<Witness | null> {
  const model = buildModel(question, false);
  const solution = await run(toLpText(model, false), stats, {
    variables: model.variables.length,
    constraints: model.rows.length,
  });
  if (solution.Status === "Infeasible" || solution.Status === "Primal infeasible or unbounded") return null;
  if (solution.Status !== "Optimal") throw new Error(`HiGHS answered ${solution.Status}`);
  const groupOf = new Map<string, number>();
  const counts = new Map<number, Map<string, number>>();
  model.groups.forEach((group, groupIndex) => {
    for (const member of group.members) groupOf.set(member.id, groupIndex);
    counts.set(groupIndex, new Map());
  });
  for (const variable of model.variables) {
    counts.get(variable.groupIndex)!.set(pathKey(variable.path), countOf(solution, variable.name));
  }
  return new Witness(groupOf, counts);
}

function countOf(solution: Awaited<ReturnType<typeof run>>, name: string): number {
  const column = solution.Columns[name];
  return column && "Primal" in column ? Math.round(column.Primal) : 0;
}

/**
 * Why no allocation exists: the same program with the seats and the balance made elastic,
 * minimising how far they are exceeded; the constraints still exceeded are the contradiction.
 */
export async function diagnoseShortfalls(question: FeasibilityQuestion, stats: SolverStats): Promise<Shortfall[]> {
  const model = buildModel(question, true);
  const size = { variables: model.variables.length, constraints: model.rows.length };
  const solution = await run(toLpText(model, true), stats, size, true);
  if (solution.Status !== "Optimal") throw new Error(`HiGHS answered ${solution.Status} on the elastic model`);
  const shortfalls: Shortfall[] = [];
  for (const row of model.rows) {
    const shortBy = row.slack ? countOf(solution, row.slack.variable) : 0;
    if (!row.slack || shortBy <= 0) continue;
    const { shortfall } = row.slack;
    if (shortfall.code === "R-MOB-3") {
      if (!shortfalls.some((known) => known.code === "R-MOB-3"))
        shortfalls.push({ ...shortfall, shortBy, studentIds: [] });
      continue;
    }
    const at = (path: Path) => (shortfall.semester === 2 ? path.semester2 : path.semester3) === shortfall.university;
    // Who holds the place short: the fixed students there, then as many of each group as the closest allocation sends.
    const studentIds = [
      ...question.fixed.filter((entry) => at(entry.path)).map((entry) => entry.student.id),
      ...model.variables
        .filter((variable) => at(variable.path))
        .flatMap((variable) =>
          model.groups[variable.groupIndex]!.members.slice(0, countOf(solution, variable.name)).map(
            (member) => member.id,
          ),
        ),
    ];
    shortfalls.push({ ...shortfall, shortBy, studentIds });
  }
  return shortfalls;
}

import highsLoader from "highs";
import { type Path, takesSeat } from "@/lib/joint-master/rules";
import type { TCohortStudent, TConsortium } from "@/lib/joint-master/schemas";

/**
 * The feasibility questions of the allocation, asked to HiGHS (MILP, WebAssembly): is there a
 * complete allocation of the students still open, each to one of their possible paths, such
 * that the seats (R-MOB-4) and the semester 2 balance (R-MOB-3) hold, given the paths already
 * fixed? A 0-1 program over (student, path) variables; the fixed students are constants, so
 * the model shrinks as the selection goes on.
 */

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highs: Promise<Highs> | undefined;
/** One WebAssembly instance per process: each solve still gets a fresh native solver. */
function loadHighs(): Promise<Highs> {
  highs ??= highsLoader();
  return highs;
}

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

function buildModel(question: FeasibilityQuestion, elastic: boolean) {
  const { consortium, open, fixed } = question;
  const variables: { name: string; studentIndex: number; path: Path; cost: number }[] = [];
  open.forEach((entry, studentIndex) => {
    entry.paths.forEach(({ path, cost }, pathIndex) => {
      variables.push({ name: `x${studentIndex}_${pathIndex}`, studentIndex, path, cost });
    });
  });
  const rows: Row[] = open.map((_, studentIndex) => ({
    name: `one${studentIndex}`,
    terms: variables.filter((variable) => variable.studentIndex === studentIndex).map((variable) => variable.name),
    sense: "=",
    rhs: 1,
  }));

  consortium.offers.forEach((offer, offerIndex) => {
    if (offer.seats === null) return;
    const place = (path: Path) => (offer.semester === 2 ? path.semester2 : path.semester3) === offer.university;
    const taken = fixed.filter((entry) => takesSeat(consortium, entry.student) && place(entry.path)).length;
    rows.push({
      name: `seat${offerIndex}`,
      terms: variables
        .filter((variable) => takesSeat(consortium, open[variable.studentIndex]!.student) && place(variable.path))
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
  return { variables, rows };
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
    "Binary",
    ...model.variables.map((variable) => ` ${variable.name}`),
    "End",
  ].join("\n");
}

async function run(lp: string, stats: SolverStats, size: { variables: number; constraints: number }) {
  const solver = await loadHighs();
  const started = performance.now();
  const solution = solver.solve(lp, { output_flag: false, mip_rel_gap: 0.5 });
  stats.solves += 1;
  stats.solverMs += performance.now() - started;
  if (size.variables > stats.largestModel.variables) stats.largestModel = size;
  return solution;
}

/** A complete allocation of the open students that keeps every seat and the balance, or null. */
export async function findAllocation(
  question: FeasibilityQuestion,
  stats: SolverStats,
): Promise<Map<string, Path> | null> {
  const model = buildModel(question, false);
  const solution = await run(toLpText(model, false), stats, {
    variables: model.variables.length,
    constraints: model.rows.length,
  });
  if (solution.Status === "Infeasible" || solution.Status === "Primal infeasible or unbounded") return null;
  if (solution.Status !== "Optimal") throw new Error(`HiGHS answered ${solution.Status}`);
  const allocation = new Map<string, Path>();
  for (const variable of model.variables) {
    const column = solution.Columns[variable.name];
    if (column && "Primal" in column && column.Primal > 0.5) {
      allocation.set(question.open[variable.studentIndex]!.student.id, variable.path);
    }
  }
  return allocation;
}

/**
 * Why no allocation exists: the same program with the seats and the balance made elastic,
 * minimising how far they are exceeded; the constraints still exceeded are the contradiction.
 */
export async function diagnoseShortfalls(question: FeasibilityQuestion, stats: SolverStats): Promise<Shortfall[]> {
  const model = buildModel(question, true);
  const solution = await run(toLpText(model, true), stats, {
    variables: model.variables.length,
    constraints: model.rows.length,
  });
  if (solution.Status !== "Optimal") throw new Error(`HiGHS answered ${solution.Status} on the elastic model`);
  const chosen = model.variables.filter((variable) => {
    const column = solution.Columns[variable.name];
    return column && "Primal" in column && column.Primal > 0.5;
  });
  const shortfalls: Shortfall[] = [];
  for (const row of model.rows) {
    const column = row.slack ? solution.Columns[row.slack.variable] : undefined;
    const shortBy = column && "Primal" in column ? Math.round(column.Primal) : 0;
    if (!row.slack || shortBy <= 0) continue;
    const { shortfall } = row.slack;
    const at = (path: Path) =>
      shortfall.university === undefined ||
      (shortfall.semester === 2 ? path.semester2 : path.semester3) === shortfall.university;
    const studentIds = [
      ...question.fixed.filter((entry) => at(entry.path)).map((entry) => entry.student.id),
      ...chosen
        .filter((variable) => at(variable.path))
        .map((variable) => question.open[variable.studentIndex]!.student.id),
    ];
    if (shortfall.code === "R-MOB-3" && shortfalls.some((known) => known.code === "R-MOB-3")) continue;
    shortfalls.push({ ...shortfall, shortBy, studentIds: shortfall.code === "R-MOB-3" ? [] : studentIds });
  }
  return shortfalls;
}

import highsLoader from "highs";

/**
 * HiGHS (LP/MILP solver, WebAssembly), for the features that optimise (joint-master allocation,
 * sponsorship matching). One WebAssembly instance per process: each solve still gets a fresh
 * native solver.
 */
export type Highs = Awaited<ReturnType<typeof highsLoader>>;
export type HighsSolution = ReturnType<Highs["solve"]>;

let highs: Promise<Highs> | undefined;

export function loadHighs(): Promise<Highs> {
  highs ??= highsLoader();
  return highs;
}

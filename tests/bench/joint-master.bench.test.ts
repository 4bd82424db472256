/**
 * The joint-master allocation (issue 18): a cohort of 200 students allocated by rank priority,
 * every feasibility question asked to HiGHS, in at most 30 s; 1,000 students to the end.
 */
import { expect, it } from "vitest";
import { allocateCohort } from "@/lib/joint-master/allocate";
import { checkAllocation } from "@/lib/joint-master/rules";
import { randomIntake } from "../support/joint-master-cohort";

const targetMs = 30_000;

it("allocates 200 students in at most 30 s, every rule and seat checked", async () => {
  const { consortium, students } = randomIntake(200);
  const started = performance.now();
  const result = await allocateCohort({ consortium, students, overrides: [] });
  const elapsed = performance.now() - started;
  console.log(`\njoint-master allocation, 200 students: ${Math.round(elapsed)} ms`, JSON.stringify(result.stats));
  expect(result.status).toBe("allocated");
  if (result.status !== "allocated") return;
  const allocation = new Map(result.students.map((outcome) => [outcome.studentId, outcome.path]));
  expect(checkAllocation(consortium, students, allocation)).toEqual([]);
  expect(elapsed).toBeLessThanOrEqual(targetMs);
});

it("allocates 1,000 students to the end, every rule and seat checked (bad input must never become a 500)", async () => {
  const { consortium, students } = randomIntake(1_000, 11);
  const started = performance.now();
  const result = await allocateCohort({ consortium, students, overrides: [] });
  console.log(`\njoint-master allocation, 1,000 students: ${Math.round(performance.now() - started)} ms`);
  expect(result.status).toBe("allocated");
  if (result.status !== "allocated") return;
  const allocation = new Map(result.students.map((outcome) => [outcome.studentId, outcome.path]));
  expect(checkAllocation(consortium, students, allocation)).toEqual([]);
});

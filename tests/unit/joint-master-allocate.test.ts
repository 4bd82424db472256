import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateCohort } from "@/lib/joint-master/allocate";
import { europhotonics } from "@/lib/joint-master/europhotonics";
import { checkAllocation, type Path, possiblePaths, samePath, selectionOrder } from "@/lib/joint-master/rules";
import type { TCohortStudent, TConsortium } from "@/lib/joint-master/schemas";

const path = (semester2: string, semester3: string): Path => ({ semester2, semester3 });
const withSeats = (seats: Record<string, number | null>, tolerance = 1): TConsortium => ({
  ...europhotonics,
  offers: europhotonics.offers.map((offer) =>
    offer.semester === 3 && offer.university in seats ? { ...offer, seats: seats[offer.university]! } : offer,
  ),
  balance: { first: "AMU", second: "KIT", tolerance },
});
const student = (
  id: string,
  ranking: number,
  wishes: Path[],
  lastDegreeCountry = "IN",
  scholarship: string | null = null,
): TCohortStudent => ({ id, ranking, wishes, lastDegreeCountry, scholarship });

async function allocated(consortium: TConsortium, students: TCohortStudent[], overrides = []) {
  const result = await allocateCohort({ consortium, students, overrides });
  if (result.status !== "allocated") throw new Error(JSON.stringify(result.contradictions));
  return new Map(result.students.map((outcome) => [outcome.studentId, outcome]));
}

describe("R-MOB-7 rank priority, small cases computed by hand", () => {
  it("the better-ranked student takes the last seat; the other gets their next wish, told why", async () => {
    const consortium = withSeats({ UPC: 1 });
    const result = await allocated(consortium, [
      // B's Marseille wish would break the semester 2 balance with A there (R-MOB-3).
      student("B", 2, [path("KIT", "UPC"), path("AMU", "TAU"), path("KIT", "TAU")]),
      student("A", 1, [path("AMU", "UPC")]),
    ]);
    expect(result.get("A")).toMatchObject({ path: path("AMU", "UPC"), wishRank: 1 });
    expect(result.get("B")).toMatchObject({ path: path("KIT", "TAU"), wishRank: 3 });
    expect(result.get("B")!.refused).toEqual([
      {
        wishRank: 1,
        path: path("KIT", "UPC"),
        reasons: [expect.objectContaining({ code: "R-MOB-4", semester: 3, university: "UPC" })],
      },
      { wishRank: 2, path: path("AMU", "TAU"), reasons: [expect.objectContaining({ code: "R-MOB-3" })] },
    ]);
  });

  it("R-MOB-3: a wish is refused when it would leave the balance impossible for the students after", async () => {
    // Three students all wishing Karlsruhe in semester 2: the third must go to Marseille (2 − 1 ≤ 1),
    // and the second may keep Karlsruhe only because the third can still balance it.
    const wishes = [path("KIT", "UPC"), path("AMU", "UPC")];
    const result = await allocated(withSeats({}), [
      student("A", 1, wishes),
      student("B", 2, wishes),
      student("C", 3, wishes),
    ]);
    expect([...result.values()].map((outcome) => outcome.wishRank)).toEqual([1, 1, 2]);
    expect(result.get("C")!.refused[0]!.reasons).toEqual([expect.objectContaining({ code: "R-MOB-3" })]);
  });

  it("looks ahead: a wish is refused if a later student would be left with no valid path", async () => {
    // D holds a French degree: Karlsruhe then a third country is their only way (R-MOB-2).
    // With one Barcelona seat and no Tampere or Vilnius seats, A cannot take Barcelona although it is free.
    const consortium = withSeats({ UPC: 1, TAU: 0, VU: 0, KIT: 1 });
    const result = await allocated(consortium, [
      student("A", 1, [path("AMU", "UPC"), path("AMU", "KIT")]),
      student("D", 2, [], "FR"),
    ]);
    expect(result.get("A")).toMatchObject({ path: path("AMU", "KIT"), wishRank: 2 });
    expect(result.get("D")).toMatchObject({ path: path("KIT", "UPC"), wishRank: null });
  });

  it("equal rankings: the lower student number chooses first (declared tie-break)", async () => {
    const consortium = withSeats({ TAU: 1 });
    const wishes = [path("AMU", "TAU"), path("KIT", "VU")];
    const result = await allocated(consortium, [student("S2", 1, wishes), student("S1", 1, wishes)]);
    expect(result.get("S1")!.wishRank).toBe(1);
    expect(result.get("S2")!.wishRank).toBe(2);
  });

  it("a wish naming an unknown university is refused with that reason, the next one is kept", async () => {
    const result = await allocated(withSeats({}), [student("A", 1, [path("KIT", "MIT"), path("KIT", "VU")])]);
    expect(result.get("A")).toMatchObject({ wishRank: 2 });
    expect(result.get("A")!.refused[0]!.reasons).toEqual([expect.objectContaining({ code: "unknownUniversity" })]);
  });

  it("a path fixed by the coordinator is kept and shown as such", async () => {
    const result = await allocateCohort({
      consortium: withSeats({}),
      students: [student("A", 1, [path("KIT", "VU")])],
      overrides: [{ studentId: "A", semester2: "AMU", semester3: "TAU" }],
    });
    expect(result.status === "allocated" && result.students[0]).toMatchObject({
      path: path("AMU", "TAU"),
      fixedByCoordinator: true,
      wishRank: null,
    });
  });
});

describe("infeasible cohorts are explained, never bent", () => {
  it("R-MOB-5 with R-MOB-2: a TIGER scholar whose last degree is French", async () => {
    const result = await allocateCohort({
      consortium: europhotonics,
      students: [student("T", 1, [], "FR", "TIGER"), student("A", 2, [path("KIT", "UPC")])],
      overrides: [],
    });
    expect(result).toMatchObject({
      status: "infeasible",
      contradictions: [
        { code: "R-MOB-5", studentIds: ["T"] },
        { code: "R-MOB-2", studentIds: ["T"] },
      ],
    });
  });

  it("R-MOB-4: seats below what the rules need", async () => {
    // Three French-degree students need Karlsruhe then a third country; two such seats in all.
    const consortium = withSeats({ UPC: 1, TAU: 1, VU: 0 });
    const students = ["A", "B", "C"].map((id, index) => student(id, index + 1, [], "FR"));
    const result = await allocateCohort({ consortium, students, overrides: [] });
    expect(result.status).toBe("infeasible");
    if (result.status !== "infeasible") return;
    expect(result.contradictions.map((reason) => reason.code)).toContain("R-MOB-4");
  });

  it("R-MOB-3: everyone must be in Karlsruhe in semester 2 but the balance forbids it", async () => {
    const students = ["A", "B", "C"].map((id, index) => student(id, index + 1, [], "IN", "TIGER"));
    const result = await allocateCohort({ consortium: europhotonics, students, overrides: [] });
    expect(result).toMatchObject({ status: "infeasible", contradictions: [{ code: "R-MOB-3", shortBy: 2 }] });
  });

  it("an override that breaks a rule is a contradiction, not applied", async () => {
    const result = await allocateCohort({
      consortium: europhotonics,
      students: [student("A", 1, [], "FR")],
      overrides: [{ studentId: "A", semester2: "KIT", semester3: "AMU" }],
    });
    expect(result).toMatchObject({ status: "infeasible", contradictions: [{ code: "R-MOB-2", studentIds: ["A"] }] });
  });
});

/**
 * The reference: every valid complete allocation enumerated, then narrowed student by student
 * in selection order to those giving them their best still-reachable wish (else the first
 * possible path in the consortium's order). Independent of the solver.
 */
function validAllocations(consortium: TConsortium, order: TCohortStudent[]): Path[][] {
  let complete: Path[][] = [[]];
  for (const entry of order) {
    complete = complete.flatMap((prefix) => possiblePaths(consortium, entry).map((option) => [...prefix, option]));
  }
  return complete.filter(
    (paths) =>
      checkAllocation(consortium, order, new Map(order.map((entry, index) => [entry.id, paths[index]!]))).length === 0,
  );
}

function referenceAllocation(consortium: TConsortium, students: TCohortStudent[]): Map<string, Path> | null {
  const order = selectionOrder(students);
  let valid = validAllocations(consortium, order);
  if (valid.length === 0) return null;
  order.forEach((entry, index) => {
    const options = [...entry.wishes, ...possiblePaths(consortium, entry)];
    const best = options.find((option) => valid.some((paths) => samePath(paths[index]!, option)))!;
    valid = valid.filter((paths) => samePath(paths[index]!, best));
  });
  return new Map(order.map((entry, index) => [entry.id, valid[0]![index]!]));
}

const universities = ["AMU", "KIT", "UPC", "TAU", "VU"];
const arbitraryCohort = fc.record({
  seats: fc.record(Object.fromEntries(universities.map((code) => [code, fc.integer({ min: 0, max: 2 })]))),
  students: fc.array(
    fc.record({
      ranking: fc.integer({ min: 1, max: 4 }),
      lastDegreeCountry: fc.constantFrom("IN", "FR", "DE", "ES"),
      tiger: fc.integer({ min: 0, max: 4 }).map((draw) => draw === 0),
      wishes: fc.uniqueArray(
        fc.record({ semester2: fc.constantFrom("AMU", "KIT"), semester3: fc.constantFrom(...universities) }),
        { maxLength: 3, selector: (wish) => `${wish.semester2}/${wish.semester3}` },
      ),
    }),
    { minLength: 1, maxLength: 5 },
  ),
});

describe("property: random cohorts", () => {
  it("every allocation produced passes the checker and equals the rank-priority reference", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryCohort, async ({ seats, students: drawn }) => {
        const consortium = withSeats(seats);
        const students = drawn.map((entry, index) =>
          student(`S${index}`, entry.ranking, entry.wishes, entry.lastDegreeCountry, entry.tiger ? "TIGER" : null),
        );
        const result = await allocateCohort({ consortium, students, overrides: [] });
        const reference = referenceAllocation(consortium, students);
        if (result.status === "infeasible") {
          expect(reference).toBeNull();
          expect(result.contradictions.length).toBeGreaterThan(0);
          return;
        }
        const produced = new Map(result.students.map((outcome) => [outcome.studentId, outcome.path]));
        expect(checkAllocation(consortium, students, produced)).toEqual([]);
        expect(produced).toEqual(reference);

        // No student could get a better wish unless a better-ranked student lost theirs or a rule broke.
        const order = selectionOrder(students);
        const valid = validAllocations(consortium, order);
        for (const [index, entry] of order.entries()) {
          const outcome = result.students.find((candidate) => candidate.studentId === entry.id)!;
          const better = entry.wishes.slice(0, (outcome.wishRank ?? entry.wishes.length + 1) - 1);
          const reachable = better.filter((wish) =>
            valid.some(
              (paths) =>
                samePath(paths[index]!, wish) &&
                order.slice(0, index).every((earlier, before) => samePath(paths[before]!, produced.get(earlier.id)!)),
            ),
          );
          expect(reachable).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });
});

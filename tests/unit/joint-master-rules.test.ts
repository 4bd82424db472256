import { describe, expect, it } from "vitest";
import { europhotonics } from "@/lib/joint-master/europhotonics";
import { checkAllocation, type Path, pathViolations, selectionOrder } from "@/lib/joint-master/rules";
import { ZCohortStudent } from "@/lib/joint-master/schemas";

const student = (id: string, lastDegreeCountry: string, scholarship: string | null = null) => ({
  id,
  lastDegreeCountry,
  scholarship,
});
const path = (semester2: string, semester3: string): Path => ({ semester2, semester3 });
const codes = (who: ReturnType<typeof student>, where: Path) =>
  pathViolations(europhotonics, who, where).map((violation) => violation.code);

describe("a path for one student (R-MOB-1, R-MOB-2, R-MOB-5)", () => {
  it.each([
    ["R-MOB-1: Marseille all along is one university", student("a", "IN"), path("AMU", "AMU"), ["R-MOB-1", "R-MOB-2"]],
    ["R-MOB-1: Marseille then Karlsruhe is two", student("a", "IN"), path("KIT", "AMU"), []],
    [
      "R-MOB-2: French degree, Karlsruhe then Marseille: one foreign country",
      student("a", "FR"),
      path("KIT", "AMU"),
      ["R-MOB-2"],
    ],
    ["R-MOB-2: French degree, Karlsruhe then Barcelona: two", student("a", "FR"), path("KIT", "UPC"), []],
    [
      "R-MOB-2: German degree, Karlsruhe twice: one foreign country",
      student("a", "DE"),
      path("KIT", "KIT"),
      ["R-MOB-2"],
    ],
    ["R-MOB-2: Indian degree, Karlsruhe twice: France and Germany", student("a", "IN"), path("KIT", "KIT"), []],
    ["R-MOB-5: TIGER on Marseille – Karlsruhe – Marseille", student("a", "IN", "TIGER"), path("KIT", "AMU"), []],
    ["R-MOB-5: TIGER elsewhere", student("a", "IN", "TIGER"), path("KIT", "UPC"), ["R-MOB-5"]],
    ["R-MOB-5 and R-MOB-2: TIGER with a French degree", student("a", "FR", "TIGER"), path("KIT", "AMU"), ["R-MOB-2"]],
    ["semester 2 in Barcelona is not offered", student("a", "IN"), path("UPC", "KIT"), ["notOffered"]],
    ["an unknown university", student("a", "IN"), path("KIT", "MIT"), ["unknownUniversity"]],
  ])("%s", (_, who, where, expected) => {
    expect(codes(who, where)).toEqual(expected);
  });

  it("R-MOB-1: a period under the minimum ECTS breaks the rule", () => {
    const thin = {
      ...europhotonics,
      offers: europhotonics.offers.map((offer) => (offer.university === "VU" ? { ...offer, ects: 20 } : offer)),
    };
    expect(pathViolations(thin, student("a", "IN"), path("KIT", "VU")).map((v) => v.code)).toEqual(["R-MOB-1"]);
  });
});

describe("R-MOB-7 selection order", () => {
  it("ranks first, ties broken by the student's number", () => {
    const order = selectionOrder([
      { id: "B", ranking: 2 },
      { id: "C", ranking: 1 },
      { id: "A", ranking: 2 },
    ]);
    expect(order.map((entry) => entry.id)).toEqual(["C", "A", "B"]);
  });

  it("refuses the same wish twice (a duplicate rank)", () => {
    const parsed = ZCohortStudent.safeParse({
      id: "A",
      lastDegreeCountry: "IN",
      scholarship: null,
      ranking: 1,
      wishes: [path("KIT", "UPC"), path("KIT", "UPC")],
    });
    expect(parsed.success).toBe(false);
  });
});

describe("the independent checker", () => {
  const cohort = [student("a", "IN"), student("b", "FR"), student("t", "IN", "TIGER")];
  const check = (entries: [string, Path][], consortium = europhotonics) =>
    checkAllocation(consortium, cohort, new Map(entries)).map((violation) => violation.code);

  it("accepts a valid allocation", () => {
    expect(
      check([
        ["a", path("AMU", "KIT")],
        ["b", path("KIT", "UPC")],
        ["t", path("KIT", "AMU")],
      ]),
    ).toEqual([]);
  });

  it.each([
    [
      "R-MOB-2",
      [
        ["a", path("AMU", "KIT")],
        ["b", path("KIT", "AMU")],
        ["t", path("KIT", "AMU")],
      ],
    ],
    [
      "R-MOB-5",
      [
        ["a", path("AMU", "KIT")],
        ["b", path("KIT", "UPC")],
        ["t", path("AMU", "UPC")],
      ],
    ],
    [
      "R-MOB-3",
      [
        ["a", path("KIT", "KIT")],
        ["b", path("KIT", "UPC")],
        ["t", path("KIT", "AMU")],
      ],
    ],
    [
      "unallocated",
      [
        ["a", path("AMU", "KIT")],
        ["t", path("KIT", "AMU")],
      ],
    ],
  ] as [string, [string, Path][]][])("names %s", (code, entries) => {
    expect(check(entries)).toContain(code);
  });

  it("R-MOB-4: more students than seats, TIGER scholars apart", () => {
    const oneSeat = {
      ...europhotonics,
      offers: europhotonics.offers.map((offer) => (offer.semester === 3 ? { ...offer, seats: 1 } : offer)),
    };
    const entries: [string, Path][] = [
      ["a", path("AMU", "UPC")],
      ["b", path("KIT", "UPC")],
      ["t", path("KIT", "AMU")],
    ];
    const violations = checkAllocation(oneSeat, cohort, new Map(entries));
    expect(violations).toEqual([{ code: "R-MOB-4", studentIds: ["a", "b"], semester: 3, university: "UPC" }]);
  });

  it("names an override the allocation ignored", () => {
    const entries: [string, Path][] = [
      ["a", path("AMU", "KIT")],
      ["b", path("KIT", "UPC")],
      ["t", path("KIT", "AMU")],
    ];
    const violations = checkAllocation(europhotonics, cohort, new Map(entries), [
      { studentId: "a", semester2: "AMU", semester3: "TAU" },
    ]);
    expect(violations.map((violation) => violation.code)).toEqual(["overrideIgnored"]);
  });
});

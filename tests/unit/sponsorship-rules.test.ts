import { describe, expect, it } from "vitest";
import {
  canTakeStudent,
  daysUntilArrival,
  isEligiblePair,
  isUnmatchedTooClose,
  type MatchSponsor,
  type MatchStudent,
  scorePair,
  sponsorshipEndsOn,
} from "@/lib/integration/sponsorship/rules";
import { ZApplyAsSponsor, ZOptInSponsorship } from "@/lib/integration/sponsorship/schemas";
import { suggestMatches } from "@/lib/integration/sponsorship/suggest";

const student = (id: string, over: Partial<MatchStudent> = {}): MatchStudent => ({
  id,
  componentId: "law",
  city: "AIX",
  languages: ["en"],
  interests: [],
  arrivalDate: null,
  ...over,
});
const sponsor = (id: string, over: Partial<MatchSponsor> = {}): MatchSponsor => ({
  id,
  componentId: "science",
  city: "AIX",
  languages: ["fr", "en"],
  interests: [],
  remaining: 1,
  ...over,
});

describe("R-INT-7: hard filters (isEligiblePair)", () => {
  it.each([
    ["same city, a shared language", student("s"), sponsor("p"), true],
    ["other city", student("s", { city: "MARSEILLE" }), sponsor("p"), false],
    ["no city preference", student("s", { city: "NO_PREFERENCE" }), sponsor("p", { city: "MARSEILLE" }), true],
    ["city unknown", student("s", { city: null }), sponsor("p", { city: "MARSEILLE" }), true],
    ["no language in common", student("s", { languages: ["zh"] }), sponsor("p"), false],
    ["no language at all", student("s", { languages: [] }), sponsor("p"), false],
  ])("%s → %s", (_case, s, p, eligible) => {
    expect(isEligiblePair(s, p)).toBe(eligible);
  });
});

describe("R-INT-7: weighted preferences (scorePair)", () => {
  it.each([
    ["one shared language", student("s"), sponsor("p"), null, 40],
    ["two shared languages", student("s", { languages: ["en", "fr"] }), sponsor("p"), null, 50],
    ["same faculty", student("s"), sponsor("p", { componentId: "law" }), null, 70],
    [
      "two shared interests",
      student("s", { interests: ["music", "sport"] }),
      sponsor("p", { interests: ["sport", "music"] }),
      null,
      50,
    ],
    [
      "interests capped at 20",
      student("s", { interests: ["a", "b", "c", "d", "e"] }),
      sponsor("p", { interests: ["a", "b", "c", "d", "e"] }),
      null,
      60,
    ],
    ["arriving today", student("s"), sponsor("p"), 0, 50],
    ["arriving in 3 weeks", student("s"), sponsor("p"), 21, 47],
    ["arriving in 3 months", student("s"), sponsor("p"), 90, 40],
  ])("%s → %i points", (_case, s, p, days, points) => {
    expect(scorePair(s, p, days).score).toBe(points);
  });
  it("explains itself: what is shared, sorted", () => {
    const { reason } = scorePair(
      student("s", { languages: ["fr", "en"], interests: ["music"] }),
      sponsor("p", { componentId: "law", interests: ["music", "art"] }),
      3,
    );
    expect(reason).toEqual({ languages: ["en", "fr"], sameFaculty: true, interests: ["music"], arrivesInDays: 3 });
  });
  it.each([
    [null, "2026-08-20", null],
    ["2026-08-25", "2026-08-20", 5],
    ["2026-08-15", "2026-08-20", null],
  ])("arrival %s, today %s → in %s days", (arrivalDate, today, days) => {
    expect(daysUntilArrival({ arrivalDate }, today)).toBe(days);
  });
});

describe("R-INT-7: suggestions are one global optimum (suggestMatches)", () => {
  it("gives the contested sponsor to whoever makes the total best, not to the first asking", async () => {
    // Greedy student by student would give P to A (law+music: 80) and leave B with nothing;
    // the optimum gives P to B (only P speaks Chinese) and Q to A.
    const students = [
      student("A", { languages: ["en", "zh"], interests: ["music"] }),
      student("B", { languages: ["zh"] }),
    ];
    const sponsors = [
      sponsor("P", { languages: ["en", "zh"], componentId: "law", interests: ["music"] }),
      sponsor("Q", { languages: ["en"] }),
    ];
    const { suggestions } = await suggestMatches(students, sponsors, "2026-08-01");
    expect(suggestions.map((s) => [s.studentId, s.sponsorId]).sort()).toEqual([
      ["A", "Q"],
      ["B", "P"],
    ]);
  });
  it("respects each sponsor's places left", async () => {
    const students = ["s1", "s2", "s3", "s4"].map((id) => student(id));
    const { suggestions, unmatchedStudentIds } = await suggestMatches(
      students,
      [sponsor("p", { remaining: 3 }), sponsor("full", { remaining: 0 })],
      "2026-08-01",
    );
    expect(suggestions).toHaveLength(3);
    expect(suggestions.every((s) => s.sponsorId === "p")).toBe(true);
    expect(unmatchedStudentIds).toHaveLength(1);
  });
  it("never pairs across the hard filters", async () => {
    const { suggestions, unmatchedStudentIds } = await suggestMatches(
      [student("s", { city: "MARSEILLE" })],
      [sponsor("p", { city: "AIX" })],
      "2026-08-01",
    );
    expect(suggestions).toEqual([]);
    expect(unmatchedStudentIds).toEqual(["s"]);
  });
  it("breaks ties the same way every time: the sponsor with the smaller id", async () => {
    const run = () => suggestMatches([student("s")], [sponsor("p2"), sponsor("p1")], "2026-08-01");
    const first = await run();
    expect(first.suggestions.map((s) => s.sponsorId)).toEqual(["p1"]);
    expect((await run()).suggestions).toEqual(first.suggestions);
  });
  it("prefers the earlier arrival when places are short", async () => {
    const { suggestions } = await suggestMatches(
      [student("late", { arrivalDate: "2026-10-01" }), student("soon", { arrivalDate: "2026-08-03" })],
      [sponsor("p")],
      "2026-08-01",
    );
    expect(suggestions.map((s) => s.studentId)).toEqual(["soon"]);
  });
  it("with nobody to match answers nothing", async () => {
    expect((await suggestMatches([], [sponsor("p")], "2026-08-01")).suggestions).toEqual([]);
  });
});

describe("R-INT-5: a sponsor's places", () => {
  it.each([
    ["APPROVED", 3, 2, true],
    ["APPROVED", 3, 3, false],
    ["PENDING", 3, 0, false],
    ["REFUSED", 3, 0, false],
  ] as const)("%s, capacity %i, %i matched → %s", (status, capacity, matched, can) => {
    expect(canTakeStudent({ status, capacity }, matched)).toBe(can);
  });
  it.each([
    ["0", false],
    ["1", true],
    ["3", true],
    ["4", false],
  ])("capacity %s accepted: %s", (capacity, ok) => {
    const form = { componentId: crypto.randomUUID(), city: "AIX", languages: "fr, EN", capacity, charter: "on" };
    expect(ZApplyAsSponsor.safeParse(form).success).toBe(ok);
  });
  it("needs the charter ticked and reads languages as codes", () => {
    const form = { componentId: crypto.randomUUID(), city: "AIX", languages: "fr, EN, fr", capacity: "2" };
    expect(ZApplyAsSponsor.safeParse(form).success).toBe(false);
    expect(ZApplyAsSponsor.parse({ ...form, charter: "on" }).languages).toEqual(["fr", "en"]);
    expect(ZApplyAsSponsor.safeParse({ ...form, languages: "French", charter: "on" }).success).toBe(false);
  });
});

describe("R-INT-6: the student's consent must be ticked", () => {
  it.each([
    [{ languages: "en", consent: "on" }, true],
    [{ languages: "en" }, false],
    [{ languages: "", consent: "on" }, false],
  ])("%j → %s", (form, ok) => {
    expect(ZOptInSponsorship.safeParse(form).success).toBe(ok);
  });
});

describe("R-INT-9: unmatched two weeks before arrival is flagged", () => {
  it.each([
    [null, false],
    ["2026-08-14", true],
    ["2026-08-15", true],
    ["2026-08-16", false],
    ["2026-07-31", false],
  ])("arrival %s (today 2026-08-01) → %s", (arrival, flagged) => {
    expect(isUnmatchedTooClose(arrival, "2026-08-01")).toBe(flagged);
  });
});

describe("R-INT-9: when a sponsorship is over", () => {
  it.each([
    [2026, "S1", "2027-02-01"],
    [2026, "S2", "2027-09-01"],
    [2026, "FULL_YEAR", "2027-09-01"],
    [2026, null, "2027-09-01"],
  ] as const)("%i %s → %s", (year, period, day) => {
    expect(sponsorshipEndsOn(year, period)).toBe(day);
  });
});

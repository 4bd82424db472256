/**
 * R-INT-7: the sponsorship suggestions at a large semester's scale (issue 16): 2,000 students
 * who opted in and 800 approved sponsors (1 to 3 places each), two cities, 12 faculties, a
 * dozen languages and interests. Target: the whole suggestion (scoring, pruning, the linear
 * program, the check) ≤ 5 s.
 */
import { describe, expect, it } from "vitest";
import type { MatchSponsor, MatchStudent } from "@/lib/integration/sponsorship/rules";
import { suggestMatches } from "@/lib/integration/sponsorship/suggest";
import { measure, report } from "./measure";

/** A small deterministic generator, so every run measures the same cohort. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const languages = ["fr", "en", "es", "de", "it", "pt", "zh", "ar", "ja", "ru", "pl", "nl"];
const interests = ["music", "sport", "cinema", "hiking", "cooking", "games", "theatre", "art", "tech", "reading"];
const faculties = Array.from({ length: 12 }, (_, i) => `faculty-${i}`);
const pick = <T>(random: () => number, list: readonly T[], count: number) => [
  ...new Set(Array.from({ length: count }, () => list[Math.floor(random() * list.length)]!)),
];
const id = (prefix: string, i: number) => `${prefix}-${String(i).padStart(5, "0")}`;

function cohort() {
  const random = generator(16);
  const students: MatchStudent[] = Array.from({ length: 2_000 }, (_, i) => ({
    id: id("student", i),
    componentId: faculties[i % faculties.length]!,
    city: random() < 0.2 ? "NO_PREFERENCE" : random() < 0.5 ? "AIX" : "MARSEILLE",
    languages: pick(random, languages, 1 + Math.floor(random() * 3)),
    interests: pick(random, interests, Math.floor(random() * 4)),
    arrivalDate: `2026-09-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`,
  }));
  const sponsors: MatchSponsor[] = Array.from({ length: 800 }, (_, i) => ({
    id: id("sponsor", i),
    componentId: faculties[Math.floor(random() * faculties.length)]!,
    city: random() < 0.5 ? "AIX" : "MARSEILLE",
    languages: ["fr", ...pick(random, languages, 1 + Math.floor(random() * 2))],
    interests: pick(random, interests, 1 + Math.floor(random() * 4)),
    remaining: 1 + Math.floor(random() * 3),
  }));
  return { students, sponsors };
}

describe("sponsorship suggestions (R-INT-7)", () => {
  it("2,000 students and 800 sponsors in at most 5 s", async () => {
    const { students, sponsors } = cohort();
    const places = sponsors.reduce((sum, sponsor) => sum + sponsor.remaining, 0);
    const result = await suggestMatches(students, sponsors, "2026-08-20");
    console.log(
      `suggested ${result.suggestions.length} pairs for ${students.length} students and ${places} places; ` +
        `${result.stats.candidates} candidate pairs; solver ${Math.round(result.stats.solverMs)} ms`,
    );
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(result.suggestions.length).toBeLessThanOrEqual(Math.min(students.length, places));
    const timing = await measure(
      "suggestMatches(2,000 × 800)",
      () => suggestMatches(students, sponsors, "2026-08-20"),
      3,
    );
    report("Sponsorship suggestions", [timing]);
    expect(timing.max).toBeLessThanOrEqual(5_000);
  });
});

import { europhotonics } from "@/lib/joint-master/europhotonics";
import type { TCohortStudent, TConsortium } from "@/lib/joint-master/schemas";

/**
 * A seeded random Europhotonics intake of any size for benchmarks: degrees from six countries,
 * one in ten a TIGER scholar (never with a French or German degree, which no path can satisfy),
 * three wishes each leaning to Karlsruhe in semester 2, seats in semester 3 for about 30 % of
 * the intake at each partner, rankings with ties.
 */
export function randomIntake(size: number, seed = 7): { consortium: TConsortium; students: TCohortStudent[] } {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const universities = europhotonics.universities.map((university) => university.code);
  const consortium: TConsortium = {
    ...europhotonics,
    offers: europhotonics.offers.map((offer) =>
      offer.semester === 3 ? { ...offer, seats: Math.ceil(size * 0.3) } : offer,
    ),
  };
  const students = Array.from({ length: size }, (_, index): TCohortStudent => {
    const tiger = random() < 0.1;
    const wishes = Array.from({ length: 3 }, () => ({
      semester2: random() < 0.7 ? "KIT" : "AMU",
      semester3: pick(universities),
    })).filter(
      (wish, position, all) =>
        all.findIndex((other) => other.semester2 === wish.semester2 && other.semester3 === wish.semester3) === position,
    );
    return {
      id: `S${String(index).padStart(5, "0")}`,
      lastDegreeCountry: tiger ? pick(["IN", "BR", "CN"]) : pick(["IN", "FR", "DE", "CN", "BR", "ES"]),
      scholarship: tiger ? "TIGER" : null,
      ranking: 1 + Math.floor(random() * size),
      wishes,
    };
  });
  return { consortium, students };
}

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

/**
 * A 12-student Europhotonics intake as a coordinator's CSV (the e2e and integration journeys):
 * one TIGER scholar, two French degrees, wishes that compete for Barcelona's seats.
 * `emailOf(number)` gives each student's address, so a test can sign one in.
 */
export function twelveStudentCsv(emailOf: (studentNumber: string) => string): string {
  const rows: [string, string, string, string, number, string][] = [
    ["E01", "Ana Lima", "BR", "", 1, "KIT-UPC; AMU-TAU"],
    ["E02", "Ravi Kumar", "IN", "", 2, "KIT-UPC; KIT-VU"],
    ["E03", "Chloé Martin", "FR", "", 3, "KIT-UPC; KIT-TAU"],
    ["E04", "Li Wei", "CN", "TIGER", 4, ""],
    ["E05", "Omar Haddad", "MA", "", 5, "KIT-UPC; AMU-KIT"],
    ["E06", "Sofia Rossi", "IT", "", 6, "AMU-UPC; AMU-KIT"],
    ["E07", "Jonas Weber", "DE", "", 7, "AMU-UPC; AMU-TAU"],
    ["E08", "Maya Cohen", "IL", "", 8, "KIT-TAU; AMU-VU"],
    ["E09", "Hugo Petit", "FR", "", 9, "KIT-VU; KIT-TAU"],
    ["E10", "Amina Diallo", "SN", "", 10, "AMU-KIT; KIT-AMU"],
    ["E11", "Kenji Sato", "JP", "", 11, "KIT-KIT; AMU-TAU"],
    ["E12", "Elena Popescu", "RO", "", 12, "AMU-VU; KIT-UPC"],
  ];
  const header = "student_number,name,email,last_degree_country,scholarship,ranking,wishes,thesis_university";
  const lines = rows.map(
    ([number, name, country, scholarship, ranking, wishes]) =>
      `${number},${name},${emailOf(number)},${country},${scholarship},${ranking},"${wishes}",KIT`,
  );
  return [header, ...lines].join("\n");
}

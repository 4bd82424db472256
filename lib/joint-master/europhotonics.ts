import type { TConsortium } from "@/lib/joint-master/schemas";

/**
 * The Europhotonics consortium as the seed states it (R-MOB-1…5): five universities, semester 1
 * in Marseille, semester 2 in Marseille or Karlsruhe (balanced ± 1), semester 3 at any of the
 * five within seats, TIGER scholars on Marseille – Karlsruhe – Marseille apart from the seats.
 * The seat numbers are an example intake's: the coordinator sets each intake's own.
 */
export const europhotonics: TConsortium = {
  universities: [
    { code: "AMU", name: "Aix-Marseille Université", country: "FR" },
    { code: "KIT", name: "Karlsruhe Institute of Technology", country: "DE" },
    { code: "UPC", name: "Universitat Politècnica de Catalunya (Barcelona)", country: "ES" },
    { code: "TAU", name: "Tampere University", country: "FI" },
    { code: "VU", name: "Vilnius University", country: "LT" },
  ],
  firstSemester: "AMU",
  firstSemesterEcts: 30,
  offers: [
    { semester: 2, university: "AMU", seats: null, ects: 30 },
    { semester: 2, university: "KIT", seats: null, ects: 30 },
    { semester: 3, university: "AMU", seats: 6, ects: 30 },
    { semester: 3, university: "KIT", seats: 6, ects: 30 },
    { semester: 3, university: "UPC", seats: 4, ects: 30 },
    { semester: 3, university: "TAU", seats: 3, ects: 30 },
    { semester: 3, university: "VU", seats: 3, ects: 30 },
  ],
  minUniversities: 2,
  minEcts: 30,
  minForeignCountries: 2,
  balance: { first: "AMU", second: "KIT", tolerance: 1 },
  tracks: [{ scholarship: "TIGER", semester2: "KIT", semester3: "AMU", usesSeats: false }],
};

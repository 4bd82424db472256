// No imports: Playwright specs read it as well as Vitest tests.

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

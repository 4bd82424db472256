import "server-only";
import type { Tx } from "@/lib/db";
import { defaultReleaseDate, type Semester } from "@/lib/housing/rules";

/**
 * The round of an academic year and arrival semester, created with its default release date
 * on first need (R-HOU-3). Safe when two submissions create it at once.
 */
export async function ensureRound(tx: Tx, academicYear: number, semester: Semester): Promise<{ id: string }> {
  await tx.$executeRaw`
    INSERT INTO "HousingRound" (id, "academicYear", semester, "releaseAt")
    VALUES (gen_random_uuid(), ${academicYear}, ${semester}::"Semester", ${defaultReleaseDate(academicYear, semester)})
    ON CONFLICT ("academicYear", semester) DO NOTHING`;
  return tx.housingRound.findUniqueOrThrow({
    where: { academicYear_semester: { academicYear, semester } },
    select: { id: true },
  });
}

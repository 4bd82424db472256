import "server-only";
import type { Tx } from "@/lib/db";
import type { Semester } from "@/lib/generated/prisma/enums";

/**
 * Locks the residence's rooms for the round's semester and counts the accepted requests:
 * two staff accepting the last room at once cannot both succeed (R-HOU-1, capacity).
 */
export async function lockFreeRooms(
  tx: Tx,
  residenceId: string,
  academicYear: number,
  semester: Semester,
  exceptRequestId?: string,
) {
  const [capacity] = await tx.$queryRaw<{ rooms: number }[]>`
    SELECT rooms FROM "ResidenceCapacity"
    WHERE "residenceId" = ${residenceId}::uuid AND "academicYear" = ${academicYear} AND semester = ${semester}::"Semester"
    FOR UPDATE`;
  const accepted = await tx.housingRequest.count({
    where: {
      residenceId,
      status: "ACCEPTED",
      round: { academicYear, semester },
      ...(exceptRequestId ? { id: { not: exceptRequestId } } : {}),
    },
  });
  return { rooms: capacity?.rooms ?? 0, accepted };
}

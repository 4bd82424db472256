import "server-only";
import { formatAcademicYear } from "@/lib/academic-year";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Semester } from "@/lib/generated/prisma/enums";
import { roomsCoverAccepted } from "@/lib/residences/rules";
import type { TCreateResidence, TSetCapacities, TUpdateResidence } from "@/lib/residences/schemas";

/** Who acts, for the audit trail. */
type Actor = { id: string; requestId?: string };

const auditedFields = { name: true, city: true, address: true } as const;

export async function createResidence(input: TCreateResidence, actor: Actor) {
  return withUniqueName(() =>
    db.$transaction(async (tx) => {
      await checkNameFree(tx, input.name);
      const { id, ...after } = await tx.residence.create({
        data: { name: input.name, city: input.city, address: input.address },
        select: { id: true, ...auditedFields },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "residence.create",
        entityType: "Residence",
        entityId: id,
        after,
        requestId: actor.requestId,
      });
      return { id, ...after };
    }),
  );
}

export async function updateResidence(input: TUpdateResidence, actor: Actor) {
  return withUniqueName(() =>
    db.$transaction(async (tx) => {
      const before = await tx.residence.findUnique({ where: { id: input.id }, select: auditedFields });
      if (!before) throw new NotFoundError();
      await checkNameFree(tx, input.name, input.id);
      const { id, ...after } = await tx.residence.update({
        where: { id: input.id },
        data: { name: input.name, city: input.city, address: input.address },
        select: { id: true, ...auditedFields },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "residence.update",
        entityType: "Residence",
        entityId: id,
        before,
        after,
        requestId: actor.requestId,
      });
      return { id, ...after };
    }),
  );
}

/**
 * Sets the rooms of a residence for some (academic year, semester) pairs, all or nothing:
 * one refused row leaves every row as it was. Each row is upserted on its unique key; a row
 * whose rooms do not change is not written (nor audited), and no row counts as 0 rooms.
 *
 * R-HOU-1, capacity is never exceeded: the rooms may not go below the requests already
 * ACCEPTED in the residence for that semester. The capacity row is locked (FOR UPDATE) before
 * the accepted requests are counted, so a decision that locks the same row before counting
 * (the housing board's accept) cannot slip in between the count and the write.
 */
export async function setCapacities(input: TSetCapacities, actor: Actor) {
  return db.$transaction(async (tx) => {
    const residence = await tx.residence.findUnique({ where: { id: input.residenceId }, select: { id: true } });
    if (!residence) throw new NotFoundError();
    // Rows are locked in one order (year, semester), so two admins saving at once cannot deadlock.
    const rows = input.capacities
      .map((row, index) => ({ ...row, index }))
      .sort((a, b) => a.academicYear - b.academicYear || a.semester.localeCompare(b.semester));
    const changed: { id: string; academicYear: number; semester: Semester; before: number | null; rooms: number }[] =
      [];
    for (const row of rows) {
      const current = await lockCapacity(tx, input.residenceId, row.academicYear, row.semester);
      // No row yet means no room: 0 typed there changes nothing.
      if ((current?.rooms ?? 0) === row.rooms) continue;
      const accepted = await countAccepted(tx, input.residenceId, row.academicYear, row.semester);
      if (!roomsCoverAccepted(row.rooms, accepted)) {
        throw new DomainError(
          "roomsBelowAccepted",
          { accepted, year: formatAcademicYear(row.academicYear), semester: row.semester },
          `capacities.${row.index}.rooms`,
        );
      }
      const saved = await tx.residenceCapacity.upsert({
        where: {
          residenceId_academicYear_semester: {
            residenceId: input.residenceId,
            academicYear: row.academicYear,
            semester: row.semester,
          },
        },
        create: {
          residenceId: input.residenceId,
          academicYear: row.academicYear,
          semester: row.semester,
          rooms: row.rooms,
        },
        update: { rooms: row.rooms },
        select: { id: true },
      });
      changed.push({
        id: saved.id,
        academicYear: row.academicYear,
        semester: row.semester,
        before: current?.rooms ?? null,
        rooms: row.rooms,
      });
    }
    for (const row of changed) {
      const key = { residenceId: input.residenceId, academicYear: row.academicYear, semester: row.semester };
      await recordAudit(tx, {
        actorId: actor.id,
        action: "residenceCapacity.set",
        entityType: "ResidenceCapacity",
        entityId: row.id,
        before: row.before === null ? undefined : { ...key, rooms: row.before },
        after: { ...key, rooms: row.rooms },
        requestId: actor.requestId,
      });
    }
    return { changed: changed.length };
  });
}

/** The capacity row, locked until the transaction ends; null when there is none yet (0 rooms). */
async function lockCapacity(tx: Tx, residenceId: string, academicYear: number, semester: Semester) {
  const rows = await tx.$queryRaw<{ id: string; rooms: number }[]>`
    SELECT "id", "rooms" FROM "ResidenceCapacity"
    WHERE "residenceId" = ${residenceId}::uuid AND "academicYear" = ${academicYear} AND "semester" = ${semester}::"Semester"
    FOR UPDATE`;
  return rows[0] ?? null;
}

/** R-HOU-1: the requests holding a room of this residence for this semester. */
function countAccepted(tx: Tx, residenceId: string, academicYear: number, semester: Semester) {
  return tx.housingRequest.count({ where: { residenceId, status: "ACCEPTED", round: { academicYear, semester } } });
}

/** Names are unique whatever their case: "Résidence Cuques" and "résidence cuques" are one residence. */
async function checkNameFree(tx: Tx, name: string, exceptId?: string) {
  const other = await tx.residence.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (other) throw new DomainError("residenceNameTaken", {}, "name");
}

/** Two admins creating the same name at once: the unique index answers for the second. */
async function withUniqueName<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new DomainError("residenceNameTaken", {}, "name");
    throw error;
  }
}

import "server-only";
import { formatAcademicYear } from "@/lib/academic-year";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Semester } from "@/lib/generated/prisma/enums";
import { canEditRound, defaultReleaseDate, releaseDateInRange } from "@/lib/housing/rounds/rules";
import type { TCreateHousingRound, TUpdateHousingRound } from "@/lib/housing/rounds/schemas";

/** Who acts, for the audit trail. */
type Actor = { id: string; requestId?: string };

const auditedFields = { academicYear: true, semester: true, releaseAt: true, policy: true, releasedAt: true } as const;

/**
 * Creates the round of one academic year and semester (R-HOU-3), with its release date (the
 * default one, July 1 or December 1, when none is given). Rounds are also created on the fly
 * when a student asks for a room (find-or-create with the default date): one that exists
 * already, however it was created, is answered on the year's field.
 */
export async function createHousingRound(input: TCreateHousingRound, actor: Actor) {
  const taken = () =>
    new DomainError(
      "roundExists",
      { year: formatAcademicYear(input.academicYear), semester: input.semester },
      "academicYear",
    );
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.housingRound.findUnique({
        where: { academicYear_semester: { academicYear: input.academicYear, semester: input.semester } },
        select: { id: true },
      });
      if (existing) throw taken();
      const { id, ...after } = await tx.housingRound.create({
        data: {
          academicYear: input.academicYear,
          semester: input.semester,
          releaseAt: input.releaseAt ?? defaultReleaseDate(input.academicYear, input.semester),
          policy: input.policy,
        },
        select: { id: true, ...auditedFields },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "housingRound.create",
        entityType: "HousingRound",
        entityId: id,
        after,
        requestId: actor.requestId,
      });
      return { id, ...after };
    });
  } catch (error) {
    // Created meanwhile (by another admin, or by a student's request): the unique index answers.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw taken();
    throw error;
  }
}

/**
 * Changes the release date and the policy of a round that is not released yet. R-HOU-3: once
 * released, its decisions are visible to students and it is read-only. The update is guarded
 * on `releasedAt: null`, so a release that happens meanwhile wins and the edit is refused.
 */
export async function updateHousingRound(input: TUpdateHousingRound, actor: Actor) {
  return db.$transaction(async (tx) => {
    const before = await tx.housingRound.findUnique({ where: { id: input.id }, select: auditedFields });
    if (!before) throw new NotFoundError();
    if (!canEditRound(before)) throw new DomainError("roundReleased");
    const releaseAt = input.releaseAt ?? defaultReleaseDate(before.academicYear, before.semester);
    if (!releaseDateInRange(before.academicYear, releaseAt))
      throw new DomainError("validation.releaseDateRange", {}, "releaseAt");
    const { count } = await tx.housingRound.updateMany({
      where: { id: input.id, releasedAt: null },
      data: { releaseAt, policy: input.policy },
    });
    if (count === 0) throw new DomainError("roundReleased");
    const { id, ...after } = await tx.housingRound.findUniqueOrThrow({
      where: { id: input.id },
      select: { id: true, ...auditedFields },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "housingRound.update",
      entityType: "HousingRound",
      entityId: id,
      before,
      after,
      requestId: actor.requestId,
    });
    return { id, ...after };
  });
}

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

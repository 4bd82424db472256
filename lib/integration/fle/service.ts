import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { TCreateFleCourse, TDeleteFleCourse } from "@/lib/integration/fle/schemas";

/** R-INT-1: the only writer of FLE courses, audited. */

type Actor = { id: string; requestId?: string };

export async function createFleCourse(input: TCreateFleCourse, actor: Actor) {
  return db.$transaction(async (tx) => {
    const component = await tx.component.findUnique({ where: { id: input.componentId }, select: { id: true } });
    if (!component) throw new DomainError("componentUnknown", {}, "componentId");
    const course = await tx.fleCourse.create({ data: { ...input }, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "fleCourse.create",
      entityType: "FleCourse",
      entityId: course.id,
      after: { ...input },
      requestId: actor.requestId,
    });
    return course;
  });
}

export async function deleteFleCourse(input: TDeleteFleCourse, actor: Actor) {
  return db.$transaction(async (tx) => {
    const course = await tx.fleCourse.findUnique({
      where: { id: input.id },
      select: { componentId: true, academicYear: true, title: true, schedule: true, place: true },
    });
    if (!course) throw new NotFoundError();
    await tx.fleCourse.delete({ where: { id: input.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "fleCourse.delete",
      entityType: "FleCourse",
      entityId: input.id,
      before: course,
      requestId: actor.requestId,
    });
    return { id: input.id };
  });
}

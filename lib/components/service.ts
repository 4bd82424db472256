import "server-only";
import { recordAudit } from "@/lib/audit";
import type { TComponentCorrespondent, TCreateComponent, TUpdateComponent } from "@/lib/components/schemas";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

/** Who acts, for the audit trail. */
type Actor = { id: string; requestId?: string };

const auditedFields = { code: true, nameFr: true, nameEn: true, officeHoursFr: true, officeHoursEn: true } as const;

/** The fields an admin sets, mapped one by one (never the input spread into the row). */
function editableFields(input: TCreateComponent) {
  return {
    code: input.code,
    nameFr: input.nameFr,
    nameEn: input.nameEn,
    officeHoursFr: input.officeHoursFr,
    officeHoursEn: input.officeHoursEn,
  };
}

export async function createComponent(input: TCreateComponent, actor: Actor) {
  return withUniqueCode(() =>
    db.$transaction(async (tx) => {
      const { id, ...after } = await tx.component.create({
        data: editableFields(input),
        select: { id: true, ...auditedFields },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "component.create",
        entityType: "Component",
        entityId: id,
        after,
        requestId: actor.requestId,
      });
      return { id, ...after };
    }),
  );
}

export async function updateComponent(input: TUpdateComponent, actor: Actor) {
  return withUniqueCode(() =>
    db.$transaction(async (tx) => {
      const before = await tx.component.findUnique({ where: { id: input.id }, select: auditedFields });
      if (!before) throw new NotFoundError();
      const { id, ...after } = await tx.component.update({
        where: { id: input.id },
        data: editableFields(input),
        select: { id: true, ...auditedFields },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "component.update",
        entityType: "Component",
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
 * Only a correspondent reviews for a component. Attaching one already attached changes
 * nothing (and records nothing); so does detaching one who is not.
 */
export async function attachCorrespondent(input: TComponentCorrespondent, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const component = await tx.component.findUnique({ where: { id: input.componentId }, select: { id: true } });
    if (!component) throw new NotFoundError();
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { email: true, role: true, components: { where: { id: input.componentId }, select: { id: true } } },
    });
    if (user?.role !== "CORRESPONDENT") throw new DomainError("notCorrespondent", {}, "userId");
    if (user.components.length > 0) return;
    await tx.component.update({
      where: { id: input.componentId },
      data: { correspondents: { connect: { id: input.userId } } },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "component.attachCorrespondent",
      entityType: "Component",
      entityId: input.componentId,
      after: { correspondent: { id: input.userId, email: user.email } },
      requestId: actor.requestId,
    });
  });
}

export async function detachCorrespondent(input: TComponentCorrespondent, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const component = await tx.component.findUnique({
      where: { id: input.componentId },
      select: { correspondents: { where: { id: input.userId }, select: { id: true, email: true } } },
    });
    if (!component) throw new NotFoundError();
    const [correspondent] = component.correspondents;
    if (!correspondent) return;
    await tx.component.update({
      where: { id: input.componentId },
      data: { correspondents: { disconnect: { id: input.userId } } },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "component.detachCorrespondent",
      entityType: "Component",
      entityId: input.componentId,
      before: { correspondent: correspondent },
      requestId: actor.requestId,
    });
  });
}

/** The code is the component's only unique field besides its id. */
async function withUniqueCode<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("componentCodeTaken", {}, "code");
    }
    throw error;
  }
}

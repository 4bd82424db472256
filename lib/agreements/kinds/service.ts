import "server-only";
import type { TCreateAgreementKind, TDeleteAgreementKind, TUpdateAgreementKind } from "@/lib/agreements/kinds/schemas";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

/** Who acts, for the audit trail. */
type Actor = { id: string; requestId?: string };

const auditedFields = { nameFr: true, nameEn: true, coversEveryComponent: true } as const;

/** R-PAR-1: a new kind of agreement; its code is unique. */
export async function createAgreementKind(input: TCreateAgreementKind, actor: Actor) {
  try {
    return await db.$transaction(async (tx) => {
      const { code, ...after } = await tx.agreementKind.create({
        data: input,
        select: { code: true, ...auditedFields },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "agreementKind.create",
        entityType: "AgreementKind",
        entityId: code,
        after,
        requestId: actor.requestId,
      });
      return { code };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("agreementKindCodeTaken", {}, "code");
    }
    throw error;
  }
}

export async function updateAgreementKind(input: TUpdateAgreementKind, actor: Actor) {
  await db.$transaction(async (tx) => {
    const before = await tx.agreementKind.findUnique({ where: { code: input.code }, select: auditedFields });
    if (!before) throw new NotFoundError();
    const { code, ...data } = input;
    const after = await tx.agreementKind.update({ where: { code }, data, select: auditedFields });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "agreementKind.update",
      entityType: "AgreementKind",
      entityId: code,
      before,
      after,
      requestId: actor.requestId,
    });
  });
}

/** Only a kind no agreement uses can go: the agreements would lose what they are. */
export async function deleteAgreementKind(input: TDeleteAgreementKind, actor: Actor) {
  await db.$transaction(async (tx) => {
    const kind = await tx.agreementKind.findUnique({
      where: { code: input.code },
      select: { ...auditedFields, _count: { select: { agreements: true } } },
    });
    if (!kind) throw new NotFoundError();
    if (kind._count.agreements > 0) {
      throw new DomainError("agreementKindInUse", { count: kind._count.agreements });
    }
    await tx.agreementKind.delete({ where: { code: input.code } });
    const { _count, ...before } = kind;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "agreementKind.delete",
      entityType: "AgreementKind",
      entityId: input.code,
      before,
      requestId: actor.requestId,
    });
  });
}

import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TCreateNetwork, TDeleteNetwork, TRenameNetwork } from "@/lib/partners/networks/schemas";

/** Who acts, for the audit trail. */
type Actor = { id: string; requestId?: string };

/** Two networks never share a name: the unique index answers, on the name field. */
async function withUniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("networkNameTaken", {}, "name");
    }
    throw error;
  }
}

export async function createNetwork(input: TCreateNetwork, actor: Actor) {
  return withUniqueName(() =>
    db.$transaction(async (tx) => {
      const { id } = await tx.network.create({ data: { name: input.name }, select: { id: true } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "network.create",
        entityType: "Network",
        entityId: id,
        after: { name: input.name },
        requestId: actor.requestId,
      });
      return { id };
    }),
  );
}

/** Renaming keeps every partner's membership: they refer to the network, not to its name. */
export async function renameNetwork(input: TRenameNetwork, actor: Actor) {
  await withUniqueName(() =>
    db.$transaction(async (tx) => {
      const before = await tx.network.findUnique({ where: { id: input.id }, select: { name: true } });
      if (!before) throw new NotFoundError();
      await tx.network.update({ where: { id: input.id }, data: { name: input.name } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "network.rename",
        entityType: "Network",
        entityId: input.id,
        before,
        after: { name: input.name },
        requestId: actor.requestId,
      });
    }),
  );
}

/** Only a network no partner belongs to can go: memberships are not dropped silently. */
export async function deleteNetwork(input: TDeleteNetwork, actor: Actor) {
  await db.$transaction(async (tx) => {
    const network = await tx.network.findUnique({
      where: { id: input.id },
      select: { name: true, _count: { select: { partners: true } } },
    });
    if (!network) throw new NotFoundError();
    if (network._count.partners > 0) throw new DomainError("networkInUse", { count: network._count.partners });
    await tx.network.delete({ where: { id: input.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "network.delete",
      entityType: "Network",
      entityId: input.id,
      before: { name: network.name },
      requestId: actor.requestId,
    });
  });
}

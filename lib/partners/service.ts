import "server-only";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TCreatePartner, TUpdatePartner } from "@/lib/partners/schemas";

/** Who acts, for the audit trail. */
type Actor = { id: string; requestId?: string };

const auditedFields = {
  name: true,
  country: true,
  city: true,
  erasmusCode: true,
  ewpHeiId: true,
  networks: { select: { id: true, name: true }, orderBy: { name: "asc" } },
} as const;

/** The audit trail keeps the networks' names, readable without joining. */
function snapshot<T extends { networks: { name: string }[] }>(partner: T) {
  return { ...partner, networks: partner.networks.map((network) => network.name) };
}

/** R-PAR-2: every network ticked must still exist (a stale form answers on the boxes). */
async function checkNetworks(tx: Tx, networkIds: string[]) {
  const found = await tx.network.count({ where: { id: { in: networkIds } } });
  if (found !== networkIds.length) throw new DomainError("choiceGone", {}, "networkIds");
}

export async function createPartner(input: TCreatePartner, actor: Actor) {
  return withUniqueErasmusCode(() =>
    db.$transaction(async (tx) => {
      await checkNetworks(tx, input.networkIds);
      const partner = await tx.partnerInstitution.create({
        data: {
          name: input.name,
          country: input.country,
          city: input.city,
          erasmusCode: input.erasmusCode,
          ewpHeiId: input.ewpHeiId,
          networks: { connect: input.networkIds.map((id) => ({ id })) },
        },
        select: { id: true, ...auditedFields },
      });
      const { id, ...after } = snapshot(partner);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "partner.create",
        entityType: "PartnerInstitution",
        entityId: id,
        after,
        requestId: actor.requestId,
      });
      return partner;
    }),
  );
}

export async function updatePartner(input: TUpdatePartner, actor: Actor) {
  return withUniqueErasmusCode(() =>
    db.$transaction(async (tx) => {
      const before = snapshot(await findPartnerOrThrow(tx, input.id));
      await checkNetworks(tx, input.networkIds);
      const updated = await tx.partnerInstitution.update({
        where: { id: input.id },
        data: {
          name: input.name,
          country: input.country,
          city: input.city,
          erasmusCode: input.erasmusCode,
          ewpHeiId: input.ewpHeiId,
          networks: { set: input.networkIds.map((id) => ({ id })) },
        },
        select: { id: true, ...auditedFields },
      });
      const { id, ...after } = snapshot(updated);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "partner.update",
        entityType: "PartnerInstitution",
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
 * A partner still named by an agreement, a programme or an application stays: deleting it
 * would rewrite history (and the foreign keys restrict it anyway). The counts and the delete
 * run in one transaction; an agreement created meanwhile makes the delete fail on its foreign
 * key, answered the same way.
 */
export async function deletePartner(partnerId: string, actor: Actor): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      const partner = await tx.partnerInstitution.findUnique({
        where: { id: partnerId },
        select: { ...auditedFields, _count: { select: { agreements: true, programmes: true, applications: true } } },
      });
      if (!partner) throw new NotFoundError();
      const { _count: uses, ...before } = snapshot(partner);
      const { agreements, programmes, applications } = uses;
      if (agreements > 0) throw new DomainError("partnerHasAgreements", { count: agreements });
      if (programmes + applications > 0) throw new DomainError("partnerInUse");
      await tx.partnerInstitution.delete({ where: { id: partnerId } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "partner.delete",
        entityType: "PartnerInstitution",
        entityId: partnerId,
        before,
        requestId: actor.requestId,
      });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003")
      throw new DomainError("partnerInUse");
    throw error;
  }
}

async function findPartnerOrThrow(tx: Tx, id: string) {
  const partner = await tx.partnerInstitution.findUnique({ where: { id }, select: auditedFields });
  if (!partner) throw new NotFoundError();
  return partner;
}

/** The Erasmus code and the EWP code are the partner's unique fields besides its id. */
async function withUniqueErasmusCode<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      if (JSON.stringify(error.meta ?? {}).includes("ewpHeiId")) throw new DomainError("ewpHeiIdTaken", {}, "ewpHeiId");
      throw new DomainError("erasmusCodeTaken", {}, "erasmusCode");
    }
    throw error;
  }
}

import "server-only";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { TCreateProgramme, TUpdateProgramme } from "@/lib/programmes/schemas";

/** Who acts, for the audit trail. */
type Actor = { id: string; requestId?: string };

const auditedFields = {
  componentId: true,
  nameFr: true,
  nameEn: true,
  level: true,
  teachingLanguage: true,
  doubleDegree: true,
  offshore: true,
  yearlyCapacity: true,
  partnerId: true,
} as const;

/** The fields an admin sets, mapped one by one (R-ELI-6: the schema made sure a double degree has its capacity). */
function programmeData(input: TCreateProgramme) {
  return {
    componentId: input.componentId,
    nameFr: input.nameFr,
    nameEn: input.nameEn,
    level: input.level,
    teachingLanguage: input.teachingLanguage,
    doubleDegree: input.doubleDegree,
    offshore: input.offshore,
    yearlyCapacity: input.yearlyCapacity,
    partnerId: input.partnerId,
  };
}

export async function createProgramme(input: TCreateProgramme, actor: Actor) {
  return db.$transaction(async (tx) => {
    await checkReferences(tx, input);
    const { id, ...after } = await tx.programme.create({
      data: programmeData(input),
      select: { id: true, ...auditedFields },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "programme.create",
      entityType: "Programme",
      entityId: id,
      after,
      requestId: actor.requestId,
    });
    return { id, ...after };
  });
}

export async function updateProgramme(input: TUpdateProgramme, actor: Actor) {
  return db.$transaction(async (tx) => {
    const before = await tx.programme.findUnique({ where: { id: input.id }, select: auditedFields });
    if (!before) throw new NotFoundError();
    await checkReferences(tx, input);
    const { id, ...after } = await tx.programme.update({
      where: { id: input.id },
      data: programmeData(input),
      select: { id: true, ...auditedFields },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "programme.update",
      entityType: "Programme",
      entityId: id,
      before,
      after,
      requestId: actor.requestId,
    });
    return { id, ...after };
  });
}

/** The component and the partner must exist: a stale form answers on its field. */
async function checkReferences(tx: Tx, input: { componentId: string; partnerId: string | null }) {
  const component = await tx.component.findUnique({ where: { id: input.componentId }, select: { id: true } });
  if (!component) throw new DomainError("choiceGone", {}, "componentId");
  if (input.partnerId) {
    const partner = await tx.partnerInstitution.findUnique({ where: { id: input.partnerId }, select: { id: true } });
    if (!partner) throw new DomainError("choiceGone", {}, "partnerId");
  }
}

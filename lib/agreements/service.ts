import "server-only";
import type { TCreateAgreement, TUpdateAgreement } from "@/lib/agreements/schemas";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";

/** The columns an admin sets, mapped one by one (never the input spread into data). */
function agreementFields(input: TCreateAgreement) {
  return {
    partnerId: input.partnerId,
    kind: input.kind,
    studyLevels: input.studyLevels,
    firstAcademicYear: input.firstAcademicYear,
    lastAcademicYear: input.lastAcademicYear,
    incomingSeatsPerYear: input.incomingSeatsPerYear,
    status: input.status,
    eqfLevels: input.eqfLevels,
    iscedCodes: input.iscedCodes,
    languageRequirements: input.languageRequirements,
    periods: input.periods,
    signedOn: input.signedOn,
  };
}

/** Who acts, for the audit trail. */
type Actor = { id: string; requestId?: string };

const auditedFields = {
  partnerId: true,
  kind: true,
  studyLevels: true,
  firstAcademicYear: true,
  lastAcademicYear: true,
  incomingSeatsPerYear: true,
  status: true,
  eqfLevels: true,
  iscedCodes: true,
  languageRequirements: true,
  periods: true,
  signedOn: true,
  components: { select: { code: true }, orderBy: { code: "asc" } },
} as const;

/** The audit trail keeps component codes, readable without joining. */
function snapshot(agreement: { components: { code: string }[] } & Record<string, unknown>) {
  const { components, ...rest } = agreement;
  return { ...rest, components: components.map((component) => component.code) };
}

export async function createAgreement(input: TCreateAgreement, actor: Actor) {
  return db.$transaction(async (tx) => {
    await checkReferences(tx, input);
    const { id, ...after } = await tx.agreement.create({
      data: {
        ...agreementFields(input),
        components: { connect: input.componentIds.map((componentId) => ({ id: componentId })) },
      },
      select: { id: true, ...auditedFields },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "agreement.create",
      entityType: "Agreement",
      entityId: id,
      after: snapshot(after),
      requestId: actor.requestId,
    });
    return { id };
  });
}

export async function updateAgreement(input: TUpdateAgreement, actor: Actor) {
  return db.$transaction(async (tx) => {
    const before = await tx.agreement.findUnique({ where: { id: input.id }, select: auditedFields });
    if (!before) throw new NotFoundError();
    await checkReferences(tx, input);
    const { id, ...after } = await tx.agreement.update({
      where: { id: input.id },
      data: {
        ...agreementFields(input),
        components: { set: input.componentIds.map((componentId) => ({ id: componentId })) },
      },
      select: { id: true, ...auditedFields },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "agreement.update",
      entityType: "Agreement",
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
      requestId: actor.requestId,
    });
    return { id };
  });
}

/** The partner and every component must exist: a stale form answers on its field. */
async function checkReferences(tx: Tx, input: { partnerId: string; componentIds: string[] }) {
  const partner = await tx.partnerInstitution.findUnique({ where: { id: input.partnerId }, select: { id: true } });
  if (!partner) throw new DomainError("choiceGone", {}, "partnerId");
  const found = await tx.component.count({ where: { id: { in: input.componentIds } } });
  if (found !== input.componentIds.length) throw new DomainError("choiceGone", {}, "componentIds");
}

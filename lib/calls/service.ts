import "server-only";
import { recordAudit } from "@/lib/audit";
import { isExtension } from "@/lib/calls/rules";
import type { TCreateCall, TGrantLateSubmission, TUpdateCall } from "@/lib/calls/schemas";
import { db, type Tx } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";

/** Who acts, for the audit trail. */
type Actor = { id: string; requestId?: string };

const callFields = {
  academicYear: true,
  period: true,
  opensAt: true,
  nominationDeadline: true,
  applicationDeadline: true,
  components: { select: { code: true }, orderBy: { code: "asc" } },
} as const;

/** The audit trail names a call's faculties by code, readable without joining. */
function snapshot<T extends { components: { code: string }[] }>(call: T) {
  return { ...call, components: call.components.map((component) => component.code) };
}

/** Every faculty ticked must still exist: a stale form answers on the boxes. */
async function checkComponents(tx: Tx, componentIds: string[]) {
  const found = await tx.component.count({ where: { id: { in: componentIds } } });
  if (found !== componentIds.length) throw new DomainError("choiceGone", {}, "componentIds");
}

export async function createCall(input: TCreateCall, actor: Actor) {
  return db.$transaction(async (tx) => {
    await checkComponents(tx, input.componentIds);
    const { id, ...created } = await tx.applicationCall.create({
      data: {
        academicYear: input.academicYear,
        period: input.period,
        opensAt: input.opensAt,
        nominationDeadline: input.nominationDeadline,
        applicationDeadline: input.applicationDeadline,
        components: { connect: input.componentIds.map((componentId) => ({ id: componentId })) },
      },
      select: { id: true, ...callFields },
    });
    const after = snapshot(created);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "call.create",
      entityType: "ApplicationCall",
      entityId: id,
      after,
      requestId: actor.requestId,
    });
    return { id };
  });
}

/** R-ELI-8: new dates; a later deadline is audited as an extension. */
export async function updateCall(input: TUpdateCall, actor: Actor) {
  return db.$transaction(async (tx) => {
    const found = await tx.applicationCall.findUnique({ where: { id: input.id }, select: callFields });
    if (!found) throw new NotFoundError();
    await checkComponents(tx, input.componentIds);
    const before = snapshot(found);
    const after = snapshot(
      await tx.applicationCall.update({
        where: { id: input.id },
        data: {
          opensAt: input.opensAt,
          nominationDeadline: input.nominationDeadline,
          applicationDeadline: input.applicationDeadline,
          components: { set: input.componentIds.map((componentId) => ({ id: componentId })) },
        },
        select: callFields,
      }),
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: isExtension(before, after) ? "call.extend" : "call.update",
      entityType: "ApplicationCall",
      entityId: input.id,
      before,
      after,
      requestId: actor.requestId,
    });
    return { id: input.id };
  });
}

/**
 * R-ELI-8: one student may submit in a call despite its deadline; the reason is kept with the
 * application and in the audit trail. Only an application still in draft in that call qualifies.
 */
export async function grantLateSubmission(input: TGrantLateSubmission, actor: Actor) {
  return db.$transaction(async (tx) => {
    const call = await tx.applicationCall.findUnique({ where: { id: input.callId }, select: { id: true } });
    if (!call) throw new NotFoundError();
    const application = await tx.application.findFirst({
      where: { callId: call.id, status: "DRAFT", student: { email: input.email } },
      select: { id: true, lateSubmissionReason: true, lateSubmissionAt: true },
    });
    if (!application) throw new DomainError("lateSubmissionNoDraft", {}, "email");
    const after = { lateSubmissionReason: input.reason, lateSubmissionAt: new Date() };
    const { count } = await tx.application.updateMany({
      where: { id: application.id, status: "DRAFT" },
      data: after,
    });
    if (count === 0) throw new DomainError("lateSubmissionNoDraft", {}, "email");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "application.lateSubmission",
      entityType: "Application",
      entityId: application.id,
      before: {
        lateSubmissionReason: application.lateSubmissionReason,
        lateSubmissionAt: application.lateSubmissionAt,
      },
      after,
      requestId: actor.requestId,
    });
    return { applicationId: application.id };
  });
}

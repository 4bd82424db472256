import "server-only";
import { recordAudit } from "@/lib/audit";
import { isExtension } from "@/lib/calls/rules";
import type { TCreateCall, TGrantLateSubmission, TUpdateCall } from "@/lib/calls/schemas";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";

/** Who acts, for the audit trail. */
type Actor = { id: string; requestId?: string };

const callFields = {
  academicYear: true,
  period: true,
  opensAt: true,
  nominationDeadline: true,
  applicationDeadline: true,
} as const;

export async function createCall(input: TCreateCall, actor: Actor) {
  return db.$transaction(async (tx) => {
    const { id, ...after } = await tx.applicationCall.create({
      data: {
        academicYear: input.academicYear,
        period: input.period,
        opensAt: input.opensAt,
        nominationDeadline: input.nominationDeadline,
        applicationDeadline: input.applicationDeadline,
      },
      select: { id: true, ...callFields },
    });
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
    const before = await tx.applicationCall.findUnique({ where: { id: input.id }, select: callFields });
    if (!before) throw new NotFoundError();
    const after = await tx.applicationCall.update({
      where: { id: input.id },
      data: {
        opensAt: input.opensAt,
        nominationDeadline: input.nominationDeadline,
        applicationDeadline: input.applicationDeadline,
      },
      select: callFields,
    });
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

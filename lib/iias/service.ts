import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { refusalError } from "@/lib/iias/explain";
import { type PlannedIia, planIiaImport } from "@/lib/iias/plan";
import { ewpSpecsDir } from "@/lib/iias/specs-dir";

type Actor = { id: string; requestId?: string };

/** The first problem that stops the whole import: all IIAs of the file, or none. */
function blockingProblem(iias: PlannedIia[]): DomainError | null {
  const mismatched = iias.filter((iia) => iia.problems.includes("hashMismatch"));
  if (mismatched.length > 0) return new DomainError("ewp.hashMismatch", { count: mismatched.length });
  const notOurs = iias.find((iia) => iia.problems.includes("notOurs"));
  if (notOurs) return new DomainError("ewp.notOurs", { heiId: notOurs.partnerHeiId });
  const unknown = iias.find((iia) => iia.problems.includes("partnerUnknown"));
  if (unknown) return new DomainError("ewp.partnerUnknown", { heiId: unknown.partnerHeiId });
  if (iias.some((iia) => iia.problems.includes("noIncoming"))) return new DomainError("ewp.noIncoming");
  if (iias.length === 0) return new DomainError("ewp.noIia", { side: "file" });
  return null;
}

/**
 * Imports a partner's IIAs get response into the registry: every IIA valid and hash-checked,
 * or nothing written. Planned again inside the transaction, so the preview the admin saw
 * cannot be applied over a registry that changed since.
 */
export async function importIias(bytes: Uint8Array, actor: Actor) {
  const specsDir = ewpSpecsDir();
  return db.$transaction(async (tx) => {
    const plan = await planIiaImport(tx, bytes, specsDir, env().EWP_HEI_ID);
    if (!plan.ok) throw refusalError(plan.refusal, "file", "file");
    const problem = blockingProblem(plan.iias);
    if (problem) throw problem;
    const ids: string[] = [];
    for (const iia of plan.iias) {
      const partnerId = iia.partner?.id as string;
      const { draft } = iia;
      const fields = {
        status: draft.status,
        eqfLevels: draft.eqfLevels,
        studyLevels: draft.studyLevels,
        iscedCodes: draft.iscedCodes,
        languageRequirements: draft.languageRequirements,
        firstAcademicYear: draft.firstAcademicYear as number,
        lastAcademicYear: draft.lastAcademicYear as number,
        incomingSeatsPerYear: draft.incomingSeatsPerYear,
        ewpIiaId: draft.ourIiaId,
        partnerIiaHash: iia.computedHash,
      };
      const saved = iia.agreementId
        ? await tx.agreement.update({ where: { id: iia.agreementId }, data: fields, select: { id: true } })
        : await tx.agreement.create({
            data: { ...fields, partnerId, partnerIiaId: draft.partnerIiaId, kind: draft.kind },
            select: { id: true },
          });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "agreement.ewpImport",
        entityType: "Agreement",
        entityId: saved.id,
        before: iia.agreementId
          ? Object.fromEntries(iia.changes.map((change) => [change.field, change.before]))
          : undefined,
        after: {
          partnerIiaId: draft.partnerIiaId,
          iiaHash: iia.computedHash,
          ...Object.fromEntries(iia.changes.map((change) => [change.field, change.after])),
        },
        requestId: actor.requestId,
      });
      ids.push(saved.id);
    }
    return { agreementIds: ids };
  });
}

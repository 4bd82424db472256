import "server-only";
import type { Db, Tx } from "@/lib/db";
import type { ApprovalBlocker } from "@/lib/ewp/iia-approval";
import { hashPieces, textToHash } from "@/lib/ewp/iia-hash";
import { analyseIiasResponse, type IiasRefusal } from "@/lib/ewp/iias-response";
import { type AgreementDraft, changesFromDraft, draftFromIia, type FieldChange } from "@/lib/iias/rules";

/**
 * What importing a partner's IIAs get response would do, IIA by IIA: its hash check, whether
 * it may be approved, the agreement it maps onto and the fields that would change. Read-only:
 * the preview shows it, the import (service.ts) recomputes it inside its transaction.
 */

export type ImportProblem = "hashMismatch" | "partnerUnknown" | "notOurs" | "noIncoming";

export type PlannedIia = {
  partnerIiaId: string;
  partnerHeiId: string;
  declaredHash: string;
  computedHash: string;
  /** What was hashed, to send to a partner whose system computes something else. */
  textToHash: string;
  hashMatches: boolean;
  validForApproval: boolean;
  blockers: ApprovalBlocker[];
  partner: { id: string; name: string } | null;
  agreementId: string | null;
  draft: AgreementDraft;
  changes: FieldChange[];
  problems: ImportProblem[];
};

export type ImportPlan = { ok: true; iias: PlannedIia[] } | { ok: false; refusal: IiasRefusal };

/** The agreement columns an import sets (and an export reads). */
export const importedAgreementSelect = {
  id: true,
  status: true,
  eqfLevels: true,
  studyLevels: true,
  iscedCodes: true,
  languageRequirements: true,
  firstAcademicYear: true,
  lastAcademicYear: true,
  incomingSeatsPerYear: true,
  ewpIiaId: true,
} as const;

export async function planIiaImport(
  client: Db | Tx,
  bytes: Uint8Array,
  specsDir: string | null,
  localHeiId: string,
): Promise<ImportPlan> {
  const analysis = await analyseIiasResponse(bytes, specsDir);
  if (!analysis.ok) return analysis;
  const drafts = analysis.iias.map((iia) => draftFromIia(iia.element, localHeiId));
  const partners = await client.partnerInstitution.findMany({
    where: { ewpHeiId: { in: [...new Set(drafts.map((draft) => draft.partnerHeiId))] } },
    select: { id: true, name: true, ewpHeiId: true },
  });
  const iias: PlannedIia[] = [];
  for (const [index, iia] of analysis.iias.entries()) {
    const draft = drafts[index] as AgreementDraft;
    const partner = partners.find((candidate) => candidate.ewpHeiId === draft.partnerHeiId) ?? null;
    const stored = partner
      ? await client.agreement.findUnique({
          where: { partnerId_partnerIiaId: { partnerId: partner.id, partnerIiaId: draft.partnerIiaId } },
          select: importedAgreementSelect,
        })
      : null;
    const isOurs = iia.partnerHeiId === localHeiId || iia.otherHeiId === localHeiId;
    const problems: ImportProblem[] = [];
    if (!iia.hashMatches) problems.push("hashMismatch");
    if (!isOurs) problems.push("notOurs");
    else if (!partner) problems.push("partnerUnknown");
    if (isOurs && draft.firstAcademicYear === null) problems.push("noIncoming");
    iias.push({
      partnerIiaId: draft.partnerIiaId,
      partnerHeiId: draft.partnerHeiId,
      declaredHash: iia.declaredHash,
      computedHash: iia.computedHash,
      textToHash: textToHash(hashPieces(iia.element, analysis.root)),
      hashMatches: iia.hashMatches,
      validForApproval: iia.validForApproval,
      blockers: iia.blockers,
      partner: partner && { id: partner.id, name: partner.name },
      agreementId: stored?.id ?? null,
      draft,
      changes: changesFromDraft(draft, stored),
      problems,
    });
  }
  return { ok: true, iias };
}

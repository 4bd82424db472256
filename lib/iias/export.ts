import "server-only";
import { z } from "zod";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError, NotFoundError } from "@/lib/errors";
import { buildIiasApprovalResponse, buildIiasGetResponse, type IiaCopy } from "@/lib/ewp/iia-write";
import type { StudyLevel } from "@/lib/generated/prisma/enums";
import { importedAgreementSelect, type PlannedIia } from "@/lib/iias/plan";

/** When an agreement was typed in without EQF levels, its study levels stand for them. */
const EQF_OF_LEVEL: Record<StudyLevel, number> = { BACHELOR: 6, MASTER: 7, DOCTORATE: 8 };

/** Our copy of one agreement as an IIAs v7 get response (admins only). */
export async function exportAgreementIia(viewer: AdminViewer, id: string): Promise<{ xml: string; iiaId: string }> {
  assertAdminViewer(viewer);
  if (!z.uuid().safeParse(id).success) throw new NotFoundError();
  const agreement = await db.agreement.findUnique({
    where: { id },
    select: {
      ...importedAgreementSelect,
      partnerIiaId: true,
      partner: { select: { ewpHeiId: true } },
    },
  });
  if (!agreement) throw new NotFoundError();
  if (!agreement.partner.ewpHeiId) throw new DomainError("ewp.partnerNoCode");
  const localHeiId = env().EWP_HEI_ID;
  // Our IIA ID is the agreement's own id until one was exchanged through EWP.
  const iiaId = agreement.ewpIiaId ?? agreement.id;
  const copy: IiaCopy = {
    local: { heiId: localHeiId, iiaId },
    partner: { heiId: agreement.partner.ewpHeiId, iiaId: agreement.partnerIiaId },
    inEffect: agreement.status === "SIGNED",
    terminated: agreement.status === "TERMINATED",
    mobilities: [
      {
        sendingHeiId: agreement.partner.ewpHeiId,
        receivingHeiId: localHeiId,
        firstAcademicYear: agreement.firstAcademicYear,
        lastAcademicYear: agreement.lastAcademicYear,
        mobilitiesPerYear: agreement.incomingSeatsPerYear,
        languageSkills: agreement.languageRequirements.map((requirement) => {
          const [language = "", cefrLevel = ""] = requirement.split(":");
          return { language, cefrLevel: cefrLevel || null };
        }),
        iscedCodes: agreement.iscedCodes,
        eqfLevels: agreement.eqfLevels.length
          ? agreement.eqfLevels
          : agreement.studyLevels.map((level) => EQF_OF_LEVEL[level]),
      },
    ],
  };
  return { xml: buildIiasGetResponse([copy]), iiaId };
}

/**
 * IIAs Approval v2 for a partner's IIAs we accept. An IIA that is not valid for approval
 * (not-yet-defined elements, v6 values) or whose stated hash is not its content's is refused:
 * approving it would approve something the partner has not finished or not sent.
 */
export function approvalResponseFor(iias: PlannedIia[]): string {
  const mismatched = iias.filter((iia) => !iia.hashMatches);
  if (mismatched.length > 0) throw new DomainError("ewp.hashMismatch", { count: mismatched.length });
  if (iias.some((iia) => !iia.validForApproval)) throw new DomainError("ewp.notValidForApproval");
  if (iias.length === 0) throw new DomainError("ewp.noIia", { side: "file" });
  return buildIiasApprovalResponse(iias.map((iia) => ({ partnerIiaId: iia.partnerIiaId, iiaHash: iia.computedHash })));
}

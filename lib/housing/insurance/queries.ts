import "server-only";
import { z } from "zod";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { documentSummarySelect } from "@/lib/documents/summary";

/**
 * R-HOU-7: the home-insurance certificate of a dossier as its reviewers see it (status, the
 * current file, the last review); null when the dossier is not in the viewer's scope.
 */
export async function getInsuranceForStaff(viewer: Pick<Viewer, "role" | "componentIds">, applicationId: string) {
  if (!z.uuid().safeParse(applicationId).success) return null;
  const application = await db.application.findFirst({
    where: { id: applicationId, ...staffScope(viewer) },
    select: {
      id: true,
      insuranceStatus: true,
      insuranceReviewedAt: true,
      insuranceReviewNote: true,
      documents: { where: { kind: "INSURANCE_CERTIFICATE" }, select: documentSummarySelect },
    },
  });
  if (!application) return null;
  const { documents, ...rest } = application;
  return { ...rest, certificate: documents[0] ?? null };
}

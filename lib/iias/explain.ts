import "server-only";
import { DomainError } from "@/lib/errors";
import { explainMismatch, type MismatchExplanation } from "@/lib/ewp/iia-diff";
import { type AnalysedIia, analyseIiasResponse, type IiasRefusal } from "@/lib/ewp/iias-response";
import { ewpSpecsDir } from "@/lib/iias/specs-dir";

/** What the mismatch explainer page shows: plain data, no DOM. */
export type CopiesExplanation = MismatchExplanation & { oursIiaId: string; theirsIiaId: string };

/** A refused file, as a domain error naming the side and the reason (messages errors.ewp.*). */
export function refusalError(refusal: IiasRefusal, side: "ours" | "theirs" | "file", field?: string): DomainError {
  const detail = refusal.reason === "schemaInvalid" ? (refusal.errors[0]?.message ?? "") : "";
  const line = refusal.reason === "schemaInvalid" ? (refusal.errors[0]?.line ?? 0) : 0;
  return new DomainError(`ewp.${refusal.reason}`, { side, detail, line }, field);
}

async function readCopy(file: File, side: "ours" | "theirs") {
  const analysis = await analyseIiasResponse(new Uint8Array(await file.arrayBuffer()), ewpSpecsDir());
  if (!analysis.ok) throw refusalError(analysis.refusal, side, side);
  if (analysis.iias.length === 0) throw new DomainError("ewp.noIia", { side }, side);
  return analysis;
}

/** The partner's IIA that is the same agreement as ours: one sharing an IIA ID, else the first. */
function sameAgreement(ours: AnalysedIia, theirs: AnalysedIia[]): AnalysedIia {
  const ids = new Set([ours.partnerIiaId, ours.otherIiaId].filter(Boolean));
  return (
    theirs.find((iia) => ids.has(iia.partnerIiaId) || (iia.otherIiaId && ids.has(iia.otherIiaId))) ??
    (theirs[0] as AnalysedIia)
  );
}

export async function explainCopies(oursFile: File, theirsFile: File): Promise<CopiesExplanation> {
  const [ours, theirs] = [await readCopy(oursFile, "ours"), await readCopy(theirsFile, "theirs")];
  const mine = ours.iias[0] as AnalysedIia;
  const other = sameAgreement(mine, theirs.iias);
  const explanation = explainMismatch(
    { iia: mine.element, scope: ours.root },
    { iia: other.element, scope: theirs.root },
  );
  return { oursIiaId: mine.partnerIiaId, theirsIiaId: other.partnerIiaId, ...explanation };
}

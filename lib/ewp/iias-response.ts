import type { Element } from "@xmldom/xmldom";
import { type ApprovalBlocker, approvalBlockers } from "./iia-approval";
import { hashPieces, sha256Hex, textToHash } from "./iia-hash";
import { validateEwpXml } from "./schema-validation";
import { childrenByName, childText, parseXml } from "./xml-dom";
import { guardXmlBytes, type XmlRefusal } from "./xml-guard";

/**
 * Reads a partner's IIAs v7 get response: every check the import needs, in order, stopping at
 * the first that fails. Pure of the database, so that the same function can later serve the
 * EWP network's get endpoint callback (what the partner's server answers us).
 */

export const IIAS_V7_NS =
  "https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v7/endpoints/get-response.xsd";

export type IiasRefusal =
  | { reason: XmlRefusal }
  | { reason: "notConfigured" }
  | { reason: "malformed" }
  | { reason: "otherDocument"; root: string }
  | { reason: "schemaInvalid"; errors: { line: number | null; message: string }[] };

export type AnalysedIia = {
  /** The partner's own IIA ID (first `<partner>`: the local HEI lists itself first). */
  partnerIiaId: string;
  partnerHeiId: string;
  /** The IIA ID the partner holds for the second institution's copy, when known. */
  otherIiaId: string | null;
  otherHeiId: string;
  declaredHash: string;
  /** The official result: the XSLT's `//` lookups over the whole response. */
  computedHash: string;
  /** The same IIA hashed alone; differs from computedHash only through the XSLT's `//` quirks. */
  aloneHash: string;
  hashMatches: boolean;
  validForApproval: boolean;
  blockers: ApprovalBlocker[];
  element: Element;
};

export type IiasAnalysis = { ok: true; root: Element; iias: AnalysedIia[] } | { ok: false; refusal: IiasRefusal };

export function analyseIia(iia: Element, root: Element): AnalysedIia {
  const partners = childrenByName(iia, "partner");
  const declaredHash = childText(iia, "iia-hash")?.trim() ?? "";
  const computedHash = sha256Hex(textToHash(hashPieces(iia, root)));
  const aloneHash = sha256Hex(textToHash(hashPieces(iia)));
  const blockers = approvalBlockers(iia, root);
  const first = partners[0];
  const second = partners[1];
  return {
    partnerIiaId: (first && childText(first, "iia-id")?.trim()) || "",
    partnerHeiId: (first && childText(first, "hei-id")?.trim()) || "",
    otherIiaId: (second && childText(second, "iia-id")?.trim()) || null,
    otherHeiId: (second && childText(second, "hei-id")?.trim()) || "",
    declaredHash,
    computedHash,
    aloneHash,
    hashMatches: declaredHash === computedHash,
    validForApproval: blockers.length === 0,
    blockers,
    element: iia,
  };
}

/** `specsDir` null: EWP validation is not configured, and nothing is read past that point. */
export async function analyseIiasResponse(bytes: Uint8Array, specsDir: string | null): Promise<IiasAnalysis> {
  if (!specsDir) return { ok: false, refusal: { reason: "notConfigured" } };
  const guarded = guardXmlBytes(bytes);
  if (!guarded.ok) return { ok: false, refusal: { reason: guarded.reason } };
  const root = parseXml(guarded.text);
  if (!root) return { ok: false, refusal: { reason: "malformed" } };
  if (root.localName !== "iias-get-response" || root.namespaceURI !== IIAS_V7_NS) {
    return { ok: false, refusal: { reason: "otherDocument", root: `{${root.namespaceURI ?? ""}}${root.localName}` } };
  }
  const validation = await validateEwpXml(specsDir, "iias-get-response", guarded.text);
  if (!validation.valid) return { ok: false, refusal: { reason: "schemaInvalid", errors: validation.errors } };
  return { ok: true, root, iias: childrenByName(root, "iia").map((iia) => analyseIia(iia, root)) };
}

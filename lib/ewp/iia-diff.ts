import type { Element } from "@xmldom/xmldom";
import { type ApprovalBlocker, approvalBlockers } from "./iia-approval";
import { type HashPiece, hashPieces, sha256Hex, textToHash } from "./iia-hash";
import { childByName, childElements, childrenByName, childText, descendantElements } from "./xml-dom";

/**
 * The mismatch explainer: given two copies of the same IIA (ours and the partner's), which
 * differences change the `iia-hash` and which do not. It works on the pieces of text-to-hash
 * (iia-hash.ts), so "changes the hash" means exactly what the official XSLT hashes.
 */

/** A mobility spec named as the specification does: its kind and its direction. */
export type SpecLabel = { name: string; sendingHeiId: string; receivingHeiId: string; occurrence: number };

export type IiaDifference =
  /** The partners' IIA IDs are hashed by position: a different ID or order changes the hash. */
  | { kind: "iiaId"; heiId: string; ours: string; theirs: string; changesHash: true }
  /** Each side lists itself first, so the two copies' hashes always differ by design. */
  | { kind: "partnerOrder"; ours: string[]; theirs: string[]; changesHash: true }
  | { kind: "terminated"; ours: boolean; theirs: boolean; changesHash: true }
  | { kind: "specOnlyIn"; side: "ours" | "theirs"; spec: SpecLabel; changesHash: true }
  | {
      kind: "field";
      spec: SpecLabel;
      field: string;
      ours: string[];
      theirs: string[];
      whitespaceOnly: boolean;
      changesHash: true;
    }
  /** Same values in a different order: the hash concatenates in document order. */
  | { kind: "order"; spec: SpecLabel; changesHash: true }
  | { kind: "notHashed"; field: NotHashedField; heiId?: string; ours: string; theirs: string; changesHash: false }
  /** Nothing hashed differs and no described field does: only layout outside values. */
  | { kind: "formattingOnly"; changesHash: false };

export type NotHashedField =
  | "hei-id"
  | "iia-code"
  | "signing-date"
  | "signing-contact"
  | "contact"
  | "in-effect"
  | "pdf-file"
  | "mobility-contact";

export type IiaCopy = { iia: Element; scope?: Element };

export type MismatchExplanation = {
  oursHash: string;
  theirsHash: string;
  theirsDeclaredHash: string | null;
  /** The partner's file states a hash that its own content does not give. */
  theirsDeclaredMismatch: boolean;
  differences: IiaDifference[];
  oursBlockers: ApprovalBlocker[];
  theirsBlockers: ApprovalBlocker[];
};

type SpecEntry = { label: SpecLabel; key: string; pieces: HashPiece[] };

function specEntries(iia: Element, pieces: HashPiece[]): SpecEntry[] {
  const conditions = childByName(iia, "cooperation-conditions");
  const specs = conditions ? childElements(conditions) : [];
  const seen = new Map<string, number>();
  return specs.map((spec, position) => {
    const base = `${spec.localName}|${childText(spec, "sending-hei-id") ?? ""}|${childText(spec, "receiving-hei-id") ?? ""}`;
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    return {
      key: `${base}|${occurrence}`,
      label: {
        name: spec.localName ?? "",
        sendingHeiId: childText(spec, "sending-hei-id")?.trim() ?? "",
        receivingHeiId: childText(spec, "receiving-hei-id")?.trim() ?? "",
        occurrence,
      },
      pieces: pieces.filter((piece) => piece.spec?.position === position),
    };
  });
}

function valuesByField(pieces: HashPiece[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const piece of pieces) out.set(piece.field, [...(out.get(piece.field) ?? []), piece.value]);
  return out;
}

function sameMultiset(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000");
}

function compareSpec(spec: SpecLabel, ours: HashPiece[], theirs: HashPiece[]): IiaDifference[] {
  const oursFields = valuesByField(ours);
  const theirsFields = valuesByField(theirs);
  const fields = [...new Set([...oursFields.keys(), ...theirsFields.keys()])];
  const differences: IiaDifference[] = [];
  for (const field of fields) {
    const a = oursFields.get(field) ?? [];
    const b = theirsFields.get(field) ?? [];
    if (sameMultiset(a, b)) continue;
    const trim = (values: string[]) => values.map((value) => value.trim());
    differences.push({
      kind: "field",
      spec,
      field,
      ours: a,
      theirs: b,
      whitespaceOnly: sameMultiset(trim(a), trim(b)),
      changesHash: true,
    });
  }
  if (differences.length === 0 && textToHash(ours) !== textToHash(theirs))
    differences.push({ kind: "order", spec, changesHash: true });
  return differences;
}

type Partner = {
  heiId: string;
  iiaId: string;
  iiaCode: string;
  signingDate: string;
  signingContact: string;
  contacts: string;
};

function collapse(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

function partnersOf(iia: Element): Partner[] {
  return childrenByName(iia, "partner").map((partner) => ({
    heiId: collapse(childText(partner, "hei-id")),
    iiaId: childText(partner, "iia-id") ?? "",
    iiaCode: childText(partner, "iia-code") ?? "",
    signingDate: collapse(childText(partner, "signing-date")),
    signingContact: collapse(childByName(partner, "signing-contact")?.textContent),
    contacts: childrenByName(partner, "contact")
      .map((contact) => collapse(contact.textContent))
      .join(" | "),
  }));
}

function mobilityContacts(iia: Element): string {
  return descendantElements(iia)
    .filter((element) => element.localName === "sending-contact" || element.localName === "receiving-contact")
    .map((element) => collapse(element.textContent))
    .join(" | ");
}

function notHashedDifferences(ours: Element, theirs: Element): IiaDifference[] {
  const differences: IiaDifference[] = [];
  const oursPartners = partnersOf(ours);
  const theirsPartners = partnersOf(theirs);
  for (const mine of oursPartners) {
    const other = theirsPartners.find((partner) => partner.heiId === mine.heiId);
    if (!other) continue;
    const fields: [NotHashedField, keyof Partner][] = [
      ["iia-code", "iiaCode"],
      ["signing-date", "signingDate"],
      ["signing-contact", "signingContact"],
      ["contact", "contacts"],
    ];
    for (const [field, key] of fields) {
      if (mine[key] !== other[key]) {
        differences.push({
          kind: "notHashed",
          field,
          heiId: mine.heiId,
          ours: mine[key],
          theirs: other[key],
          changesHash: false,
        });
      }
    }
  }
  const simple: NotHashedField[] = ["in-effect", "pdf-file"];
  for (const field of simple) {
    const a = collapse(childText(ours, field));
    const b = collapse(childText(theirs, field));
    if (a !== b) differences.push({ kind: "notHashed", field, ours: a, theirs: b, changesHash: false });
  }
  const contactsA = mobilityContacts(ours);
  const contactsB = mobilityContacts(theirs);
  if (contactsA !== contactsB)
    differences.push({
      kind: "notHashed",
      field: "mobility-contact",
      ours: contactsA,
      theirs: contactsB,
      changesHash: false,
    });
  return differences;
}

function partnerDifferences(ours: Element, theirs: Element): IiaDifference[] {
  const differences: IiaDifference[] = [];
  const oursPartners = partnersOf(ours);
  const theirsPartners = partnersOf(theirs);
  for (const mine of oursPartners) {
    const other = theirsPartners.find((partner) => partner.heiId === mine.heiId);
    if (other && other.iiaId !== mine.iiaId) {
      differences.push({ kind: "iiaId", heiId: mine.heiId, ours: mine.iiaId, theirs: other.iiaId, changesHash: true });
    }
  }
  const oursOrder = oursPartners.map((partner) => partner.heiId);
  const theirsOrder = theirsPartners.map((partner) => partner.heiId);
  if (oursOrder.join("|") !== theirsOrder.join("|")) {
    differences.push({ kind: "partnerOrder", ours: oursOrder, theirs: theirsOrder, changesHash: true });
  }
  return differences;
}

export function explainMismatch(ours: IiaCopy, theirs: IiaCopy): MismatchExplanation {
  const oursPieces = hashPieces(ours.iia, ours.scope ?? ours.iia);
  const theirsPieces = hashPieces(theirs.iia, theirs.scope ?? theirs.iia);
  const differences: IiaDifference[] = [...partnerDifferences(ours.iia, theirs.iia)];

  const oursTerminated = oursPieces.some((piece) => piece.kind === "terminated");
  const theirsTerminated = theirsPieces.some((piece) => piece.kind === "terminated");
  if (oursTerminated !== theirsTerminated) {
    differences.push({ kind: "terminated", ours: oursTerminated, theirs: theirsTerminated, changesHash: true });
  }

  const oursSpecs = specEntries(ours.iia, oursPieces);
  const theirsSpecs = specEntries(theirs.iia, theirsPieces);
  for (const spec of oursSpecs) {
    const other = theirsSpecs.find((candidate) => candidate.key === spec.key);
    if (!other) differences.push({ kind: "specOnlyIn", side: "ours", spec: spec.label, changesHash: true });
    else differences.push(...compareSpec(spec.label, spec.pieces, other.pieces));
  }
  for (const spec of theirsSpecs) {
    if (!oursSpecs.some((candidate) => candidate.key === spec.key)) {
      differences.push({ kind: "specOnlyIn", side: "theirs", spec: spec.label, changesHash: true });
    }
  }
  const oursSpecsText = oursSpecs.map((spec) => textToHash(spec.pieces)).join("");
  const theirsSpecsText = theirsSpecs.map((spec) => textToHash(spec.pieces)).join("");
  const specOrderOnly =
    oursSpecsText !== theirsSpecsText &&
    !differences.some(
      (difference) => difference.kind === "field" || difference.kind === "specOnlyIn" || difference.kind === "order",
    );
  if (specOrderOnly && oursSpecs[0]) differences.push({ kind: "order", spec: oursSpecs[0].label, changesHash: true });

  differences.push(...notHashedDifferences(ours.iia, theirs.iia));
  const oursText = textToHash(oursPieces);
  const theirsText = textToHash(theirsPieces);
  if (differences.length === 0 && oursText === theirsText && ours.iia.toString() !== theirs.iia.toString()) {
    differences.push({ kind: "formattingOnly", changesHash: false });
  }

  const declared = childText(theirs.iia, "iia-hash")?.trim() ?? null;
  const theirsHash = sha256Hex(theirsText);
  return {
    oursHash: sha256Hex(oursText),
    theirsHash,
    theirsDeclaredHash: declared,
    theirsDeclaredMismatch: declared !== null && declared !== theirsHash,
    differences,
    oursBlockers: approvalBlockers(ours.iia, ours.scope ?? ours.iia),
    theirsBlockers: approvalBlockers(theirs.iia, theirs.scope ?? theirs.iia),
  };
}

import { createHash } from "node:crypto";
import type { Element } from "@xmldom/xmldom";
import { childByName, childElements, childrenByName, descendantElements, stringValue } from "./xml-dom";

/**
 * The IIAs v7 `iia-hash`, computed exactly as the official XSLT (resources/xsltKit,
 * transform_version_7.xsl) defines `text-to-hash`, then SHA-256 in lowercase hex.
 * The text is kept as a list of pieces so that the mismatch explainer (iia-diff.ts) can say
 * which field produced which piece.
 */

/** One `_…_` piece of `text-to-hash`. `spec` locates it in the cooperation conditions. */
export type HashPiece = {
  kind: "terminated" | "iiaId" | "attribute" | "value" | "year";
  /** Mobility spec element name and its 0-based position among the cooperation conditions. */
  spec?: { name: string; position: number };
  /** The dotted name the XSLT writes (grandparent.parent.self), or the partner position. */
  path: string;
  /** Where the value sits inside its mobility spec (e.g. `subject-area.isced-f-code`). */
  field: string;
  value: string;
  text: string;
};

const SKIPPED_SUBTREES = new Set(["sending-contact", "receiving-contact"]);
const YEAR_ELEMENTS = ["receiving-first-academic-year-id", "receiving-last-academic-year-id"] as const;
const SKIPPED_ATTRIBUTES = new Set(["not-yet-defined", "v6-value"]);

export function isNotYetDefined(element: Element): boolean {
  const value = element.getAttribute("not-yet-defined");
  return value === "true" || value === "1";
}

/**
 * The XSLT looks the flag up with `//cooperation-conditions` (first in the whole response),
 * not in the current IIA. Remembered per response: 500 IIAs must not walk it 500 times.
 */
const terminatedByScope = new WeakMap<Element, boolean>();

function isTerminatedAsAWhole(scope: Element): boolean {
  const known = terminatedByScope.get(scope);
  if (known !== undefined) return known;
  const conditions =
    scope.localName === "cooperation-conditions"
      ? scope
      : descendantElements(scope).find((element) => element.localName === "cooperation-conditions");
  const flag = conditions?.getAttribute("terminated-as-a-whole");
  const terminated = flag === "true" || flag === "1";
  terminatedByScope.set(scope, terminated);
  return terminated;
}

function isInside(element: Element, stop: Element, test: (ancestor: Element) => boolean): boolean {
  for (let node: Element | null = element; node && node !== stop; node = node.parentNode as Element | null) {
    if (test(node)) return true;
  }
  return false;
}

function localName(element: Element | null | undefined): string {
  return element?.localName ?? "";
}

function dottedPath(element: Element): string {
  const parent = element.parentNode as Element | null;
  const grandparent = parent?.parentNode as Element | null;
  return `${localName(grandparent)}.${localName(parent)}.${localName(element)}`;
}

function fieldPath(element: Element, spec: Element): string {
  const names: string[] = [];
  for (let node: Element | null = element; node && node !== spec; node = node.parentNode as Element | null) {
    names.unshift(localName(node));
  }
  return names.join(".");
}

function isNamespaceDeclaration(name: string): boolean {
  return name === "xmlns" || name.startsWith("xmlns:");
}

function specPieces(spec: Element, position: number): HashPiece[] {
  const where = { name: localName(spec), position };
  const pieces: HashPiece[] = [];
  for (const element of descendantElements(spec)) {
    const name = localName(element);
    if ((YEAR_ELEMENTS as readonly string[]).includes(name) && element.parentNode === spec) continue;
    if (isInside(element, spec, (ancestor) => SKIPPED_SUBTREES.has(localName(ancestor)))) continue;
    if (isInside(element, spec, isNotYetDefined)) continue;
    const path = dottedPath(element);
    const field = fieldPath(element, spec);
    for (let i = 0; i < element.attributes.length; i++) {
      const attribute = element.attributes.item(i);
      if (!attribute || isNamespaceDeclaration(attribute.name)) continue;
      const attributeName = attribute.localName ?? attribute.name;
      if (SKIPPED_ATTRIBUTES.has(attributeName)) continue;
      const attributePath = `${path}.${attributeName}`;
      pieces.push({
        kind: "attribute",
        spec: where,
        path: attributePath,
        field: `${field}@${attributeName}`,
        value: attribute.value,
        text: `_@${attributePath}=${attribute.value}@_`,
      });
    }
    if (childElements(element).length > 0) continue;
    const v6Value = name === "isced-f-code" ? element.getAttribute("v6-value") : null;
    const value = v6Value ? v6Value : stringValue(element);
    pieces.push({ kind: "value", spec: where, path, field, value, text: `_${path}=${value}_` });
  }
  for (const year of YEAR_ELEMENTS) {
    const element = childByName(spec, year);
    const value = element ? stringValue(element) : "";
    pieces.push({ kind: "year", spec: where, path: year, field: year, value, text: `_${year}=${value}_` });
  }
  return pieces;
}

/**
 * The pieces of `text-to-hash` for one `<iia>`. `scope` is where the XSLT's `//` lookups
 * search: the whole response for the official result, the IIA itself for our own copies.
 */
export function hashPieces(iia: Element, scope: Element = iia): HashPiece[] {
  const pieces: HashPiece[] = [];
  if (isTerminatedAsAWhole(scope)) {
    pieces.push({
      kind: "terminated",
      path: "terminated-as-a-whole",
      field: "terminated-as-a-whole",
      value: "true",
      text: "_@terminated-as-a-whole@_",
    });
  }
  childrenByName(iia, "partner").forEach((partner, index) => {
    const value = childByName(partner, "iia-id") ? stringValue(childByName(partner, "iia-id") as Element) : "";
    const path = `iia-id_${index + 1}`;
    pieces.push({ kind: "iiaId", path, field: path, value, text: `_${path}=${value}_` });
  });
  const conditions = childByName(iia, "cooperation-conditions");
  if (conditions) {
    for (const [position, spec] of childElements(conditions).entries()) pieces.push(...specPieces(spec, position));
  }
  return pieces;
}

export function textToHash(pieces: readonly HashPiece[]): string {
  return pieces.map((piece) => piece.text).join("");
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export function computeIiaHash(iia: Element, scope: Element = iia): string {
  return sha256Hex(textToHash(hashPieces(iia, scope)));
}

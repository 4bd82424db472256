import type { Element } from "@xmldom/xmldom";
import { isNotYetDefined } from "./iia-hash";
import { descendantElements } from "./xml-dom";

/**
 * Whether an IIA may be approved (IIAs v7, CHANGELOG 7.0.0: "Prohibited approving IIAs with
 * not-yet-defined elements"). The official XSLT emits `valid-for-approval=false` when any
 * element of the response carries `not-yet-defined="true|1"` or a non-empty `v6-value`.
 */
export type ApprovalBlocker = {
  reason: "notYetDefined" | "v6Value";
  /** parent.self of the offending element, e.g. `student-studies-mobility-spec.mobilities-per-year`. */
  path: string;
  /** The v6 value kept from the old agreement, when that is the reason. */
  value?: string;
  /** True when the element sits in another IIA of the same response (the XSLT's `//`). */
  elsewhere: boolean;
};

function shortPath(element: Element): string {
  const parent = element.parentNode as Element | null;
  return parent?.localName ? `${parent.localName}.${element.localName}` : (element.localName ?? "");
}

function contains(ancestor: Element, element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentNode as Element | null) {
    if (node === ancestor) return true;
  }
  return false;
}

/** The marked elements of a response, found once per response (the XSLT's `//`). */
const markedByScope = new WeakMap<Element, Element[]>();

function markedElements(scope: Element): Element[] {
  let marked = markedByScope.get(scope);
  if (!marked) {
    marked = descendantElements(scope).filter(
      (element) => isNotYetDefined(element) || element.getAttribute("v6-value"),
    );
    markedByScope.set(scope, marked);
  }
  return marked;
}

export function approvalBlockers(iia: Element, scope: Element = iia): ApprovalBlocker[] {
  const blockers: ApprovalBlocker[] = [];
  for (const element of markedElements(scope)) {
    const elsewhere = !contains(iia, element);
    if (isNotYetDefined(element)) blockers.push({ reason: "notYetDefined", path: shortPath(element), elsewhere });
    const v6Value = element.getAttribute("v6-value");
    if (v6Value) blockers.push({ reason: "v6Value", path: shortPath(element), value: v6Value, elsewhere });
  }
  return blockers;
}

export function isValidForApproval(iia: Element, scope: Element = iia): boolean {
  return approvalBlockers(iia, scope).length === 0;
}

import type { Element } from "@xmldom/xmldom";
import { ExclusiveCanonicalization } from "xml-crypto";
import { sha256Hex } from "./iia-hash";
import { childByName, descendantElements } from "./xml-dom";

/**
 * The IIAs v6 `conditions-hash`: SHA-256 of the exclusive canonical form of
 * `cooperation-conditions` without its contacts. Kept so that a v6 copy still in a partner's
 * system can be checked; v7 replaced it with iia-hash.ts.
 */
export function computeConditionsHashV6(iia: Element): string | null {
  const conditions = childByName(iia, "cooperation-conditions");
  if (!conditions) return null;
  const copy = conditions.cloneNode(true) as Element;
  for (const element of descendantElements(copy)) {
    if (element.localName === "sending-contact" || element.localName === "receiving-contact") {
      element.parentNode?.removeChild(element);
    }
  }
  // The clone keeps the namespace declarations it inherits only through its ancestors: exclusive
  // C14N renders the ones visibly used, which needs the original's context.
  const original = conditions.parentNode;
  original?.replaceChild(copy, conditions);
  try {
    // biome-ignore lint/suspicious/noExplicitAny: xml-crypto types its own xmldom copy (0.8)
    const canonical = new ExclusiveCanonicalization().process(copy as any, {}) as unknown as string;
    return sha256Hex(canonical.toString());
  } finally {
    original?.replaceChild(conditions, copy);
  }
}

import { DOMParser, type Element, type Node } from "@xmldom/xmldom";

/** Parses guarded XML text (see xml-guard.ts) into a namespace-aware DOM; null when malformed. */
export function parseXml(text: string): Element | null {
  let failed = false;
  const parser = new DOMParser({
    onError: (level) => {
      if (level !== "warning") failed = true;
    },
  });
  try {
    const doc = parser.parseFromString(text, "text/xml");
    const root = doc.documentElement;
    return failed || !root ? null : root;
  } catch {
    return null;
  }
}

export function isElement(node: Node | null | undefined): node is Element {
  return node?.nodeType === 1;
}

export function childElements(element: Element): Element[] {
  const out: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) if (isElement(node)) out.push(node);
  return out;
}

export function childByName(element: Element, localName: string): Element | undefined {
  return childElements(element).find((child) => child.localName === localName);
}

export function childrenByName(element: Element, localName: string): Element[] {
  return childElements(element).filter((child) => child.localName === localName);
}

/** Every descendant element in document order (the XSLT's `descendant::*`). */
export function descendantElements(element: Element): Element[] {
  const out: Element[] = [];
  const walk = (parent: Element) => {
    for (const child of childElements(parent)) {
      out.push(child);
      walk(child);
    }
  };
  walk(element);
  return out;
}

/** The XPath string value: the text of every descendant text/CDATA node, raw (no trimming). */
export function stringValue(element: Element): string {
  return element.textContent ?? "";
}

export function childText(element: Element, localName: string): string | undefined {
  const child = childByName(element, localName);
  return child ? stringValue(child) : undefined;
}

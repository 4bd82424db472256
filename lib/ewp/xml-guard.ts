/**
 * The first gate for any XML a partner sends us (EWP IIA import): bytes that are too large,
 * not UTF-8, or that declare a DOCTYPE/ENTITY are refused before any parser sees them, so an
 * entity-expansion bomb or an external entity can never be expanded or fetched.
 */

/** Largest EWP document accepted: a real IIAs get response of 500 IIAs is about 1.5 MB. */
export const EWP_XML_MAX_BYTES = 20 * 1024 * 1024;

export type XmlRefusal = "tooLarge" | "notUtf8" | "doctype" | "notXml";

export type XmlGuardResult = { ok: true; text: string } | { ok: false; reason: XmlRefusal };

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function guardXmlBytes(bytes: Uint8Array, maxBytes = EWP_XML_MAX_BYTES): XmlGuardResult {
  if (bytes.byteLength > maxBytes) return { ok: false, reason: "tooLarge" };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: "notUtf8" };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const declared = /^<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(text);
  if (declared && !/^utf-?8$/i.test(declared[1] ?? "")) return { ok: false, reason: "notUtf8" };
  // EWP documents never carry a DTD; refusing any declaration is what keeps entities inert.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return { ok: false, reason: "doctype" };
  if (!/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*</.test(text)) return { ok: false, reason: "notXml" };
  return { ok: true, text };
}

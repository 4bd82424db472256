import { readFile } from "node:fs/promises";
import path from "node:path";
import { validateXML, type XMLFileInfo } from "xmllint-wasm";

/**
 * Validation against the official EWP schemas, offline. The schemas import each other by
 * https URL; libxml2 must never fetch them, so every schemaLocation is rewritten to a file
 * preloaded from the operator's copy of the specifications (EWP_SPECS_DIR). An unknown URL is
 * an error, not a download.
 */

export type EwpDocumentKind = "iias-get-response" | "iias-approval-response" | "omobilities-get-response";

/** Entry schema of each document, relative to the specifications folder. */
const ENTRY_SCHEMAS: Record<EwpDocumentKind, string> = {
  "iias-get-response": "iias-v7/endpoints/get-response.xsd",
  "iias-approval-response": "iias-approval-v2/response.xsd",
  // Outgoing Mobilities v3: the partners' nominations (issue 13).
  "omobilities-get-response": "omobilities-v3/endpoints/get-response.xsd",
};

/** Where each imported schema URL lives in the specifications folder. */
const IMPORTED_SCHEMAS: { url: RegExp; file: string }[] = [
  { url: /ewp-specs-architecture\/[^"]*\/common-types\.xsd$/, file: "architecture-v1/common-types.xsd" },
  // Outgoing Mobilities v3 imports it by a relative path to a versioned folder.
  { url: /ewp-specs-architecture-v1[^"/]*\/common-types\.xsd$/, file: "architecture-v1/common-types.xsd" },
  { url: /ewp-specs-types-contact\/stable-v1\/schema\.xsd$/, file: "types/contact-v1/schema.xsd" },
  { url: /ewp-specs-types-address\/stable-v1\/schema\.xsd$/, file: "types/address-v1/schema.xsd" },
  { url: /ewp-specs-types-phonenumber\/stable-v1\/schema\.xsd$/, file: "types/phonenumber-v1/schema.xsd" },
  { url: /ewp-specs-types-academic-term\/stable-v1\/schema\.xsd$/, file: "types/academic-term-v1/schema.xsd" },
  { url: /www\.w3\.org\/2001\/03\/xml\.xsd$/, file: "w3c/xml.xsd" },
];

function localName(file: string): string {
  return file.replaceAll("/", "__");
}

function localiseImports(xsd: string): { text: string; needed: string[] } {
  const needed: string[] = [];
  const text = xsd.replace(/schemaLocation="([^"]+)"/g, (_whole, url: string) => {
    const known = IMPORTED_SCHEMAS.find((entry) => entry.url.test(url));
    if (!known) throw new Error(`EWP schema import not available offline: ${url}`);
    needed.push(known.file);
    return `schemaLocation="${localName(known.file)}"`;
  });
  return { text, needed };
}

type SchemaSet = { entry: XMLFileInfo; preload: XMLFileInfo[] };
const loaded = new Map<string, Promise<SchemaSet>>();

async function loadSchemaSet(specsDir: string, kind: EwpDocumentKind): Promise<SchemaSet> {
  const files = new Map<string, string>();
  const pending = [ENTRY_SCHEMAS[kind]];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (files.has(file)) continue;
    const { text, needed } = localiseImports(await readFile(path.join(specsDir, file), "utf8"));
    files.set(file, text);
    pending.push(...needed);
  }
  const infos = [...files].map(([file, contents]) => ({ fileName: localName(file), contents }));
  const entryName = localName(ENTRY_SCHEMAS[kind]);
  return {
    entry: infos.find((info) => info.fileName === entryName) as XMLFileInfo,
    preload: infos.filter((info) => info.fileName !== entryName),
  };
}

function schemaSet(specsDir: string, kind: EwpDocumentKind): Promise<SchemaSet> {
  const key = `${specsDir}\0${kind}`;
  let set = loaded.get(key);
  if (!set) {
    set = loadSchemaSet(specsDir, kind);
    set.catch(() => loaded.delete(key));
    loaded.set(key, set);
  }
  return set;
}

export type SchemaValidation = { valid: true } | { valid: false; errors: { line: number | null; message: string }[] };

/** Validates a whole document in one call (one xmllint run costs about a second). */
export async function validateEwpXml(specsDir: string, kind: EwpDocumentKind, xml: string): Promise<SchemaValidation> {
  const { entry, preload } = await schemaSet(specsDir, kind);
  const result = await validateXML({
    xml: { fileName: "document.xml", contents: xml },
    schema: entry,
    preload,
    // 512 MiB at most: a large but legitimate response needs more than the 16 MiB default.
    initialMemoryPages: 512,
    maxMemoryPages: 8192,
    // --nonet: libxml2 must never reach the network, even if a document asks it to.
    modifyArguments: (args) => ["--nonet", ...args],
  });
  if (result.valid) return { valid: true };
  return {
    valid: false,
    errors: result.errors.slice(0, 50).map((error) => ({
      line: error.loc?.lineNumber ?? null,
      message: error.message.replace(/^document\.xml:\d+: /, ""),
    })),
  };
}

import { inflateSync } from "node:zlib";

/**
 * Reads the text back from a PDF the way a viewer's "copy text" does: the content streams'
 * shown strings, mapped to Unicode through each font's ToUnicode CMap. Pure JavaScript (no
 * poppler on the test machine), and enough for the PDFs PDFKit writes: Flate streams,
 * embedded Type0 fonts shown as hex glyph ids. If a glyph has no Unicode mapping the text
 * shows U+FFFD, so a name drawn as boxes (or as unmapped glyphs) does not pass for text.
 */
export function extractPdfText(pdf: Uint8Array): string {
  const source = Buffer.from(pdf).toString("latin1");
  const objects = new Map<number, { dict: string; stream: string | null }>();
  for (const match of source.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2]!;
    const streamAt = body.indexOf("stream");
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    let start = streamAt + "stream".length;
    if (body[start] === "\r") start += 1;
    if (body[start] === "\n") start += 1;
    const raw = Buffer.from(body.slice(start, body.lastIndexOf("endstream")), "latin1");
    const stream = /\/FlateDecode/.test(dict) ? inflateSync(trimEol(raw)).toString("latin1") : raw.toString("latin1");
    objects.set(Number(match[1]), { dict, stream });
  }

  // Font resource names (/F1 …) → the font's ToUnicode map.
  const cmaps = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    for (const ref of dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(Number(ref[2]));
      const toUnicode = font?.dict.match(/\/ToUnicode (\d+) 0 R/);
      const cmap = toUnicode ? objects.get(Number(toUnicode[1]))?.stream : null;
      if (cmap) cmaps.set(ref[1]!, parseCmap(cmap));
    }
  }

  const lines: string[] = [];
  for (const { dict, stream } of objects.values()) {
    if (
      !stream ||
      /\/Type\s*\/(XObject|Metadata)|\/Length1|\/Subtype\s*\/(Image|XML)/.test(dict) ||
      !/\bBT\b/.test(stream)
    )
      continue;
    let cmap = new Map<number, string>();
    let line = "";
    for (const token of stream.matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>|\b(Td|TD|Tm|T\*|ET)\b/g)) {
      if (token[1]) cmap = cmaps.get(token[1]) ?? new Map();
      else if (token[2] !== undefined) line += decodeHex(token[2], cmap);
      else if (line) {
        lines.push(line);
        line = "";
      }
    }
    if (line) lines.push(line);
  }
  return lines.join("\n");
}

function trimEol(raw: Buffer): Buffer {
  let end = raw.length;
  while (end > 0 && (raw[end - 1] === 0x0a || raw[end - 1] === 0x0d)) end -= 1;
  return raw.subarray(0, end);
}

function decodeHex(hex: string, cmap: Map<number, string>): string {
  let text = "";
  for (let i = 0; i + 4 <= hex.length; i += 4) text += cmap.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? "\uFFFD";
  return text;
}

function utf16(spaced: string): string {
  // PDFKit writes a ligature's several code units spaced out: <0066 0066 0069>.
  const hex = spaced.replace(/\s/g, "");
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(Number.parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(Number.parseInt(pair[1]!, 16), utf16(pair[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const low = Number.parseInt(range[1]!, 16);
      const high = Number.parseInt(range[2]!, 16);
      const target = range[3]!;
      if (target.startsWith("[")) {
        for (const [offset, item] of [...target.matchAll(/<([0-9a-fA-F\s]+)>/g)].entries())
          map.set(low + offset, utf16(item[1]!));
      } else {
        const first = Number.parseInt(target.slice(1, -1), 16);
        for (let code = low; code <= high; code += 1) map.set(code, String.fromCharCode(first + code - low));
      }
    }
  }
  return map;
}

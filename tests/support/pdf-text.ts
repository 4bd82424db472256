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
  // Objects are read in order, and a stream by its /Length: compressed bytes may contain
  // anything, "endobj" and trailing newlines included.
  const header = /(\d+) 0 obj\s*/g;
  for (let match = header.exec(source); match; match = header.exec(source)) {
    const bodyStart = header.lastIndex;
    const streamAt = source.indexOf("stream", bodyStart);
    const endAt = source.indexOf("endobj", bodyStart);
    if (streamAt < 0 || endAt < streamAt) {
      objects.set(Number(match[1]), { dict: source.slice(bodyStart, endAt), stream: null });
      header.lastIndex = endAt;
      continue;
    }
    const dict = source.slice(bodyStart, streamAt);
    let start = streamAt + "stream".length;
    if (source[start] === "\r") start += 1;
    if (source[start] === "\n") start += 1;
    const length = Number(dict.match(/\/Length (\d+)\b(?! \d+ R)/)?.[1]);
    const raw = Buffer.from(source.slice(start, start + length), "latin1");
    const stream = /\/FlateDecode/.test(dict) ? inflateSync(raw).toString("latin1") : raw.toString("latin1");
    objects.set(Number(match[1]), { dict, stream });
    header.lastIndex = source.indexOf("endobj", start + length);
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
    let lineY: number | null = null;
    // A new line where the text moves to another baseline; pieces of one line drawn in turn
    // (a name in two fonts, say) are joined as they read.
    for (const token of stream.matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>|(-?[\d.]+)\s+Tm\b|\b(Td|TD|T\*)\b/g)) {
      if (token[1]) cmap = cmaps.get(token[1]) ?? new Map();
      else if (token[2] !== undefined) line += decodeHex(token[2], cmap);
      // Fonts of different ascent put their baselines a point apart on one line.
      else if (token[3] !== undefined && lineY !== null && Math.abs(Number(token[3]) - lineY) < 3) continue;
      else {
        if (line) lines.push(line);
        line = "";
        lineY = token[3] === undefined ? null : Number(token[3]);
      }
    }
    if (line) lines.push(line);
  }
  return lines.join("\n");
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

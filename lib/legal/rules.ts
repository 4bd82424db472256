/**
 * R-SEC-9: the legal pages and their text format. An administrator writes plain text; the
 * only markup is a line starting with "## " (a heading) and lines starting with "- " (a list);
 * blank lines separate paragraphs. Everything is rendered as React text, never as HTML, so a
 * page cannot carry a script or a foreign tag whatever is typed.
 */
export const legalPageNames = ["notice", "privacy", "accessibility"] as const;
export type LegalPageName = (typeof legalPageNames)[number];

export function isLegalPageName(value: string): value is LegalPageName {
  return (legalPageNames as readonly string[]).includes(value);
}

export type LegalBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; lines: string[] }
  | { kind: "list"; items: string[] };

export function parseLegalText(text: string): LegalBlock[] {
  const blocks: LegalBlock[] = [];
  for (const chunk of text.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    const lines = chunk
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    let paragraph: string[] = [];
    let list: string[] = [];
    const flush = () => {
      if (paragraph.length > 0) blocks.push({ kind: "paragraph", lines: paragraph });
      if (list.length > 0) blocks.push({ kind: "list", items: list });
      paragraph = [];
      list = [];
    };
    for (const line of lines) {
      if (line.startsWith("## ")) {
        flush();
        blocks.push({ kind: "heading", text: line.slice(3).trim() });
      } else if (line.startsWith("- ")) {
        if (paragraph.length > 0) flush();
        list.push(line.slice(2).trim());
      } else {
        if (list.length > 0) flush();
        paragraph.push(line);
      }
    }
    flush();
  }
  return blocks;
}

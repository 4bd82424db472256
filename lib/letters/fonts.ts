import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { create, type Font } from "fontkit";

/**
 * The fonts letters are set in, from npm packages (no system font, no network): Noto Sans for
 * Latin, Greek and Cyrillic, Noto Sans SC for Chinese, Noto Sans Arabic for Arabic. Read and
 * parsed once per process (the Chinese one is 10 MB): parsing and shaping caches are most of a
 * letter's time otherwise (about 90 ms → 25 ms). PDFKit embeds only the glyphs a letter uses,
 * in a subset of its own per document, so sharing the parsed font is safe.
 */
export type LetterFont = "latin" | "latinBold" | "chinese" | "arabic";

const files: Record<LetterFont, string> = {
  latin: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  latinBold: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
  chinese: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  arabic: "@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf",
};

const loaded = new Map<LetterFont, Font>();

export function letterFont(font: LetterFont): Font {
  let parsed = loaded.get(font);
  if (!parsed) {
    parsed = create(readFileSync(path.join(process.cwd(), "node_modules", files[font])));
    loaded.set(font, parsed);
  }
  return parsed;
}

const chinese = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]/u;
const arabic = /\p{Script=Arabic}/u;
const neutral = /[\s\p{P}\p{N}]/u;

/**
 * Cuts a text into runs, each in the font that has its glyphs. Spaces, digits and punctuation
 * stay in the run they are in, so that a Chinese name followed by a comma is one run.
 */
export function scriptRuns(text: string, base: "latin" | "latinBold" = "latin"): { font: LetterFont; text: string }[] {
  const runs: { font: LetterFont; text: string }[] = [];
  for (const char of text) {
    const font: LetterFont = chinese.test(char) ? "chinese" : arabic.test(char) ? "arabic" : base;
    const last = runs.at(-1);
    if (last && (last.font === font || neutral.test(char))) last.text += char;
    else runs.push({ font, text: char });
  }
  return runs;
}

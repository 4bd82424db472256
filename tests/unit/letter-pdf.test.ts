/**
 * The letter as a PDF: rendered with the real fonts, then read back with a text extractor
 * (tests/support/pdf-text.ts) — names in every script the portal's students write come back as
 * text (a glyph missing from the fonts would come back as U+FFFD), and the file says what it is.
 */
import { describe, expect, it } from "vitest";
import { composeLetter, type LetterFacts } from "@/lib/letters/compose";
import { renderLetterPdf } from "@/lib/letters/pdf";
import { extractPdfText } from "../support/pdf-text";

const facts: LetterFacts = {
  firstName: "Zoë Ελένη",
  lastName: "Dvořák Иванова 王小明 محمد",
  dateOfBirth: new Date("2003-04-05"),
  nationality: "CN",
  homeUniversity: "Wuhan University of Technology",
  programme: { fr: "Master Informatique", en: "Master in Computer Science" },
  component: { fr: "Faculté des sciences", en: "Faculty of Science" },
  academicYear: 2026,
  period: "S1",
  ects: 30,
};
const verification = { code: "7KQ2-M9XD-4TRB", url: "http://localhost:3000/en/verify/7KQ2-M9XD-4TRB" };
const flat = (text: string) => text.replace(/\s+/g, " ");

async function render(locale: "fr" | "en") {
  const pdf = await renderLetterPdf(
    composeLetter("ACCEPTANCE", locale, facts, verification, new Date("2026-06-10T10:00:00Z")),
  );
  return { pdf, raw: pdf.toString("latin1"), text: flat(extractPdfText(pdf)) };
}

describe("the acceptance letter as a PDF", () => {
  it("reads back the names in Latin with diacritics, Greek, Cyrillic and Chinese, and the dates", async () => {
    const { text } = await render("en");
    for (const part of [
      "Zoë",
      "Ελένη",
      "Dvořák",
      "Иванова",
      "王小明",
      "1 September 2026",
      "31 January 2027",
      "5 April 2003",
    ])
      expect(text).toContain(part);
    expect(text).not.toContain("\uFFFD");
    expect(text).toContain("7KQ2-M9XD-4TRB");
    expect(text).toContain(verification.url);
  });

  it("sets the Arabic name in an Arabic font, with every glyph mapped back to a letter", async () => {
    const { raw, text } = await render("en");
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansArabic-Regular/);
    // PDFKit lays Arabic out right to left; an extractor reads the glyphs in the order drawn.
    expect(text).toMatch(/محمد|دمحم/);
  });

  it("writes in the letter's language", async () => {
    const { raw, text } = await render("fr");
    expect(text).toContain("Lettre d'admission");
    expect(text).toContain("1 septembre 2026");
    expect(raw).toContain("/Lang (fr)");
  });

  it("is A4, titled, tagged, with its fonts embedded and subset (no system font, no standard font)", async () => {
    const { pdf, raw } = await render("en");
    expect(raw.startsWith("%PDF-1.7")).toBe(true);
    expect(raw).toContain("/MediaBox [0 0 595.28 841.89]");
    // PDFKit writes the title as an indirect string object.
    const titleRef = raw.match(/\/Title (\d+) 0 R/)?.[1];
    expect(raw).toMatch(new RegExp(`\\b${titleRef} 0 obj\\s*\\(Letter of acceptance\\)`));
    expect(raw).toContain("/DisplayDocTitle true");
    expect(raw).toContain("/Lang (en)");
    expect(raw).toContain("/MarkInfo");
    expect(raw).toContain("/StructTreeRoot");
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
    // Subset: the Chinese font alone is 10 MB; the whole letter is far smaller.
    expect(pdf.length).toBeLessThan(300_000);
  });

  it("embeds no Chinese or Arabic font when the letter has no such text", async () => {
    const pdf = await renderLetterPdf(
      composeLetter(
        "ACCEPTANCE",
        "en",
        { ...facts, firstName: "Anna", lastName: "Kowalska" },
        verification,
        new Date(),
      ),
    );
    const raw = pdf.toString("latin1");
    expect(raw).not.toContain("NotoSansSC");
    expect(raw).not.toContain("NotoSansArabic");
  });
});

import type { Tx } from "@/lib/db";
import { defaultTemplates, type LetterTemplate, signatory } from "@/lib/letters/default-templates";

/** A letter's wording as issued: title, paragraphs and signatory, in one language. */
export interface LetterWording extends LetterTemplate {
  signatoryName: string;
  signatoryTitle: string;
}

type Kind = keyof typeof defaultTemplates;

/** The portal's own wording, until an administrator saves one. */
export function defaultWording(kind: Kind, locale: "fr" | "en"): LetterWording {
  return { ...defaultTemplates[kind][locale], signatoryName: signatory.name, signatoryTitle: signatory.title[locale] };
}

/** Paragraphs are separated by blank lines in the edited text. */
export function splitParagraphs(body: string): string[] {
  return body
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/\s*\r?\n\s*/g, " ").trim())
    .filter(Boolean);
}

/** The wording a letter is issued with: the saved template, or the portal's own. */
export async function loadWording(tx: Tx, kind: Kind, locale: "fr" | "en"): Promise<LetterWording> {
  const saved = await tx.letterTemplate.findUnique({ where: { kind_locale: { kind, locale } } });
  if (!saved) return defaultWording(kind, locale);
  return {
    title: saved.title,
    paragraphs: splitParagraphs(saved.body),
    signatoryName: saved.signatoryName,
    signatoryTitle: saved.signatoryTitle,
  };
}

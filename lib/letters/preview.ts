import "server-only";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { db } from "@/lib/db";
import { loadBranding } from "@/lib/letters/branding";
import { composeLetter, type LetterFacts, type LetterKindCode } from "@/lib/letters/compose";
import { verificationUrl } from "@/lib/letters/issue";
import { renderLetterPdf } from "@/lib/letters/pdf";
import { loadWording } from "@/lib/letters/templates";

/** The fixed sample dossier a preview is rendered from: a name with diacritics, every placeholder filled. */
export const sampleFacts: LetterFacts = {
  firstName: "Zoë Élodie",
  lastName: "Dvořák-Nguyễn",
  dateOfBirth: new Date("2003-04-17T00:00:00Z"),
  nationality: "CZ",
  homeUniversity: "Univerzita Karlova",
  programme: { fr: "Master Physique", en: "Master's in Physics" },
  component: { fr: "Faculté des sciences", en: "Faculty of Science" },
  academicYear: 2026,
  period: "S1",
  ects: 30,
};

// A code no letter can have (R-LET-2 codes are random): the preview is never verifiable.
const sampleCode = "0000-0000-0000";

/**
 * R-LET-6: a letter as it would be issued now (saved wording, letterhead and signature) for the
 * sample dossier; nothing is stored. Administrators only.
 */
export async function renderLetterPreview(
  viewer: AdminViewer,
  kind: LetterKindCode,
  locale: "fr" | "en",
): Promise<Buffer> {
  assertAdminViewer(viewer);
  const { wording, branding } = await db.$transaction(async (tx) => ({
    wording: await loadWording(tx, kind, locale),
    branding: await loadBranding(tx, locale),
  }));
  const verification = { code: sampleCode, url: verificationUrl(locale, sampleCode) };
  return renderLetterPdf(composeLetter(kind, locale, sampleFacts, verification, new Date(), wording, branding));
}

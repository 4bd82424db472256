import "server-only";
import type { Tx } from "@/lib/db";
import { documentStorage, StoredObjectMissingError } from "@/lib/documents/storage";
import { letterhead as defaultLetterhead } from "@/lib/letters/default-templates";
import { letterheadLines } from "@/lib/letters/rules";
import { logError } from "@/lib/log";

/** R-LET-6: what every letter of one language prints besides its wording. */
export interface LetterBranding {
  letterhead: string[];
  /** PNG or JPEG bytes of the signatory's signature, if one is on file. */
  signatureImage: Buffer | null;
}

/** The letterhead an administrator saved for this language, or the portal's own. */
export async function loadLetterhead(tx: Tx, locale: "fr" | "en"): Promise<string[]> {
  const saved = await tx.letterLetterhead.findUnique({ where: { locale } });
  return saved ? letterheadLines(saved.lines) : defaultLetterhead[locale];
}

/**
 * The signature image's bytes, read from the private storage; null when none is on file. A
 * file lost from the storage is logged and the letter goes out unsigned: letters are issued
 * inside the acceptance, which a missing picture must not block.
 */
export async function loadSignatureImage(tx: Tx): Promise<Buffer | null> {
  const saved = await tx.letterSignatureImage.findUnique({ where: { id: "current" } });
  if (!saved) return null;
  try {
    const stream = await documentStorage().get(saved.storageKey);
    return Buffer.from(await new Response(stream).arrayBuffer());
  } catch (error) {
    if (!(error instanceof StoredObjectMissingError)) throw error;
    logError("letters.signatureMissing", { storageKey: saved.storageKey });
    return null;
  }
}

export async function loadBranding(tx: Tx, locale: "fr" | "en"): Promise<LetterBranding> {
  const [letterhead, signatureImage] = await Promise.all([loadLetterhead(tx, locale), loadSignatureImage(tx)]);
  return { letterhead, signatureImage };
}

import "server-only";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { discardStoredLetters, type IssuedLetter, issueLetterInTx } from "@/lib/letters/issue";
import type { TReissueLetter } from "@/lib/letters/schemas";

/**
 * Staff issue a new version of a dossier's acceptance letter in one language: a correction
 * (the previous version is marked replaced, never changed) or the letter in the other
 * language on the student's request. Only for a dossier the staff member may review.
 */
export async function reissueAcceptanceLetter(
  viewer: Viewer,
  input: TReissueLetter,
  requestId: string,
): Promise<IssuedLetter> {
  let stored: string | null = null;
  try {
    return await db.$transaction(async (tx) => {
      const dossier = await tx.application.findFirst({
        where: { id: input.applicationId, ...staffScope(viewer) },
        select: { id: true },
      });
      if (!dossier) throw new NotFoundError();
      const letter = await issueLetterInTx(tx, {
        applicationId: dossier.id,
        kind: "ACCEPTANCE",
        locale: input.locale,
        actorId: viewer.id,
        requestId,
      });
      stored = letter.storageKey;
      return letter;
    });
  } catch (error) {
    if (stored) await discardStoredLetters([stored]);
    throw error;
  }
}

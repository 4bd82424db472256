import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The reviewers' search text folded as the database folds Application.searchKey
 * (search_fold: unaccent, then lower-case, see the search_unaccent migration). Folding in SQL
 * rather than in JavaScript keeps both sides the same: "ß" → "ss", "Ø" → "o", "Œ" → "oe".
 */
export async function foldSearchText(text: string): Promise<string> {
  const known = folded.get(text);
  if (known !== undefined) return known;
  const [row] = await db.$queryRaw<{ key: string }[]>`SELECT search_fold(${text}) AS key`;
  const key = row?.key ?? text.toLowerCase();
  // The fold is immutable: a search paged through, or repeated, costs no second round trip.
  if (folded.size >= foldCacheSize) folded.clear();
  folded.set(text, key);
  return key;
}

const foldCacheSize = 1000;
const folded = new Map<string, string>();

/**
 * The dossiers whose name, e-mail or home university (name or code) contain the text, accents
 * and case ignored; no condition when there is no text. Served by the trigram index on searchKey.
 */
export async function applicationSearch(text: string | undefined): Promise<Prisma.ApplicationWhereInput> {
  if (!text) return {};
  return { searchKey: { contains: await foldSearchText(text) } };
}

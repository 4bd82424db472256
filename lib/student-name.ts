/**
 * How staff screens and exports name the student of a dossier. Every dossier they see has been
 * submitted, and submission requires both names: a dossier without a name is one whose person
 * was erased (GDPR, lib/privacy/erasure.ts), and it reads as such, with its reference, never
 * as an empty link or an undeliverable address.
 */
export interface NamedDossier {
  id: string;
  firstName: string | null;
  lastName: string | null;
}

/** Says "Anonymised student (ref. …)" in the reader's language. */
export type AnonymisedLabel = (reference: string) => string;

export function isAnonymised(dossier: NamedDossier): boolean {
  return !dossier.firstName && !dossier.lastName;
}

/** A short, stable reference of a dossier: the start of its id. */
export function dossierReference(id: string): string {
  return id.slice(0, 8).toUpperCase();
}

/** "DUPONT Marie", as lists sort and show names. */
export function studentListName(dossier: NamedDossier, anonymised: AnonymisedLabel): string {
  if (isAnonymised(dossier)) return anonymised(dossierReference(dossier.id));
  return [dossier.lastName?.toUpperCase(), dossier.firstName].filter(Boolean).join(" ");
}

/** "Marie Dupont", as a heading or a sentence names someone. */
export function studentFullName(dossier: NamedDossier, anonymised: AnonymisedLabel): string {
  if (isAnonymised(dossier)) return anonymised(dossierReference(dossier.id));
  return [dossier.firstName, dossier.lastName].filter(Boolean).join(" ");
}

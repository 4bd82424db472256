import type { TCatalogueQuery } from "@/lib/catalogue/schemas";
import type { StudyLevel } from "@/lib/generated/prisma/enums";

/**
 * The public catalogue's rules (R-PAR-1, R-PAR-2), pure: which agreements a visitor sees, and
 * which partners a set of filters keeps.
 */

/** What the catalogue reads of an agreement's kind (R-PAR-1), kept by the administrators. */
export type CatalogueKind = { nameFr: string; nameEn: string; coversEveryComponent: boolean };

/**
 * R-PAR-1: an agreement of a kind that covers every faculty (a strategic partnership) covers
 * each of them, whatever components it lists.
 */
export function coversEveryComponent(agreement: { agreementKind: Pick<CatalogueKind, "coversEveryComponent"> }) {
  return agreement.agreementKind.coversEveryComponent;
}

/** Shown publicly: signed agreements in force this academic year or the next. */
export function isShownFor(
  agreement: { status: string; firstAcademicYear: number; lastAcademicYear: number },
  thisYear: number,
): boolean {
  return (
    agreement.status === "SIGNED" &&
    agreement.firstAcademicYear <= thisYear + 1 &&
    agreement.lastAcademicYear >= thisYear
  );
}

export type CatalogueAgreement = {
  kind: string;
  agreementKind: CatalogueKind;
  studyLevels: StudyLevel[];
  /** The languages courses are taught in (ISO 639-1), what the language filter reads. */
  instructionLanguages: string[];
  components: { code: string }[];
};

export type CataloguePartner = {
  name: string;
  country: string;
  city: string;
  networks: string[];
  agreements: CatalogueAgreement[];
};

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

function agreementMatches(agreement: CatalogueAgreement, query: TCatalogueQuery): boolean {
  if (query.kind && agreement.kind !== query.kind) return false;
  if (query.level && !agreement.studyLevels.includes(query.level)) return false;
  if (query.language && !agreement.instructionLanguages.includes(query.language)) return false;
  if (
    query.component &&
    !coversEveryComponent(agreement) &&
    !agreement.components.some((component) => component.code === query.component)
  ) {
    return false;
  }
  return true;
}

/** A partner stays when it matches the partner filters and one of its agreements the others. */
export function partnerMatches(partner: CataloguePartner, query: TCatalogueQuery): boolean {
  if (query.q && !fold(`${partner.name} ${partner.city}`).includes(fold(query.q))) return false;
  if (query.country && partner.country !== query.country) return false;
  if (query.city && fold(partner.city) !== fold(query.city)) return false;
  if (query.network && !partner.networks.some((network) => fold(network) === fold(query.network as string)))
    return false;
  return partner.agreements.some((agreement) => agreementMatches(agreement, query));
}

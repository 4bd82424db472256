import type { TCatalogueQuery } from "@/lib/catalogue/schemas";
import type { AgreementKind, StudyLevel } from "@/lib/generated/prisma/enums";

/**
 * The public catalogue's rules (R-PAR-1, R-PAR-2), pure: which agreements a visitor sees, and
 * which partners a set of filters keeps.
 */

/** R-PAR-1: a strategic partnership covers every faculty, whatever components it lists. */
export function coversEveryComponent(kind: AgreementKind): boolean {
  return kind === "STRATEGIC_PARTNERSHIP";
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
  kind: AgreementKind;
  studyLevels: StudyLevel[];
  languageRequirements: string[];
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
  if (
    query.language &&
    !agreement.languageRequirements.some((requirement) => requirement.split(":")[0] === query.language)
  )
    return false;
  if (
    query.component &&
    !coversEveryComponent(agreement.kind) &&
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

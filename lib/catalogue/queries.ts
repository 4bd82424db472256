import "server-only";
import { z } from "zod";
import { isShownFor } from "@/lib/catalogue/rules";
import { db } from "@/lib/db";

/**
 * The public catalogue: partners with a signed agreement for this academic year or the next.
 * Public data only (no seats history, no IIA IDs). One query per page; the filtering is done
 * on its rows (rules.ts), a university's few hundred partners.
 */

function shownAgreements(thisYear: number) {
  return {
    where: { status: "SIGNED" as const, firstAcademicYear: { lte: thisYear + 1 }, lastAcademicYear: { gte: thisYear } },
    orderBy: [{ firstAcademicYear: "asc" as const }, { id: "asc" as const }],
    select: {
      id: true,
      kind: true,
      agreementKind: { select: { nameFr: true, nameEn: true, coversEveryComponent: true } },
      status: true,
      studyLevels: true,
      eqfLevels: true,
      periods: true,
      iscedCodes: true,
      languageRequirements: true,
      instructionLanguages: true,
      levelSeats: { select: { level: true, seatsPerYear: true }, orderBy: { level: "asc" as const } },
      firstAcademicYear: true,
      lastAcademicYear: true,
      incomingSeatsPerYear: true,
      components: { select: { code: true, nameFr: true, nameEn: true }, orderBy: { code: "asc" as const } },
    },
  };
}

function partnerFields(thisYear: number) {
  return {
    id: true,
    name: true,
    country: true,
    city: true,
    networks: { select: { name: true }, orderBy: { name: "asc" as const } },
    agreements: shownAgreements(thisYear),
  };
}

/** R-PAR-2: a partner's networks, by name (what the page shows and the filter matches). */
function withNetworkNames<T extends { networks: { name: string }[] }>(partner: T) {
  return { ...partner, networks: partner.networks.map((network) => network.name) };
}

export async function listCataloguePartners(thisYear: number) {
  const partners = await db.partnerInstitution.findMany({
    where: { agreements: { some: shownAgreements(thisYear).where } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: partnerFields(thisYear),
  });
  return partners.map((partner) => ({
    ...withNetworkNames(partner),
    agreements: partner.agreements.filter((agreement) => isShownFor(agreement, thisYear)),
  }));
}

/** Null for an unknown id, or a partner without an agreement shown: the page answers 404. */
export async function getCataloguePartner(id: string, thisYear: number) {
  if (!z.uuid().safeParse(id).success) return null;
  const partner = await db.partnerInstitution.findUnique({
    where: { id },
    select: partnerFields(thisYear),
  });
  return partner && partner.agreements.length > 0 ? withNetworkNames(partner) : null;
}

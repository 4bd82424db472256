import type { ResidenceCity } from "@/lib/generated/prisma/enums";
import type { MatchSponsor, MatchStudent } from "@/lib/integration/sponsorship/rules";
import { dateToDay } from "@/lib/paris-time";

/**
 * The database rows the matching reads, turned into the rules' inputs: one select and one
 * mapping, shared by the suggestions (queries.ts) and the confirmation (service.ts).
 */
export const studentForMatchSelect = {
  id: true,
  firstName: true,
  lastName: true,
  componentId: true,
  housingCity: true,
  arrival: { select: { arrivalDate: true } },
  sponsorshipOptIn: { select: { languages: true, interests: true } },
} as const;

type StudentRow = {
  id: string;
  componentId: string | null;
  housingCity: MatchStudent["city"];
  arrival: { arrivalDate: Date | null } | null;
  sponsorshipOptIn: { languages: string[]; interests: string[] } | null;
};

export function matchStudentOf(row: StudentRow): MatchStudent {
  return {
    id: row.id,
    componentId: row.componentId,
    city: row.housingCity,
    languages: row.sponsorshipOptIn?.languages ?? [],
    interests: row.sponsorshipOptIn?.interests ?? [],
    arrivalDate: row.arrival?.arrivalDate ? dateToDay(row.arrival.arrivalDate) : null,
  };
}

export function matchSponsorOf(
  row: { id: string; componentId: string; city: ResidenceCity; languages: string[]; interests: string[] },
  remaining: number,
): MatchSponsor {
  return {
    id: row.id,
    componentId: row.componentId,
    city: row.city,
    languages: row.languages,
    interests: row.interests,
    remaining,
  };
}

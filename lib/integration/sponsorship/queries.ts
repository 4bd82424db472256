import "server-only";
import { newestApplicationFirst, preferAccepted } from "@/lib/application-status";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { staffScope } from "@/lib/auth/scopes";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { StudyLevel } from "@/lib/generated/prisma/enums";
import { matchSponsorOf, matchStudentOf, studentForMatchSelect } from "@/lib/integration/sponsorship/match-inputs";
import { isUnmatchedTooClose, type MatchReason } from "@/lib/integration/sponsorship/rules";
import { suggestMatches } from "@/lib/integration/sponsorship/suggest";
import { dateToDay, parisDay } from "@/lib/paris-time";

// The sponsorship programme's reads (R-INT-3, R-INT-5…9). A sponsor reads only the students
// matched with them; a student only their own opt-in and sponsor; staff their components'.

/** R-INT-6: what a sponsor sees of a student; the name and e-mail come with a confirmed match. */
const studentShownToSponsorSelect = {
  id: true,
  firstName: true,
  lastName: true,
  nationality: true,
  studyLevel: true,
  contactEmail: true,
  component: { select: { nameFr: true, nameEn: true } },
  arrival: { select: { arrivalDate: true } },
  sponsorshipOptIn: { select: { languages: true, interests: true } },
  student: { select: { email: true } },
} as const;

type ShownRow = {
  id: string;
  firstName: string | null;
  lastName: string | null;
  nationality: string | null;
  studyLevel: StudyLevel | null;
  contactEmail: string | null;
  component: { nameFr: string; nameEn: string } | null;
  arrival: { arrivalDate: Date | null } | null;
  sponsorshipOptIn: { languages: string[]; interests: string[] } | null;
  student: { email: string };
};

function shownToSponsor(row: ShownRow) {
  return {
    id: row.id,
    name: [row.firstName, row.lastName].filter(Boolean).join(" "),
    email: row.contactEmail ?? row.student.email,
    country: row.nationality,
    studyLevel: row.studyLevel,
    component: row.component,
    arrivalDate: row.arrival?.arrivalDate ?? null,
    languages: row.sponsorshipOptIn?.languages ?? [],
    interests: row.sponsorshipOptIn?.interests ?? [],
  };
}

/** What every screen shows of a sponsor's offer. */
const sponsorProfileFields = {
  id: true,
  status: true,
  capacity: true,
  city: true,
  languages: true,
  interests: true,
} as const;

/** The viewer's own sponsor profile and, once approved, the students confirmed with them. */
export async function getOwnSponsorProfile(viewer: Pick<Viewer, "id">) {
  const profile = await db.sponsorProfile.findUnique({
    where: { userId: viewer.id },
    select: {
      ...sponsorProfileFields,
      component: { select: { nameFr: true, nameEn: true } },
      matches: {
        where: { applicationId: { not: null } },
        orderBy: [{ confirmedAt: "asc" }, { id: "asc" }],
        select: { application: { select: studentShownToSponsorSelect } },
      },
    },
  });
  if (!profile) return null;
  const { matches, ...rest } = profile;
  return {
    ...rest,
    students: matches.flatMap((match) => (match.application ? [shownToSponsor(match.application)] : [])),
  };
}

/**
 * R-INT-8: one student as their sponsor sees them — only a student confirmed with this sponsor;
 * any other id (unmatched, someone else's, or unknown) reads as nothing.
 */
export async function getSponsoredStudent(viewer: Pick<Viewer, "id" | "role">, applicationId: string) {
  if (viewer.role !== "SPONSOR") return null;
  const match = await db.sponsorMatch.findFirst({
    where: { applicationId, sponsor: { userId: viewer.id, status: "APPROVED" } },
    select: { application: { select: studentShownToSponsorSelect } },
  });
  return match?.application ? shownToSponsor(match.application) : null;
}

/** R-INT-6: the student's opt-in and, once confirmed, their sponsor's name and e-mail. */
export async function getOwnSponsorship(viewer: Pick<Viewer, "id">) {
  // R-ELI-9: the accepted application, even when a newer one (an extension) is in progress.
  const application = await preferAccepted((status) =>
    db.application.findFirst({
      where: { studentId: viewer.id, ...status },
      orderBy: newestApplicationFirst,
      select: {
        status: true,
        sponsorshipOptIn: {
          select: { consentVersion: true, consentedAt: true, withdrawnAt: true, languages: true, interests: true },
        },
        sponsorMatch: {
          select: { confirmedAt: true, sponsor: { select: { user: { select: { name: true, email: true } } } } },
        },
      },
    }),
  );
  if (application?.status !== "ACCEPTED") return null;
  const optIn = application.sponsorshipOptIn;
  return {
    optedIn: optIn !== null && optIn.withdrawnAt === null,
    optIn,
    sponsor: application.sponsorMatch
      ? { ...application.sponsorMatch.sponsor.user, confirmedAt: application.sponsorMatch.confirmedAt }
      : null,
  };
}

export async function listSponsorsForAdmin(viewer: AdminViewer) {
  assertAdminViewer(viewer);
  return db.sponsorProfile.findMany({
    orderBy: [{ status: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      ...sponsorProfileFields,
      charterVersion: true,
      charterAcceptedAt: true,
      user: { select: { name: true, email: true } },
      component: { select: { code: true } },
    },
  });
}

type StaffViewer = Pick<Viewer, "role" | "componentIds">;

/**
 * R-INT-7…9: a semester's board for staff: the students of their components who opted in, the
 * confirmed pairs, the suggested pairs for the others (one global optimisation over every
 * approved sponsor's places left), and who is still without a sponsor two weeks before arrival.
 */
export async function getSponsorshipBoard(viewer: StaffViewer, academicYear: number, now: Date = new Date()) {
  const today = parisDay(now);
  const students = await db.application.findMany({
    where: {
      AND: [staffScope(viewer), { status: "ACCEPTED", academicYear, sponsorshipOptIn: { withdrawnAt: null } }],
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    select: {
      ...studentForMatchSelect,
      sponsorMatch: {
        select: {
          id: true,
          forced: true,
          reason: true,
          sponsor: { select: { id: true, user: { select: { name: true } } } },
        },
      },
    },
  });
  const sponsors = await db.sponsorProfile.findMany({
    where: { status: "APPROVED" },
    orderBy: { id: "asc" },
    select: {
      id: true,
      componentId: true,
      city: true,
      languages: true,
      interests: true,
      capacity: true,
      user: { select: { name: true } },
      _count: { select: { matches: { where: { applicationId: { not: null } } } } },
    },
  });
  const unmatched = students.filter((student) => !student.sponsorMatch);
  const { suggestions } = await suggestMatches(
    unmatched.map(matchStudentOf),
    sponsors.map((sponsor) => matchSponsorOf(sponsor, sponsor.capacity - sponsor._count.matches)),
    today,
  );
  const sponsorName = new Map(sponsors.map((sponsor) => [sponsor.id, sponsor.user.name]));
  const suggestionOf = new Map(suggestions.map((suggestion) => [suggestion.studentId, suggestion]));
  return {
    students: students.map((student) => {
      const arrivalDate = student.arrival?.arrivalDate ? dateToDay(student.arrival.arrivalDate) : null;
      const suggestion = suggestionOf.get(student.id);
      return {
        id: student.id,
        firstName: student.firstName,
        lastName: student.lastName,
        arrivalDate,
        match: student.sponsorMatch
          ? {
              sponsorName: student.sponsorMatch.sponsor.user.name,
              forced: student.sponsorMatch.forced,
              reason: JSON.parse(student.sponsorMatch.reason) as MatchReason,
            }
          : null,
        suggestion: suggestion
          ? {
              sponsorId: suggestion.sponsorId,
              sponsorName: sponsorName.get(suggestion.sponsorId)!,
              reason: suggestion.reason,
            }
          : null,
        // R-INT-9: no sponsor two weeks before arrival: flagged to the correspondent.
        flagged: !student.sponsorMatch && isUnmatchedTooClose(arrivalDate, today),
      };
    }),
    sponsors: sponsors.map((sponsor) => ({
      id: sponsor.id,
      name: sponsor.user.name,
      placesLeft: sponsor.capacity - sponsor._count.matches,
    })),
  };
}

/** R-INT-5: what the sponsor's registration page needs: the faculties, and the account's state. */
export async function getSponsorRegistration(viewer: Pick<Viewer, "id">) {
  const [faculties, user] = await Promise.all([
    db.component.findMany({ orderBy: { code: "asc" }, select: { id: true, nameFr: true, nameEn: true } }),
    db.user.findUniqueOrThrow({
      where: { id: viewer.id },
      select: {
        _count: { select: { applications: true } },
        sponsorProfile: {
          select: { status: true, componentId: true, city: true, languages: true, interests: true, capacity: true },
        },
      },
    }),
  ]);
  return { faculties, incoming: user._count.applications > 0, profile: user.sponsorProfile };
}

import "server-only";
import { newestApplicationFirst, preferAccepted } from "@/lib/application-status";
import { isNonEuropean } from "@/lib/arrival/rules";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { arrivalHubSteps } from "@/lib/integration/hub/rules";
import { findVisaExemptCountries } from "@/lib/visa-exempt-countries";

/** The arrival hub's facts, read from the viewer's own application only; null without one. */
export async function getArrivalHub(viewer: Pick<Viewer, "id">) {
  const [application, exempt] = await Promise.all([
    preferAccepted((status) =>
      db.application.findFirst({
        where: { studentId: viewer.id, ...status },
        orderBy: newestApplicationFirst,
        select: {
          status: true,
          decidedAt: true,
          nationality: true,
          housingRequested: true,
          insuranceStatus: true,
          housingRequest: { select: { status: true } },
          arrival: { select: { completedAt: true, nationality: true } },
          welcomeDeskBooking: { select: { slot: { select: { startsAt: true } } } },
          integrationSignup: { select: { status: true, session: { select: { startsOn: true } } } },
          mentorAssignment: { select: { teacher: { select: { name: true } } } },
          sponsorshipOptIn: { select: { withdrawnAt: true } },
          sponsorMatch: { select: { sponsor: { select: { user: { select: { name: true } } } } } },
        },
      }),
    ),
    findVisaExemptCountries(),
  ]);
  if (!application || application.status === "DRAFT") return null;
  return arrivalHubSteps({
    status: application.status,
    decidedAt: application.decidedAt,
    housingRequested: application.housingRequested,
    housingStatus: application.housingRequest?.status ?? null,
    insuranceStatus: application.insuranceStatus,
    permitApplies: isNonEuropean(application.arrival?.nationality ?? application.nationality, exempt),
    permitDone: application.arrival?.completedAt != null,
    welcomeDeskAt: application.welcomeDeskBooking?.slot.startsAt ?? null,
    integrationWeek: application.integrationSignup
      ? { status: application.integrationSignup.status, startsOn: application.integrationSignup.session.startsOn }
      : null,
    mentorName: application.mentorAssignment?.teacher.name ?? null,
    sponsor: {
      optedIn: application.sponsorshipOptIn !== null && application.sponsorshipOptIn.withdrawnAt === null,
      name: application.sponsorMatch?.sponsor.user.name ?? null,
    },
  });
}

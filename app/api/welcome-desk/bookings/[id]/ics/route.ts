import { getTranslations } from "next-intl/server";
import { NotFoundError } from "@/lib/errors";
import { routeFor } from "@/lib/routes/route-for";
import { welcomeDeskIcsResponse } from "@/lib/welcome-desk/ics";
import { getWelcomeDeskBookingForViewer } from "@/lib/welcome-desk/queries";

export const dynamic = "force-dynamic";

/**
 * GET /api/welcome-desk/bookings/[id]/ics: the visit as a calendar file (R-VIS-5), to the
 * student who booked it; 404 for anyone else, signed in or not, as for an unknown id.
 */
export const GET = routeFor("GET /api/welcome-desk/bookings/[id]/ics", async (_request, { viewer, locale, params }) => {
  const booking = await getWelcomeDeskBookingForViewer(viewer, params.id);
  if (!booking) throw new NotFoundError();
  const t = await getTranslations({ locale, namespace: "welcomeDesk.ics" });
  return welcomeDeskIcsResponse(booking, {
    summary: t("summary"),
    description: t("description"),
    location: t("locationUnknown"),
  });
});

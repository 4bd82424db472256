import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/viewer";
import { welcomeDeskIcsNotFound, welcomeDeskIcsResponse } from "@/lib/welcome-desk/ics";
import { getWelcomeDeskBookingForViewer } from "@/lib/welcome-desk/queries";

type Context = { params: Promise<{ id: string }> };

export const dynamic = "force-dynamic";

/**
 * GET /api/welcome-desk/bookings/[id]/ics: the visit as a calendar file (R-VIS-5), to the
 * student who booked it; 404 for anyone else, signed in or not, as for an unknown id.
 */
export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  const viewer = await getViewer();
  const booking = viewer ? await getWelcomeDeskBookingForViewer(viewer, id) : null;
  if (!viewer || !booking) return welcomeDeskIcsNotFound();
  const t = await getTranslations({ locale: viewer.locale, namespace: "welcomeDesk.ics" });
  return welcomeDeskIcsResponse(booking, {
    summary: t("summary"),
    description: t("description"),
    location: t("locationUnknown"),
  });
}

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { withHeaders } from "@/lib/exports/columns";
import { exportResponse, ZExportFormat } from "@/lib/exports/respond";
import { isDay } from "@/lib/paris-time";
import { routeFor } from "@/lib/routes/route-for";
import { attendeeExportColumns } from "@/lib/welcome-desk/export";
import { listWelcomeDeskAttendees } from "@/lib/welcome-desk/queries";

export const dynamic = "force-dynamic";

const ZAttendeeQuery = z.object({
  desk: z.uuid().optional().catch(undefined),
  slot: z.uuid().optional().catch(undefined),
  day: z.string().refine(isDay).optional().catch(undefined),
});

/**
 * GET /api/welcome-desk/attendees/export?format=xlsx|csv&desk=&day=&slot=: who booked which
 * welcome-desk time, by desk and time, inside the viewer's scope (a correspondent: their
 * components' students; an admin: all). Anyone else: 404.
 */
export const GET = routeFor("GET /api/welcome-desk/attendees/export", async (request, { viewer, locale }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = ZAttendeeQuery.parse(params);
  const [t, tw, te, tr, rows] = await Promise.all([
    getTranslations({ locale, namespace: "listExports" }),
    getTranslations({ locale, namespace: "welcomeDesk" }),
    getTranslations({ locale, namespace: "enums" }),
    getTranslations({ locale, namespace: "review" }),
    listWelcomeDeskAttendees(viewer, { deskId: query.desk, slotId: query.slot, day: query.day }),
  ]);
  const columns = attendeeExportColumns({
    locale,
    desk: (city, placeName) => {
      const name = tw("slots.deskTitle", { city: te(`housingCity.${city}`) });
      return placeName ? `${name} (${placeName})` : name;
    },
    anonymised: (reference) => tr("anonymisedStudent", { reference }),
  });
  return exportResponse({
    format: ZExportFormat.parse(params.format),
    locale,
    filename: query.day ? `welcome-desk-${query.day}` : "welcome-desk",
    sheetName: t("sheet.attendees"),
    columns: withHeaders("attendees", columns, (key) => t(key as never)),
    batches: [rows],
  });
});

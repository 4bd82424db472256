import { buildIcs } from "@/lib/welcome-desk/rules";

/**
 * The calendar file of a visit to the welcome desk, as the route answers it: an attachment,
 * never cached (it says where and when a named student will be), never sniffed as anything
 * but a calendar. The texts come translated, in the student's language.
 */
export function welcomeDeskIcsResponse(
  booking: {
    id: string;
    createdAt: Date;
    slot: { startsAt: Date; endsAt: Date; desk: { placeName: string | null; address: string | null } };
  },
  texts: { summary: string; description: string; location: string },
): Response {
  const location =
    [booking.slot.desk.placeName, booking.slot.desk.address].filter(Boolean).join(", ") || texts.location;
  const body = buildIcs({
    uid: `welcome-desk-${booking.id}@amu-exchange-portal`,
    stamp: booking.createdAt,
    startsAt: booking.slot.startsAt,
    endsAt: booking.slot.endsAt,
    summary: texts.summary,
    location,
    description: texts.description,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="welcome-desk.ics"',
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

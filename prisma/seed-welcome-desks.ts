/**
 * The welcome desks (R-VIS-5, R-INT-4) as the seed page gives them: Marseille at Espace
 * Pouillon (Campus Marseille Centre, Saint-Charles site), 9am–4pm from the end of August to
 * early October, with bookable slots; Aix to be announced. Idempotent: creates what is
 * missing, never changes what an admin has edited since.
 */
import type { PrismaClient } from "../lib/generated/prisma/client.ts";
import { dateToDay } from "../lib/paris-time.ts";
import { planSlots } from "../lib/welcome-desk/rules.ts";

/** The seed page's opening: from the last Monday of August to the first Friday of October. */
function seedPeriod(academicYear: number) {
  const lastOfAugust = new Date(Date.UTC(academicYear, 7, 31));
  const opensOn = new Date(Date.UTC(academicYear, 7, 31 - ((lastOfAugust.getUTCDay() + 6) % 7)));
  const firstOfOctober = new Date(Date.UTC(academicYear, 9, 1));
  const closesOn = new Date(Date.UTC(academicYear, 9, 1 + ((5 - firstOfOctober.getUTCDay() + 7) % 7)));
  return { opensOn, closesOn };
}

/** The academic year whose welcome period has not ended yet: the demo's slots are bookable. */
export function upcomingWelcomeDeskYear(now: Date): number {
  const year = now.getUTCFullYear();
  // The closing day itself still counts (until its end).
  return now.getTime() < seedPeriod(year).closesOn.getTime() + 86_400_000 ? year : year + 1;
}

export async function seedWelcomeDesks(prisma: PrismaClient, academicYear: number): Promise<void> {
  const { opensOn, closesOn } = seedPeriod(academicYear);
  const marseille = await prisma.welcomeDesk.upsert({
    where: { city: "MARSEILLE" },
    create: {
      city: "MARSEILLE",
      placeName: "Espace Pouillon",
      address: "Campus Marseille Centre, 3 place Victor Hugo, Site Saint-Charles, 13003 Marseille",
      opensOn,
      closesOn,
      dailyOpensAt: "09:00",
      dailyClosesAt: "16:00",
    },
    update: {},
    select: { id: true, opensOn: true, closesOn: true, dailyOpensAt: true, dailyClosesAt: true },
  });
  await prisma.welcomeDesk.upsert({
    where: { city: "AIX" },
    create: { city: "AIX" },
    update: {},
    select: { id: true },
  });

  // The academic year's slots, from the desk's hours as they are now (an admin's edit included).
  const slots = planSlots(
    {
      opensOn: marseille.opensOn && dateToDay(marseille.opensOn),
      closesOn: marseille.closesOn && dateToDay(marseille.closesOn),
      dailyOpensAt: marseille.dailyOpensAt,
      dailyClosesAt: marseille.dailyClosesAt,
    },
    { from: dateToDay(opensOn), to: dateToDay(closesOn), slotMinutes: 30, capacity: 4, weekdaysOnly: true },
  );
  await prisma.welcomeDeskSlot.createMany({
    data: slots.map((slot) => ({ deskId: marseille.id, ...slot })),
    skipDuplicates: true,
  });
}

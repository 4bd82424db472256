/**
 * The welcome desks (R-VIS-5, R-VIS-7, R-INT-4) as the seed page gives them: Marseille at
 * Espace Pouillon (Campus Marseille Centre, Saint-Charles site), 9am–4pm from the end of August
 * to early October (the autumn intake), and again in January for the spring intake, with
 * bookable slots; Aix to be announced. Idempotent: creates what is
 * missing, never changes what an admin has edited since.
 */
import type { PrismaClient } from "../lib/generated/prisma/client.ts";
import { dateToDay } from "../lib/paris-time.ts";
import { planSlots } from "../lib/welcome-desk/rules.ts";

/** The seed page's opening: from the last Monday of August to the first Friday of October. */
function autumnPeriod(academicYear: number) {
  const lastOfAugust = new Date(Date.UTC(academicYear, 7, 31));
  const opensOn = new Date(Date.UTC(academicYear, 7, 31 - ((lastOfAugust.getUTCDay() + 6) % 7)));
  const firstOfOctober = new Date(Date.UTC(academicYear, 9, 1));
  const closesOn = new Date(Date.UTC(academicYear, 9, 1 + ((5 - firstOfOctober.getUTCDay() + 7) % 7)));
  return { opensOn, closesOn };
}

/**
 * The academic year whose welcome periods have not all ended yet, so the demo's slots are
 * bookable: until the January intake of an academic year is over (early February), that year;
 * then the year whose autumn intake comes next.
 */
export function upcomingWelcomeDeskYear(now: Date): number {
  const year = now.getUTCFullYear();
  // The closing day itself still counts (until its end).
  return now.getTime() < springPeriod(year - 1).closesOn.getTime() + 86_400_000 ? year - 1 : year;
}

/**
 * The spring intake's opening (R-VIS-7): students arriving for the second semester come in
 * January, so the desk opens again from the first Monday after New Year's Day, for four weeks
 * (to the Friday of the fourth week).
 */
function springPeriod(academicYear: number) {
  const second = new Date(Date.UTC(academicYear + 1, 0, 2));
  const opensOn = new Date(Date.UTC(academicYear + 1, 0, 2 + ((8 - second.getUTCDay()) % 7)));
  const closesOn = new Date(opensOn.getTime() + 25 * 86_400_000);
  return { opensOn, closesOn };
}

/**
 * Creates a period unless the desk already has one sharing a day with it (an admin's edit is
 * kept), then the period's slots from its hours as they are now. Answers the period used.
 */
async function seedPeriod(prisma: PrismaClient, deskId: string, days: { opensOn: Date; closesOn: Date }) {
  const existing = await prisma.welcomeDeskPeriod.findFirst({
    where: { deskId, opensOn: { lte: days.closesOn }, closesOn: { gte: days.opensOn } },
    select: { opensOn: true, closesOn: true, dailyOpensAt: true, dailyClosesAt: true },
  });
  const period =
    existing ??
    (await prisma.welcomeDeskPeriod.create({
      data: { deskId, ...days, dailyOpensAt: "09:00", dailyClosesAt: "16:00" },
      select: { opensOn: true, closesOn: true, dailyOpensAt: true, dailyClosesAt: true },
    }));
  const slots = planSlots(
    {
      opensOn: dateToDay(period.opensOn),
      closesOn: dateToDay(period.closesOn),
      dailyOpensAt: period.dailyOpensAt,
      dailyClosesAt: period.dailyClosesAt,
    },
    {
      from: dateToDay(period.opensOn),
      to: dateToDay(period.closesOn),
      slotMinutes: 30,
      capacity: 4,
      weekdaysOnly: true,
    },
  );
  await prisma.welcomeDeskSlot.createMany({ data: slots.map((slot) => ({ deskId, ...slot })), skipDuplicates: true });
}

export async function seedWelcomeDesks(prisma: PrismaClient, academicYear: number): Promise<void> {
  const marseille = await prisma.welcomeDesk.upsert({
    where: { city: "MARSEILLE" },
    create: {
      city: "MARSEILLE",
      placeName: "Espace Pouillon",
      address: "Campus Marseille Centre, 3 place Victor Hugo, Site Saint-Charles, 13003 Marseille",
    },
    update: {},
    select: { id: true },
  });
  await prisma.welcomeDesk.upsert({
    where: { city: "AIX" },
    create: { city: "AIX" },
    update: {},
    select: { id: true },
  });
  // The academic year's two intakes, each with its slots (an admin's edit of either is kept).
  await seedPeriod(prisma, marseille.id, autumnPeriod(academicYear));
  await seedPeriod(prisma, marseille.id, springPeriod(academicYear));
}

/**
 * Calls for applications (R-ELI-8) for the demo: next academic year's semester 1, semester 2 and
 * full year with AMU's usual deadlines (decisions in July and December, deadlines before them),
 * open from the day the demo is seeded, and
 * this year's three calls kept open for at least four months from the day the demo is seeded, so
 * that the demo's journeys (and the browser tests, which run on a freshly seeded portal) can be
 * tried whatever the day. A real deployment enters its own calls in /admin/calls. Runs with the
 * rest of the seed, on an empty database only.
 */
import { type CallPeriod, defaultCallDates } from "../lib/calls/rules.ts";
import type { PrismaClient } from "../lib/generated/prisma/client.ts";

const periods: CallPeriod[] = ["S1", "S2", "FULL_YEAR"];
const demoOpenDays = 120;

export async function seedCalls(prisma: PrismaClient, thisYear: number, now = new Date()): Promise<void> {
  const openUntil = new Date(now.getTime() + demoOpenDays * 86_400_000);
  const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);
  const earlier = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);
  const data = periods.flatMap((period) => {
    const current = defaultCallDates(thisYear, period);
    const next = defaultCallDates(thisYear + 1, period);
    return [
      {
        academicYear: thisYear,
        period,
        opensAt: current.opensAt,
        nominationDeadline: later(current.nominationDeadline, openUntil),
        applicationDeadline: later(current.applicationDeadline, openUntil),
      },
      // Next year's calls take applications from the demo's first day, whatever the season.
      { academicYear: thisYear + 1, period, ...next, opensAt: earlier(next.opensAt, now) },
    ];
  });
  await prisma.applicationCall.createMany({ data });
}

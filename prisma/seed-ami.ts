/**
 * The mobility grant's figures (R-AMI-2): 2024-2025's, as the seed page gives them (400 € a
 * month, 10 months over one's studies; the supplements' amounts are not published there, so
 * they stay unset for the office to enter at /admin/ami). Created when missing, so it can run
 * on any database; seeded data, not a migration's, so that a backup restores onto empty tables.
 */
import type { PrismaClient } from "../lib/generated/prisma/client.ts";

export const seededAmiYear = { academicYear: 2024, monthlyRateCents: 40_000, lifetimeCapMonths: 10 } as const;

export async function seedAmiRates(prisma: Pick<PrismaClient, "amiYearRate">): Promise<void> {
  await prisma.amiYearRate.upsert({
    where: { academicYear: seededAmiYear.academicYear },
    create: seededAmiYear,
    update: {},
  });
}

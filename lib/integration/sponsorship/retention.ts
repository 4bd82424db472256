import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Db } from "@/lib/db";
import { sponsorshipEndsOn } from "@/lib/integration/sponsorship/rules";
import { parisDay } from "@/lib/paris-time";

/**
 * R-INT-9: the door the retention job (lib/privacy/retention.ts) uses: each sponsor–student
 * link whose semester is over loses its student (applicationId null, anonymisedAt set), so only
 * the count of pairs remains. Idempotent: a link already anonymised is not selected again.
 */
export async function anonymiseEndedSponsorships(database: Db, now: Date): Promise<number> {
  const today = parisDay(now);
  const links = await database.sponsorMatch.findMany({
    where: { anonymisedAt: null, applicationId: { not: null } },
    select: { id: true, academicYear: true, application: { select: { period: true } } },
  });
  const ended = links.filter((link) => sponsorshipEndsOn(link.academicYear, link.application?.period ?? null) <= today);
  for (const link of ended) {
    await database.$transaction(async (tx) => {
      const { count } = await tx.sponsorMatch.updateMany({
        where: { id: link.id, anonymisedAt: null },
        data: { applicationId: null, reason: "{}", anonymisedAt: now },
      });
      if (count === 0) return;
      await recordAudit(tx, {
        actorId: null,
        action: "sponsorship.anonymise",
        entityType: "SponsorMatch",
        entityId: link.id,
        after: { academicYear: link.academicYear },
      });
    });
  }
  return ended.length;
}

import "server-only";
import { nextQuotaCount, type QuotaPolicy } from "@/lib/accounts/rules";
import { db } from "@/lib/db";

/**
 * Counts one request on `key` and says whether it is within the policy (R-ACC-4). The row is
 * locked for the read-modify-write, so that a burst of parallel requests counts every one.
 */
export async function takeQuota(key: string, policy: QuotaPolicy, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "RequestQuota" (key, count, "windowStart") VALUES (${key}, 0, ${now}) ON CONFLICT (key) DO NOTHING`;
    const [current] = await tx.$queryRaw<{ count: number; windowStart: Date }[]>`
      SELECT count, "windowStart" FROM "RequestQuota" WHERE key = ${key} FOR UPDATE`;
    const next = nextQuotaCount(current && current.count > 0 ? current : null, now, policy);
    await tx.requestQuota.update({ where: { key }, data: next });
    return next.count <= policy.limit;
  });
}

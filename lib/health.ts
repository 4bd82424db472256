import "server-only";
import { type Db, db } from "@/lib/db";
import { logWarn } from "@/lib/log";

/** "ok" when the database answers within 2 s; "down" otherwise (never throws). */
export async function checkDatabase(client: Db = db): Promise<"ok" | "down"> {
  const timeout = new Promise<"down">((resolve) => setTimeout(() => resolve("down"), 2_000).unref());
  const probe = Promise.resolve()
    .then(() => client.$queryRaw`SELECT 1`)
    .then(
      () => "ok" as const,
      (error: unknown) => {
        logWarn("health.database.down", { error });
        return "down" as const;
      },
    );
  return Promise.race([probe, timeout]);
}

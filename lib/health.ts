import "server-only";
import { type Db, db } from "@/lib/db";

/** "ok" when the database answers within 2 s; "down" otherwise (never throws). */
export async function checkDatabase(client: Db = db): Promise<"ok" | "down"> {
  const timeout = new Promise<"down">((resolve) => setTimeout(() => resolve("down"), 2_000).unref());
  const probe = Promise.resolve()
    .then(() => client.$queryRaw`SELECT 1`)
    .then(
      () => "ok" as const,
      (error: unknown) => {
        console.error(
          JSON.stringify({
            level: "warn",
            health: "database",
            error: error instanceof Error ? error.message : String(error),
          }),
        );
        return "down" as const;
      },
    );
  return Promise.race([probe, timeout]);
}

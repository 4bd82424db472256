/**
 * What the operators' commands (housing:mails, visa:reminders, privacy:retention) need before
 * they import the portal's code: its database — DATABASE_URL, or else the embedded
 * PostgreSQL's `portal` database, like `npm run demo` — and a session secret, which
 * lib/env.ts requires though these commands sign nothing. Call it first; stop what it returns.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ensurePostgres, type PostgresServer, projectRoot } from "../prisma/postgres.ts";

export async function preparePortalCommand(log: (line: string) => void): Promise<{ server?: PostgresServer }> {
  let server: PostgresServer | undefined;
  if (!process.env.DATABASE_URL) {
    server = await ensurePostgres({ log });
    process.env.DATABASE_URL = server.urlFor("portal");
  }
  process.env.AUTH_SECRET ??= localSecret();
  return { server };
}

/** The secret `npm run demo` keeps in .data/, or a throwaway one. */
function localSecret(): string {
  const file = path.join(projectRoot, ".data", "auth-secret");
  return existsSync(file) ? readFileSync(file, "utf8").trim() : randomBytes(32).toString("base64url");
}

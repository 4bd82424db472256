import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** The options every client of the app uses: secrets are never selected unless asked for. */
export const prismaOptions = {
  omit: { user: { passwordHash: true } },
} as const;

export function createPrismaClient(databaseUrl: string, poolMax: number) {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolMax, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter, ...prismaOptions });
}

export type Db = ReturnType<typeof createPrismaClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// One client (one pool) per server process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { portalDb?: Db };

function client(): Db {
  globalForDb.portalDb ??= createPrismaClient(env().DATABASE_URL, env().DATABASE_POOL_MAX);
  return globalForDb.portalDb;
}

/**
 * Created on first use, not on import: `next build` imports route modules without a database
 * or its settings.
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const instance = client();
    const value = Reflect.get(instance, property, instance);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});

/**
 * The driver adapter the WebAssembly schema engine talks to PostgreSQL through: @prisma/adapter-pg
 * 7.10.1 with small workarounds for its four defects under the schema engine (numbered as in
 * /work/shared/notes/stack.md, "Migrations without the Prisma CLI").
 */
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/** PostgreSQL's internal one-byte `"char"` type (pg_constraint.contype, pg_class.relkind, …). */
const CHAR_OID = 18;
const TEXT_OID = 25;
const SHADOW_DATABASE_PREFIX = "prisma_migrate_shadow_db_";

export interface EngineAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** Ends the pools and drops any shadow database the engine left behind. */
  close(): Promise<void>;
}

export function createAdapterFactory(databaseUrl: string): EngineAdapterFactory {
  const openAdapters = new Set<EngineAdapter>();
  const open = (adapter: EngineAdapter) => {
    openAdapters.add(adapter);
    adapter.onDispose(() => {
      openAdapters.delete(adapter);
    });
    return adapter;
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => open(await EngineAdapter.connect(databaseUrl)),
    connectToShadowDb: async () => open(await connectToShadowDatabase(databaseUrl)),
    close: async () => {
      await Promise.all([...openAdapters].map((adapter) => adapter.dispose()));
    },
  };
}

class EngineAdapter implements SqlDriverAdapter {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  private readonly disposeListeners: (() => Promise<void> | void)[] = [];
  private disposed?: Promise<void>;

  private constructor(
    private readonly inner: PgAdapter,
    private readonly charColumns: WeakMap<unknown[], number[]>,
  ) {}

  static async connect(url: string): Promise<EngineAdapter> {
    // Defect 4: one connection, never closed while idle, so the migrations advisory lock the
    // engine takes (pg_advisory_lock(72707369)) stays on the session that applies the migrations.
    const pool = new pg.Pool({ connectionString: url, max: 1, idleTimeoutMillis: 0 });
    const charColumns = reportCharColumns(pool);
    const inner = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
    return new EngineAdapter(inner, charColumns);
  }

  onDispose(listener: () => Promise<void> | void): void {
    this.disposeListeners.push(listener);
  }

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    const result = await this.inner.queryRaw(query);
    // Defect 1: see reportCharColumns. The engine reads these columns as single characters.
    for (const index of this.charColumns.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.inner.executeRaw(query);
  }

  async executeScript(script: string): Promise<void> {
    // Defect 2: adapter-pg splits the script on every `;` and runs the pieces one by one, which
    // breaks `DO $$ … $$` bodies and string literals holding `;`, and is not atomic. A query
    // without parameters goes over PostgreSQL's simple protocol, which runs all the statements
    // of one query string in a single implicit transaction: all of them or none.
    await this.inner.executeRaw({ sql: script, args: [], argTypes: [] });
  }

  startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    return this.inner.startTransaction(isolationLevel);
  }

  getConnectionInfo() {
    return this.inner.getConnectionInfo();
  }

  dispose(): Promise<void> {
    this.disposed ??= (async () => {
      try {
        await this.inner.dispose();
      } finally {
        for (const listener of this.disposeListeners) await listener();
      }
    })();
    return this.disposed;
  }
}

/**
 * Defect 1: adapter-pg rejects result columns of PostgreSQL's `"char"` type, which the schema
 * describer reads from pg_catalog ("Column type 'char' could not be deserialized"). This hook
 * lets adapter-pg see them as text (their values are already parsed, as plain strings) and
 * remembers where they were, keyed by the rows array that adapter-pg passes through unchanged,
 * so that EngineAdapter.queryRaw reports them as Character (as text, the describer panics).
 */
function reportCharColumns(pool: pg.Pool): WeakMap<unknown[], number[]> {
  const charColumns = new WeakMap<unknown[], number[]>();
  const query = pool.query.bind(pool) as (config: pg.QueryConfig) => Promise<pg.QueryResult | pg.QueryResult[]>;
  const hooked = async (config: pg.QueryConfig) => {
    const result = await query(config);
    // A query string of several statements (defect 2's workaround) yields one result each.
    if (Array.isArray(result)) return result;
    const indexes = result.fields.flatMap((field, index) => (field.dataTypeID === CHAR_OID ? [index] : []));
    if (indexes.length > 0) {
      for (const index of indexes) result.fields[index]!.dataTypeID = TEXT_OID;
      charColumns.set(result.rows, indexes);
    }
    return result;
  };
  pool.query = hooked as typeof pool.query;
  return charColumns;
}

/**
 * Defect 3: adapter-pg's connectToShadowDb() creates the shadow database but then connects to
 * the main database (the connection string wins over the `database` it sets), so replaying
 * the migrations fails with "relation already exists". Create it here, connect to it, and drop
 * it when the engine lets go of it (or when the factory closes).
 */
async function connectToShadowDatabase(databaseUrl: string): Promise<EngineAdapter> {
  const name = `${SHADOW_DATABASE_PREFIX}${randomUUID()}`;
  await runOnServer(databaseUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  try {
    const adapter = await EngineAdapter.connect(url.toString());
    adapter.onDispose(() => runOnServer(databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    return adapter;
  } catch (error) {
    await runOnServer(databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    throw error;
  }
}

async function runOnServer(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

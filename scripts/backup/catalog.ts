/**
 * What backup and restore read from PostgreSQL's catalog: the tables of the `public` schema
 * (the migrations create everything there), their columns, primary keys and foreign keys, the
 * sequences; and the row counts and checksums both sides compare.
 */
import type pg from "pg";

/** The migration runner's own table: restored by replaying the migrations, not copied. */
export const migrationsTable = "_prisma_migrations";

export interface TableInfo {
  name: string;
  /** Insertable columns in table order (generated columns are left out: PostgreSQL computes them). */
  columns: { name: string; type: string }[];
  primaryKey: string[];
}

/**
 * Text output of dates, floats and bytea depends on session settings: both sides fix them, so
 * the text written by the backup is read back the same and the checksums agree.
 */
export async function fixSessionSettings(client: pg.ClientBase): Promise<void> {
  await client.query(
    "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 3; SET bytea_output = 'hex'",
  );
}

export async function listTables(client: pg.ClientBase): Promise<TableInfo[]> {
  // The type with its modifier: without one, format_type names char(n) "character", which is
  // char(1). The rows come from the same column type, so a cast never shortens them (and the
  // checksums would tell).
  const { rows } = await client.query<TableInfo>(
    `SELECT c.relname AS name,
       coalesce((SELECT json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) ORDER BY a.attnum)
         FROM pg_attribute a
         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''), '[]') AS columns,
       coalesce((SELECT array_agg(a.attname::text ORDER BY k.n)
         FROM pg_index i, unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
         WHERE i.indrelid = c.oid AND i.indisprimary), '{}') AS "primaryKey"
     FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname <> $1
     ORDER BY c.relname`,
    [migrationsTable],
  );
  return rows;
}

/**
 * The tables ordered so that every table comes after the tables its foreign keys reference, so
 * the restore inserts with the constraints checked. `cyclic` lists the tables no order satisfies
 * (a foreign key cycle, or a table referencing itself); they come last.
 */
export async function foreignKeyOrder(
  client: pg.ClientBase,
  tables: string[],
): Promise<{ order: string[]; cyclic: string[] }> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent
     FROM pg_constraint k
     JOIN pg_class child ON child.oid = k.conrelid
     JOIN pg_class parent ON parent.oid = k.confrelid
     WHERE k.contype = 'f' AND child.relnamespace = 'public'::regnamespace AND parent.relnamespace = 'public'::regnamespace`,
  );
  const parents = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const { child, parent } of rows) parents.get(child)?.add(parent);
  const order: string[] = [];
  const placed = new Set<string>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const table of tables) {
      if (placed.has(table)) continue;
      const ready = [...parents.get(table)!].every((parent) => placed.has(parent) || !parents.has(parent));
      if (ready && !parents.get(table)!.has(table)) {
        order.push(table);
        placed.add(table);
        progress = true;
      }
    }
  }
  const cyclic = tables.filter((table) => !placed.has(table));
  return { order: [...order, ...cyclic], cyclic };
}

export async function listSequences(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    "SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S' ORDER BY relname",
  );
  return rows.map((row) => row.name);
}

/**
 * Row count, and an md5 of the rows' md5s sorted: independent of row order and primary keys,
 * and PostgreSQL aggregates 32 characters a row rather than the whole table's text.
 */
export async function tableStats(client: pg.ClientBase, table: string): Promise<{ rows: number; checksum: string }> {
  const { rows } = await client.query<{ rows: string; checksum: string }>(
    `SELECT count(*) AS rows, md5(coalesce(string_agg(h, '' ORDER BY h), '')) AS checksum
     FROM (SELECT md5(row_to_json(t)::text) AS h FROM ${quoteIdent(table)} t) rows`,
  );
  return { rows: Number(rows[0]!.rows), checksum: rows[0]!.checksum };
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

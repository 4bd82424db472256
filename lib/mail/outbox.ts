import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { matchesOutboxFilter, type TOutboxFilter } from "./outbox-filter";
import type { SinkMessage } from "./outbox-format";

/**
 * The sink's messages, newest first (file names start with the reception time), those that
 * match the filter, at most `limit`. Files are read newest first and in small batches, so a
 * long outbox is read only as far as the page needs.
 */
export async function readOutbox(dir: string, limit = 100, filter: TOutboxFilter = {}): Promise<SinkMessage[]> {
  const files = await readdir(dir).catch(() => [] as string[]);
  const newest = files
    .filter((file) => file.endsWith(".json"))
    .sort()
    .reverse();
  const found: SinkMessage[] = [];
  const batchSize = 50;
  for (let start = 0; start < newest.length && found.length < limit; start += batchSize) {
    const batch = await Promise.all(
      newest
        .slice(start, start + batchSize)
        .map(async (file) => JSON.parse(await readFile(path.join(dir, file), "utf8")) as SinkMessage),
    );
    found.push(...batch.filter((message) => matchesOutboxFilter(message, filter)));
  }
  return found.slice(0, limit);
}

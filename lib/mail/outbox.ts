import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SinkMessage } from "./outbox-format";

/** The sink's messages, newest first (file names start with the reception time). */
export async function readOutbox(dir: string, limit = 100): Promise<SinkMessage[]> {
  const files = await readdir(dir).catch(() => [] as string[]);
  const newest = files
    .filter((file) => file.endsWith(".json"))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(
    newest.map(async (file) => JSON.parse(await readFile(path.join(dir, file), "utf8")) as SinkMessage),
  );
}

import { z } from "zod";
import type { SinkMessage } from "./outbox-format";

/**
 * Filtering the development outbox by recipient and subject: what the admin types, read from
 * the page's query string. Odd input (control characters, arrays, very long text) reads as no
 * filter rather than an error: it is a development screen's search box.
 */
const term = z
  .string()
  .trim()
  .max(200)
  .transform((value) => value.replace(/\p{Cc}/gu, ""))
  .optional()
  .catch(undefined);

export const ZOutboxFilter = z.object({ to: term, subject: term });
export type TOutboxFilter = z.output<typeof ZOutboxFilter>;

/** Case and accents ignored: "zoe" finds "Zoé". */
function folded(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

export function matchesOutboxFilter(message: Pick<SinkMessage, "to" | "subject">, filter: TOutboxFilter): boolean {
  if (filter.to && !message.to.some((address) => folded(address).includes(folded(filter.to!)))) return false;
  if (filter.subject && !folded(message.subject).includes(folded(filter.subject))) return false;
  return true;
}

export function isOutboxFiltered(filter: TOutboxFilter): boolean {
  return Boolean(filter.to || filter.subject);
}

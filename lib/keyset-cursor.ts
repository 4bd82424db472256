/**
 * Keyset pagination's cursor: the last row's sort key, opaque to the browser (base64url of a
 * JSON array of strings). A list asks for the rows strictly after it, so every page costs the
 * same however deep. A cursor that does not decode to a key of the expected length reads as
 * none: the list starts over rather than failing.
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined, length: number): string[] | null {
  if (!cursor) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(key) || key.length !== length || !key.every((part) => typeof part === "string")) return null;
  return key;
}

/** A cursor's time part, or null when it is not a time. */
export function cursorTime(part: string | undefined): Date | null {
  if (!part) return null;
  const time = new Date(part);
  return Number.isNaN(time.getTime()) ? null : time;
}

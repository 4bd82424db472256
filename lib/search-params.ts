/**
 * A list page's URL parameters, both ways: what Next gives a page (a key may repeat) read as one
 * value per key for the page's zod query, and the parsed filters written back as the parameters
 * of its links (the export, the next page).
 */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
}

/** The filters that are set, as URL parameters, without the keys left out (e.g. the page's cursor). */
export function filterParams(query: Record<string, unknown>, leaveOut: readonly string[] = []): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query).flatMap(([key, value]) =>
      value === undefined || leaveOut.includes(key) ? [] : [[key, String(value)]],
    ),
  );
}

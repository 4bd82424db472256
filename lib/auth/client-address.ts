/**
 * The client's address for throttling. Next's server sets x-forwarded-for from the socket;
 * behind a reverse proxy, that proxy must overwrite (not append to) the header, since the
 * left-most value is taken.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}

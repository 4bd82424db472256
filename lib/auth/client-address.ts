/**
 * The client's address, for throttling and for "My sessions" (R-SEC-3).
 *
 * A client can write any `X-Forwarded-For` it likes, and Next keeps a header the client sent
 * rather than the socket's address. So the server is started with
 * scripts/socket-address-preload.cjs, which writes the socket's address into
 * SOCKET_ADDRESS_HEADER (overwriting whatever the client sent under that name). The forwarded
 * header is believed only for the number of proxies the operator declares in
 * TRUSTED_PROXY_COUNT (default 0: none): each trusted proxy appends the address it saw, so the
 * client is the entry that many places from the right.
 */
export const SOCKET_ADDRESS_HEADER = "x-portal-socket-address";

export function resolveClientAddress(
  socketAddress: string | null,
  forwardedFor: string | null,
  trustedProxyCount: number,
): string {
  const socket = socketAddress?.trim() || "unknown";
  if (trustedProxyCount <= 0) return socket;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  // The socket is the nearest proxy; the entries it and the proxies before it appended are trusted.
  const index = hops.length - trustedProxyCount;
  if (index < 0) return hops[0] ?? socket;
  return hops[index] ?? socket;
}

import "server-only";
import { resolveClientAddress, SOCKET_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { env } from "@/lib/env";

/** The address and browser of the request, as lib/auth/client-address.ts resolves them. */
export function requestClient(headers: Headers): { address: string; userAgent: string | null } {
  return {
    address: resolveClientAddress(
      headers.get(SOCKET_ADDRESS_HEADER),
      headers.get("x-forwarded-for"),
      env().TRUSTED_PROXY_COUNT,
    ),
    userAgent: headers.get("user-agent"),
  };
}

import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { requestClient } from "@/lib/auth/request-client";
import { recordSsoFailure } from "@/lib/auth/sso/service";
import { ssoSettings } from "@/lib/auth/sso/settings";

/**
 * The identity provider's return (R-SSO-1, R-SEC-4): the only next-auth endpoint the portal
 * exposes, and only when single sign-on is configured. It stays outside the permission table
 * (like /api/health): no viewer can exist yet; the proof is next-auth's state, PKCE and nonce
 * cookies, checked against the provider's answer. A refusal that next-auth decides itself
 * (tampered state, expired or replayed code, wrong audience) is written to the audit trail
 * here (R-SSO-4); the portal's own refusals are written by lib/auth/sso/service.ts.
 */
export async function GET(request: NextRequest): Promise<Response> {
  if (!ssoSettings()) return new Response(null, { status: 404 });
  const response = await handlers.GET(request);
  const location = response.headers.get("location");
  const target = location ? new URL(location, request.url) : null;
  const error = target?.searchParams.get("error");
  if (error) await recordSsoFailure(error, requestClient(request.headers));
  return response;
}

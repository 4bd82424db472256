import "server-only";
import { parseGroupRoles, type StaffRole } from "@/lib/auth/sso/rules";
import { env } from "@/lib/env";

export interface SsoSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  claims: { email: string; name: string; groups?: string };
  groupRoles: Map<string, StaffRole>;
  label: string | null;
}

let cached: SsoSettings | null | undefined;

/** Single sign-on as the environment configures it (README "Single sign-on"); null: not offered. */
export function ssoSettings(): SsoSettings | null {
  if (cached !== undefined) return cached;
  const e = env();
  cached =
    e.SSO_ISSUER && e.SSO_CLIENT_ID && e.SSO_CLIENT_SECRET
      ? {
          issuer: e.SSO_ISSUER,
          clientId: e.SSO_CLIENT_ID,
          clientSecret: e.SSO_CLIENT_SECRET,
          scopes: e.SSO_SCOPES,
          claims: { email: e.SSO_EMAIL_CLAIM, name: e.SSO_NAME_CLAIM, groups: e.SSO_GROUPS_CLAIM },
          groupRoles: parseGroupRoles(e.SSO_GROUP_ROLES),
          label: e.SSO_LABEL ?? null,
        }
      : null;
  return cached;
}

let endSession: Promise<string | null> | undefined;

/**
 * The provider's end-session endpoint (RP-initiated logout), from its discovery document;
 * null when it has none or cannot be reached (signing out of the portal never waits on it).
 */
export function providerEndSessionUrl(): Promise<string | null> {
  const settings = ssoSettings();
  if (!settings) return Promise.resolve(null);
  endSession ??= fetch(new URL(".well-known/openid-configuration", `${settings.issuer.replace(/\/?$/, "/")}`), {
    signal: AbortSignal.timeout(3_000),
  })
    .then(async (response) => {
      const metadata = (await response.json()) as { end_session_endpoint?: unknown };
      return typeof metadata.end_session_endpoint === "string" ? metadata.end_session_endpoint : null;
    })
    .catch(() => {
      endSession = undefined;
      return null;
    });
  return endSession;
}

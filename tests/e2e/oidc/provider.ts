/**
 * A real OpenID Connect provider on loopback for the browser tests (and for trying single
 * sign-on by hand): the `oidc-provider` package, with one confidential client for the portal
 * and people known by the e-mail typed in its development login form (any password).
 *
 *   npx tsx tests/e2e/oidc/provider.ts        # E2E_OIDC_PORT (4410), E2E_PORT (the portal, 3100)
 *
 * Who is who (the login typed is the e-mail):
 * - an address starting with "unverified" comes with email_verified false;
 * - an address starting with "dri-admin" is in the group "dri-admins", "dri-staff" in "dri-staff";
 * - anyone else is a person with only their e-mail and name.
 */
import Provider from "oidc-provider";
import { oidcTestClient, oidcTestIssuer } from "./settings";

const appPort = Number(process.env.E2E_PORT ?? 3100);

function claimsOf(login: string) {
  const email = login.trim().toLowerCase();
  const groups = email.startsWith("dri-admin") ? ["dri-admins"] : email.startsWith("dri-staff") ? ["dri-staff"] : [];
  return {
    // oidc-provider names the subject by the account id: the login typed.
    sub: login,
    email,
    email_verified: !email.startsWith("unverified"),
    name: email.split("@")[0]!.replace(/[._-]/g, " "),
    groups,
  };
}

const provider = new Provider(oidcTestIssuer, {
  clients: [
    {
      client_id: oidcTestClient.id,
      client_secret: oidcTestClient.secret,
      redirect_uris: [`http://localhost:${appPort}/api/auth/callback/sso`],
      post_logout_redirect_uris: [`http://localhost:${appPort}/en`, `http://localhost:${appPort}/fr`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  pkce: { required: () => true },
  scopes: ["openid", "email", "profile", "groups"],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  cookies: { keys: ["e2e-only-cookie-key-not-a-secret"] },
  async findAccount(_ctx, id) {
    return { accountId: id, claims: async () => claimsOf(id) };
  },
});

provider.listen(new URL(oidcTestIssuer).port, () => {
  console.log(`OIDC test provider at ${oidcTestIssuer}`);
});

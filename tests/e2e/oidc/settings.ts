/** The loopback identity provider of the browser tests, shared by its server and the portal's settings. */
export const oidcTestPort = Number(process.env.E2E_OIDC_PORT ?? 4410);
export const oidcTestIssuer = `http://localhost:${oidcTestPort}`;
export const oidcTestClient = { id: "amu-portal-e2e", secret: "e2e-client-secret-not-a-real-one" };

/** What the portal under test is given (README "Single sign-on" lists the same variables). */
export const portalSsoEnv = {
  SSO_ISSUER: oidcTestIssuer,
  SSO_CLIENT_ID: oidcTestClient.id,
  SSO_CLIENT_SECRET: oidcTestClient.secret,
  SSO_SCOPES: "openid email profile groups",
  SSO_GROUPS_CLAIM: "groups",
  SSO_GROUP_ROLES: "dri-admins=ADMIN",
  SSO_LABEL: "AMU test identity",
};

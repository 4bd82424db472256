import { expect, type Page, test } from "@playwright/test";
import { oidcTestIssuer } from "./oidc/settings";
import { e2eDatabase, expectAccessible, uniqueEmail } from "./support";

// Issue 12 (R-SSO-1…4): single sign-on against a REAL OpenID Connect provider on loopback
// (tests/e2e/oidc/provider.ts, started by playwright.config.ts), through the real redirects.

/** A staff account as an administrator's invitation leaves it (a password nobody knows). */
async function inviteStaff(email: string, role: "CORRESPONDENT" | "ADMIN") {
  await e2eDatabase((db) =>
    db.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, locale, "updatedAt")
       VALUES (gen_random_uuid(), $1, 'Invited Staff', 'not-a-usable-hash', $2, 'en', now())`,
      [email, role],
    ),
  );
}

/** From the portal's sign-in page to the provider's login form, filled and sent, consent given. */
async function signInAtProvider(page: Page, login: string, locale: "en" | "fr" = "en") {
  await page.goto(`/${locale}/login`);
  const button = locale === "en" ? "Continue with AMU test identity" : "Continuer avec AMU test identity";
  await page.getByRole("button", { name: button }).click();
  await expect(page).toHaveURL(new RegExp(`^${oidcTestIssuer}/interaction/`));
  await page.getByRole("textbox", { name: "Enter any login" }).fill(login);
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // The provider asks once to share the claims with the portal.
  await page.getByRole("button", { name: "Continue" }).click();
}

async function auditCount(action: string, email: string): Promise<number> {
  return e2eDatabase(async (db) => {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = $1 AND after->>'email' = $2`,
      [action, email],
    );
    return rows[0].n as number;
  });
}

test("an invited correspondent signs in by single sign-on, lands on the queue, and signs out", async ({ page }) => {
  const email = uniqueEmail("sso-correspondent");
  await inviteStaff(email, "CORRESPONDENT");
  await signInAtProvider(page, email);
  await expect(page).toHaveURL(/\/en\/review$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const linked = await e2eDatabase(async (db) => {
    const { rows } = await db.query(`SELECT "ssoSubject" FROM "User" WHERE email = $1`, [email]);
    return rows[0].ssoSubject as string;
  });
  expect(linked).toBe(`${oidcTestIssuer} ${email}`);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en\/signed-out$/);
  await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();
  const providerLink = page.getByRole("link", { name: /Sign out there too/ });
  await expect(providerLink).toHaveAttribute("href", new RegExp(`^${oidcTestIssuer}/session/end\\?`));
  await expectAccessible(page);
  await page.goto("/fr/signed-out");
  await expect(page.getByRole("heading", { name: "Vous êtes déconnecté" })).toBeVisible();
  await expectAccessible(page);
  // The portal's session is over: the queue asks to sign in again.
  await page.goto("/en/review");
  await expect(page).toHaveURL(/\/en\/login/);
});

test("a person in a mapped group gets a staff account of that role on first sign-in", async ({ page }) => {
  const email = uniqueEmail("dri-admin");
  await signInAtProvider(page, email);
  await expect(page).toHaveURL(/\/en\/admin$/);
});

test("an unknown person is refused, in their language, and nothing is created", async ({ page }) => {
  const email = uniqueEmail("stranger");
  await signInAtProvider(page, email);
  await expect(page).toHaveURL(/\/en\/login\/sso-refused\?reason=unknown$/);
  await expect(page.getByRole("heading", { name: "Sign-in with the university account refused" })).toBeVisible();
  await expect(page.getByText("is not linked to a staff account of this portal")).toBeVisible();
  await expectAccessible(page);
  expect(await auditCount("sso.refused", email)).toBe(1);
  const users = await e2eDatabase(
    async (db) => (await db.query(`SELECT 1 FROM "User" WHERE email = $1`, [email])).rowCount,
  );
  expect(users).toBe(0);

  await page.goto("/fr/login/sso-refused?reason=unknown");
  await expect(page.getByRole("heading", { name: "Connexion avec le compte de l'université refusée" })).toBeVisible();
  await expectAccessible(page);
});

test("an unverified e-mail claim does not open the invited account", async ({ page }) => {
  const email = uniqueEmail("unverified");
  await inviteStaff(email, "CORRESPONDENT");
  await signInAtProvider(page, email, "fr");
  await expect(page).toHaveURL(/\/fr\/login\/sso-refused\?reason=unverified$/);
  await expect(page.getByText("L'université n'a pas confirmé votre adresse e-mail")).toBeVisible();
});

test("a tampered state is refused: no session, a clear page, an audit event", async ({ page }) => {
  const email = uniqueEmail("sso-tampered");
  await inviteStaff(email, "CORRESPONDENT");
  const refusals = () =>
    e2eDatabase(
      async (db) =>
        (await db.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'sso.refused'`)).rows[0]
          .n as number,
    );
  const before = await refusals();
  // The state the portal sent is changed on its way to the provider, which echoes it back:
  // the answer no longer matches this browser's state cookie.
  await page.route(
    (url) => url.origin === oidcTestIssuer && url.pathname === "/auth" && url.searchParams.has("state"),
    async (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set("state", `${url.searchParams.get("state")}-tampered`);
      await route.continue({ url: url.toString() });
    },
    { times: 1 },
  );
  await signInAtProvider(page, email);
  await expect(page).toHaveURL(/\/en\/login\/sso-refused\?error=/);
  await expect(page.getByText("The sign-in could not be completed")).toBeVisible();
  await expectAccessible(page);
  expect(await refusals()).toBeGreaterThan(before);
  const sessions = await e2eDatabase(
    async (db) =>
      (await db.query(`SELECT 1 FROM "UserSession" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`, [email]))
        .rowCount,
  );
  expect(sessions).toBe(0);
  await page.goto("/en/review");
  await expect(page).toHaveURL(/\/en\/login/);
});

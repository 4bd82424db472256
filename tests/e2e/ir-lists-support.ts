import { randomBytes } from "node:crypto";
import { demoAccounts, e2eDatabase } from "./support";

/**
 * Submitted dossiers in the sciences correspondent's faculty, named as given (the IR office's
 * lists, issue 14). With `signable`, each student's account takes the demo accounts' password,
 * so the test can sign in as them. Returns the students' e-mail addresses, in order.
 */
export async function arrangeDossiers(
  people: { firstName: string; lastName: string }[],
  { signable = false }: { signable?: boolean } = {},
): Promise<string[]> {
  return e2eDatabase(async (client) => {
    const component = await client.query<{ id: string }>(
      `SELECT cc."A" AS id FROM "_ComponentCorrespondents" cc JOIN "User" u ON u.id = cc."B" WHERE u.email = $1 LIMIT 1`,
      [demoAccounts.sciences.email],
    );
    const partner = await client.query<{ id: string }>(`SELECT id FROM "PartnerInstitution" ORDER BY name LIMIT 1`);
    // A known password without hashing one here: the demo accounts' hash.
    const hash = signable
      ? (
          await client.query<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE email = $1`, [
            demoAccounts.sciences.email,
          ])
        ).rows[0]!.passwordHash
      : "not-used";
    const emails: string[] = [];
    for (const person of people) {
      const email = `lists-${randomBytes(5).toString("hex")}@example.org`;
      const user = await client.query<{ id: string }>(
        `INSERT INTO "User" (id, email, name, "passwordHash", "emailVerifiedAt", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, $3, now(), now()) RETURNING id`,
        [email, `${person.firstName} ${person.lastName}`, hash],
      );
      await client.query(
        `INSERT INTO "Application" (id, "studentId", status, "firstName", "lastName", "contactEmail", "componentId",
           "partnerId", "academicYear", period, "submittedAt", "lastSubmittedAt", "searchText", "updatedAt")
         VALUES (gen_random_uuid(), $1, 'SUBMITTED', $2, $3, $4, $5, $6, 2026, 'S1', now(), now(), lower($2 || ' ' || $3 || ' ' || $4), now())`,
        [user.rows[0]!.id, person.firstName, person.lastName, email, component.rows[0]!.id, partner.rows[0]!.id],
      );
      emails.push(email);
    }
    return emails;
  });
}

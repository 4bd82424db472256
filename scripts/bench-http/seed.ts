/**
 * Bulk SQL that grows the benchmark's database to a number of dossiers (generate_series, no
 * row-by-row inserts): students spread over every faculty and partner of the demo data,
 * statuses weighted like a real intake, two academic years, a third of them asking for a
 * residence room, each with its required documents and its submission in the audit trail.
 * Also the drafts the submit scenario submits, complete and ready.
 */
import type pg from "pg";

export const benchEmailPrefix = "bench-";
export const draftEmailPrefix = "bench-draft-";

/** The demo student's password hash, so every bench account signs in with the demo password. */
async function demoPasswordHash(client: pg.Client): Promise<string> {
  const { rows } = await client.query(`SELECT "passwordHash" FROM "User" WHERE email = 'student@example.org'`);
  if (!rows[0]) throw new Error("The demo seed is missing: run the bench on a freshly seeded database");
  return rows[0].passwordHash;
}

/** Housing rounds for the years the dossiers use (the demo may not have them all). */
async function ensureRounds(client: pg.Client, years: number[]) {
  await client.query(
    `INSERT INTO "HousingRound" (id, "academicYear", semester, "releaseAt")
     SELECT gen_random_uuid(), y, s::"Semester", make_date(y, 7, 1)
     FROM unnest($1::int[]) y CROSS JOIN unnest(ARRAY['S1','S2']) s
     ON CONFLICT ("academicYear", semester) DO NOTHING`,
    [years],
  );
}

export async function bulkDossierCount(client: pg.Client): Promise<number> {
  const { rows } = await client.query(
    `SELECT count(*)::int AS n FROM "Application" a JOIN "User" u ON u.id = a."studentId" WHERE u.email LIKE 'bench-s-%'`,
  );
  return rows[0].n;
}

/** Adds dossiers numbered from `from + 1` to `to`. */
export async function seedDossiers(client: pg.Client, from: number, to: number, thisYear: number) {
  if (to <= from) return;
  const passwordHash = await demoPasswordHash(client);
  await ensureRounds(client, [thisYear - 1, thisYear]);
  await client.query("BEGIN");
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", "emailVerifiedAt", "updatedAt")
     SELECT gen_random_uuid(), 'bench-s-' || i || '@example.org', 'Student ' || i || ' Name' || i, $3, now(), now()
     FROM generate_series($1::int, $2::int) i`,
    [from + 1, to, passwordHash],
  );
  // Faculties and partners by a multiplicative hash of n, so that neighbours differ; statuses
  // weighted (30 % submitted, 20 % under review, 10 % changes requested, 25 % accepted,
  // 10 % rejected, 5 % withdrawn).
  await client.query(
    `WITH components AS (SELECT array_agg(id ORDER BY code) AS ids FROM "Component"),
          partners AS (SELECT array_agg(id ORDER BY name) AS ids FROM "PartnerInstitution"),
          students AS (
            SELECT u.id, u.email, substring(u.email from 'bench-s-(\\d+)@')::int AS n
            FROM "User" u WHERE u.email LIKE 'bench-s-%' AND NOT EXISTS (SELECT 1 FROM "Application" a WHERE a."studentId" = u.id))
     INSERT INTO "Application" (id, "studentId", status, "firstName", "lastName", "contactEmail", nationality, "componentId",
       "partnerId", "studyLevel", period, "academicYear", "plannedCourses", "frenchLevel", "englishLevel",
       "languagesDeclared", "frenchWarning", "housingRequested", "housingCity", "submittedAt", "lastSubmittedAt",
       "searchText", "updatedAt")
     SELECT gen_random_uuid(), s.id,
       (CASE WHEN s.n % 20 < 6 THEN 'SUBMITTED' WHEN s.n % 20 < 10 THEN 'UNDER_REVIEW' WHEN s.n % 20 < 12 THEN 'CHANGES_REQUESTED'
             WHEN s.n % 20 < 17 THEN 'ACCEPTED' WHEN s.n % 20 < 19 THEN 'REJECTED' ELSE 'WITHDRAWN' END)::"ApplicationStatus",
       'Student' || s.n, 'Name' || s.n, s.email, (ARRAY['DE','IT','ES','US','CN','BR','MA','JP'])[1 + s.n % 8],
       c.ids[1 + ((s.n::bigint * 7919) % array_length(c.ids, 1))::int], p.ids[1 + ((s.n::bigint * 104729) % array_length(p.ids, 1))::int],
       (ARRAY['BACHELOR','MASTER'])[1 + s.n % 2]::"StudyLevel", (ARRAY['S1','S2','FULL_YEAR'])[1 + s.n % 3]::"StudyPeriod",
       $1::int - (s.n % 3 = 0)::int,
       '[{"title":"Course A","ects":6,"semester":"S1"},{"title":"Course B","ects":6,"semester":"S1"}]'::jsonb,
       (ARRAY['A2','B1','B2','C1'])[1 + s.n % 4]::"CefrLevel", 'C1', true, s.n % 4 = 0, s.n % 3 = 0,
       CASE WHEN s.n % 3 = 0 THEN 'AIX'::"HousingCity" END,
       now() - (s.n % 200000 || ' minutes')::interval, now() - (s.n % 200000 || ' minutes')::interval,
       lower('student' || s.n || ' name' || s.n || ' ' || s.email), now()
     FROM students s, components c, partners p`,
    [thisYear],
  );
  await client.query(
    `INSERT INTO "ApplicationDocument" (id, "applicationId", kind, "originalName", "storageKey", "contentType", size, sha256, "uploadedById")
     SELECT gen_random_uuid(), a.id, k::"DocumentKind", lower(k) || '.pdf', 'bench/' || a.id || '/' || k, 'application/pdf',
       200000, md5(a.id::text || k), a."studentId"
     FROM "Application" a JOIN "User" u ON u.id = a."studentId"
     CROSS JOIN unnest(ARRAY['PASSPORT','TRANSCRIPT','LEARNING_AGREEMENT','PHOTO']) k
     WHERE u.email LIKE 'bench-s-%' AND NOT EXISTS (SELECT 1 FROM "ApplicationDocument" d WHERE d."applicationId" = a.id)`,
  );
  await client.query(
    `INSERT INTO "HousingRequest" (id, "applicationId", "roundId", "cityPreference", "requestedAt", status, "updatedAt")
     SELECT gen_random_uuid(), a.id, r.id, 'AIX', a."submittedAt",
       (CASE WHEN a.status = 'ACCEPTED' THEN 'WAITLISTED' ELSE 'PENDING' END)::"HousingStatus", now()
     FROM "Application" a JOIN "User" u ON u.id = a."studentId"
     JOIN "HousingRound" r ON r."academicYear" = a."academicYear" AND r.semester = (CASE WHEN a.period = 'S2' THEN 'S2' ELSE 'S1' END)::"Semester"
     WHERE u.email LIKE 'bench-s-%' AND a."housingRequested" AND a.status <> 'WITHDRAWN'
       AND NOT EXISTS (SELECT 1 FROM "HousingRequest" h WHERE h."applicationId" = a.id)`,
  );
  await client.query(
    `INSERT INTO "AuditEvent" ("actorId", action, "entityType", "entityId", "createdAt")
     SELECT a."studentId", 'application.submit', 'Application', a.id::text, a."submittedAt"
     FROM "Application" a JOIN "User" u ON u.id = a."studentId"
     WHERE u.email LIKE 'bench-s-%' AND substring(u.email from 'bench-s-(\\d+)@')::int > $1`,
    [from],
  );
  await client.query("COMMIT");
  await client.query("ANALYZE");
}

/**
 * Complete drafts, one per student, on a partner whose agreement covers the faculty, the level
 * and this year (R-ELI-1), so that each submission succeeds.
 */
export async function seedDrafts(client: pg.Client, count: number, thisYear: number) {
  const passwordHash = await demoPasswordHash(client);
  const { rows } = await client.query(
    `SELECT a."partnerId", ac."B" AS "componentId"
     FROM "Agreement" a JOIN "_AgreementToComponent" ac ON ac."A" = a.id
     WHERE 'MASTER' = ANY(a."studyLevels") AND a."firstAcademicYear" <= $1 AND a."lastAcademicYear" >= $1
       AND a.status = 'SIGNED' AND a.kind = 'ERASMUS_PLUS'
     ORDER BY a.id LIMIT 1`,
    [thisYear],
  );
  if (!rows[0]) throw new Error("No demo agreement covers a master's student this year");
  const { partnerId, componentId } = rows[0];
  await client.query("BEGIN");
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", "emailVerifiedAt", "updatedAt")
     SELECT gen_random_uuid(), '${draftEmailPrefix}' || i || '@example.org', 'Draft ' || i, $2, now(), now()
     FROM generate_series(1, $1::int) i`,
    [count, passwordHash],
  );
  await client.query(
    `INSERT INTO "Application" (id, "studentId", status, "firstName", "lastName", "contactEmail", nationality, "componentId",
       "partnerId", "studyLevel", period, "academicYear", "plannedCourses", "frenchLevel", "englishLevel",
       "languagesDeclared", "housingRequested", "housingCity", "searchText", "callId", "updatedAt")
     SELECT gen_random_uuid(), u.id, 'DRAFT', 'Draft', u.name, u.email, 'DE', $1, $2, 'MASTER', 'S1', $3,
       '[{"title":"Course A","ects":6,"semester":"S1"}]'::jsonb, 'B2', 'C1', true,
       row_number() OVER (ORDER BY u.email) % 3 = 0, 'MARSEILLE', lower(u.name || ' ' || u.email),
       -- R-ELI-8: a draft answers an open call (the demo seed keeps this year's open).
       (SELECT c.id FROM "ApplicationCall" c WHERE c."academicYear" = $3 AND c.period = 'S1'
          AND c."opensAt" <= now() AND c."applicationDeadline" > now() ORDER BY c."applicationDeadline" DESC LIMIT 1),
       now()
     FROM "User" u WHERE u.email LIKE '${draftEmailPrefix}%'`,
    [componentId, partnerId, thisYear],
  );
  await client.query(
    `INSERT INTO "ApplicationDocument" (id, "applicationId", kind, "originalName", "storageKey", "contentType", size, sha256, "uploadedById")
     SELECT gen_random_uuid(), a.id, k::"DocumentKind", lower(k) || '.pdf', 'bench/' || a.id || '/' || k, 'application/pdf',
       200000, md5(a.id::text || k), a."studentId"
     FROM "Application" a JOIN "User" u ON u.id = a."studentId"
     CROSS JOIN unnest(ARRAY['PASSPORT','TRANSCRIPT','LEARNING_AGREEMENT','PHOTO']) k
     WHERE u.email LIKE '${draftEmailPrefix}%'`,
  );
  await client.query("COMMIT");
}

/** Puts the drafts back as they were before a submit run, so that each run submits for real. */
export async function resetDrafts(client: pg.Client) {
  await client.query(
    `DELETE FROM "HousingRequest" h USING "Application" a, "User" u
     WHERE h."applicationId" = a.id AND u.id = a."studentId" AND u.email LIKE '${draftEmailPrefix}%'`,
  );
  await client.query(
    `UPDATE "Application" a SET status = 'DRAFT', "submittedAt" = NULL, "lastSubmittedAt" = NULL
     FROM "User" u WHERE u.id = a."studentId" AND u.email LIKE '${draftEmailPrefix}%'`,
  );
}

export async function submittedDraftCount(client: pg.Client): Promise<number> {
  const { rows } = await client.query(
    `SELECT count(*)::int AS n FROM "Application" a JOIN "User" u ON u.id = a."studentId"
     WHERE u.email LIKE '${draftEmailPrefix}%' AND a.status = 'SUBMITTED'`,
  );
  return rows[0].n;
}

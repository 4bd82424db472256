/**
 * The reviewers' queue at 100,000 dossiers (issue 3): every page, filter, search and count
 * must stay fast. Target: p95 under 150 ms per query on the project's 2-core machine.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { countQueueByStatus, listQueue } from "@/lib/applications/queries";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { createComponent, createPartner, createViewer, thisYear } from "../integration/fixtures";
import { measure, report } from "./measure";

const dossiers = 100_000;
const targetP95Ms = 150;

let correspondent: Viewer;
let admin: Viewer;

beforeAll(async () => {
  const components = await Promise.all(Array.from({ length: 10 }, () => createComponent()));
  const componentIds = components.map((component) => component.id);
  const partners = await Promise.all(Array.from({ length: 50 }, () => createPartner([{ componentIds }])));
  correspondent = await createViewer("CORRESPONDENT", componentIds.slice(0, 2));
  admin = await createViewer("ADMIN");

  const started = performance.now();
  // Generated in SQL: 100,000 students and their submitted dossiers, spread over components,
  // partners, statuses, periods, years and flags.
  await db.$executeRawUnsafe(`
    INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
    SELECT gen_random_uuid(), 'bench-' || i || '@example.org', 'Bench ' || i, 'x', now() FROM generate_series(1, ${dossiers}) i`);
  await db.$executeRawUnsafe(
    `
    INSERT INTO "Application" (id, "studentId", status, "firstName", "lastName", "contactEmail", "componentId", "partnerId", "studyLevel", period,
      "academicYear", "frenchWarning", "housingRequested", "submittedAt", "lastSubmittedAt", "searchText", "updatedAt")
    SELECT gen_random_uuid(), u.id,
      (ARRAY['SUBMITTED','UNDER_REVIEW','CHANGES_REQUESTED','ACCEPTED','REJECTED','WITHDRAWN'])[1 + n % 6]::"ApplicationStatus",
      'Student' || n, 'Name' || n, u.email,
      ($1::uuid[])[1 + n % 10], ($2::uuid[])[1 + n % 50], 'MASTER', (ARRAY['S1','S2','FULL_YEAR'])[1 + n % 3]::"StudyPeriod",
      ${thisYear} - n % 2, n % 4 = 0, n % 3 = 0, now() - (n || ' minutes')::interval, now() - (n || ' minutes')::interval,
      lower('student' || n || ' name' || n || ' ' || u.email), now()
    FROM (SELECT id, email, row_number() OVER () AS n FROM "User" WHERE email LIKE 'bench-%') u`,
    componentIds,
    partners.map((partner) => partner.id),
  );
  await db.$executeRawUnsafe(`ANALYZE`);
  console.log(`Seeded ${dossiers} dossiers in ${Math.round(performance.now() - started)} ms`);
});

describe(`review queue at ${dossiers.toLocaleString("en")} dossiers`, () => {
  it(`answers every query with p95 under ${targetP95Ms} ms`, async () => {
    expect(await db.application.count()).toBeGreaterThanOrEqual(dossiers);
    const deepCursor = async (viewer: Viewer) => {
      // The id 40 pages down the default order: what a reviewer reaches after 40 "next page".
      let after: string | undefined;
      for (let page = 0; page < 40; page++) after = (await listQueue(viewer, { after })).nextCursor ?? after;
      return after!;
    };
    const correspondentDeep = await deepCursor(correspondent);
    const adminDeep = await deepCursor(admin);
    const rows = [
      await measure("correspondent (20,000 in scope): first page", () => listQueue(correspondent, {})),
      await measure("correspondent: page 41 by cursor", () => listQueue(correspondent, { after: correspondentDeep })),
      await measure("correspondent: status + year + French flag", () =>
        listQueue(correspondent, { status: "SUBMITTED", year: thisYear, french: "below" }),
      ),
      await measure("correspondent: sort by name", () => listQueue(correspondent, { sort: "name" })),
      await measure("correspondent: search by e-mail fragment", () => listQueue(correspondent, { q: "bench-4242" })),
      await measure("correspondent: counts per status", () => countQueueByStatus(correspondent, {})),
      await measure("admin (100,000 in scope): first page", () => listQueue(admin, {})),
      await measure("admin: page 41 by cursor", () => listQueue(admin, { after: adminDeep })),
      await measure("admin: housing requested + period S2", () => listQueue(admin, { housing: "yes", period: "S2" })),
      await measure("admin: search by name", () => listQueue(admin, { q: "name7777" })),
      await measure("admin: counts per status", () => countQueueByStatus(admin, {})),
    ];
    report(`Review queue, ${dossiers.toLocaleString("en")} dossiers`, rows);
    for (const row of rows) expect(row.p95, row.name).toBeLessThan(targetP95Ms);
  });
});

/**
 * The arrival checklist at a university's scale (issue 5): 20,000 accepted students with a
 * started checklist over 20 faculties (1,000 each). Targets: a correspondent's list of arrivals
 * (one faculty, its status computed for each student) p95 < 300 ms; the hourly reminder job
 * over every open checklist, when nothing is due, < 5 s; the run that sends due reminders
 * through real SMTP (the test sink) is reported per e-mail.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { listArrivals } from "@/lib/arrival/queries";
import { runVisaReminders } from "@/lib/arrival/reminders";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { readOutbox } from "@/lib/mail/outbox";
import { createComponent, createViewer } from "../integration/fixtures";
import { measure, report } from "./measure";

const perComponent = 1_000;
const componentCount = 20;
const dueCount = 300;
const academicYear = 2600;
/** "Today" of the benchmark: 15 October of its academic year. */
const now = new Date(Date.UTC(academicYear, 9, 15, 9));

let correspondent: Viewer;
let admin: Viewer;

beforeAll(async () => {
  admin = await createViewer("ADMIN");
  const components = [];
  for (let i = 0; i < componentCount; i++) components.push(await createComponent());
  correspondent = await createViewer("CORRESPONDENT", [components[0]!.id]);
  const procedure = await db.visaProcedure.create({
    data: {
      code: "bench",
      version: 1,
      nameFr: "Banc",
      nameEn: "Bench",
      summaryFr: "…",
      summaryEn: "…",
      deadlineMonths: 2,
      visaTypes: ["VLS_TS"],
      reminderDays: [30, 14, 7, 2],
      steps: {
        create: [0, 1, 2].map((position) => ({
          position,
          titleFr: `É${position}`,
          titleEn: `S${position}`,
          bodyFr: "…",
          bodyEn: "…",
        })),
      },
    },
  });
  await db.$executeRawUnsafe(`
    INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
    SELECT gen_random_uuid(), 'arrival-bench-' || i || '@example.org', 'Arrival ' || i, 'x', now() FROM generate_series(1, ${perComponent * componentCount}) i`);
  await db.$executeRawUnsafe(
    `INSERT INTO "Application" (id, "studentId", status, "componentId", "academicYear", "firstName", "lastName", nationality, "decidedAt", "updatedAt")
     SELECT gen_random_uuid(), u.id, 'ACCEPTED', ($1::uuid[])[1 + (n % ${componentCount})], ${academicYear}, 'Ana', u.name, 'BR', '${academicYear}-06-01', now()
     FROM (SELECT id, name, row_number() OVER () AS n FROM "User" WHERE email LIKE 'arrival-bench-%') u`,
    components.map((component) => component.id),
  );
  // Arrivals from 16 to 25 September (deadlines 16–25 November: 32 to 41 days left on 15 October,
  // nothing due), except `dueCount` who arrived on 1 September (17 days left: the 30-day reminder).
  // One in ten is already complete (no reminder).
  await db.$executeRawUnsafe(
    `INSERT INTO "ArrivalChecklist" (id, "applicationId", nationality, "visaType", "arrivalDate", "procedureId", "completedAt", "foreignNumber", "updatedAt")
     SELECT gen_random_uuid(), a.id, 'BR', 'VLS_TS',
            CASE WHEN n <= ${dueCount} THEN DATE '${academicYear}-09-01' ELSE DATE '${academicYear}-09-16' + (n % 10)::int END,
            $1::uuid, CASE WHEN n % 10 = 0 AND n > ${dueCount} THEN now() END, CASE WHEN n % 10 = 0 AND n > ${dueCount} THEN '7501234567' END, now()
     FROM (SELECT id, row_number() OVER () AS n FROM "Application" WHERE "academicYear" = ${academicYear}) a`,
    procedure.id,
  );
  await db.$executeRawUnsafe(`ANALYZE`);
});

describe(`arrivals of ${(perComponent * componentCount).toLocaleString("en")} accepted students`, () => {
  it("lists a faculty's arrivals in under 300 ms; the reminder job's quiet run takes under 5 s", async () => {
    const rows = [
      await measure(
        `correspondent's list (${perComponent.toLocaleString("en")} students, statuses computed)`,
        () => listArrivals(correspondent, { academicYear }, now),
        20,
      ),
      await measure(
        "correspondent's list filtered on OVERDUE",
        () => listArrivals(correspondent, { academicYear, status: "OVERDUE" }, now),
        20,
      ),
      await measure("admin's list, all faculties (cut at 5,000)", () => listArrivals(admin, { academicYear }, now), 10),
    ];
    const { rows: listed } = await listArrivals(correspondent, { academicYear }, now);
    expect(listed).toHaveLength(perComponent);

    const before = (await readOutbox(env().MAIL_SINK_DIR!, 100_000)).length;
    let started = performance.now();
    const first = await runVisaReminders({ now });
    const firstMs = Math.round(performance.now() - started);
    rows.push({
      name: `reminder job: ${first.sent} due reminders sent by SMTP`,
      p50: firstMs,
      p95: firstMs,
      max: firstMs,
    });
    started = performance.now();
    const second = await runVisaReminders({ now: new Date(now.getTime() + 3_600_000) });
    const quietMs = Math.round(performance.now() - started);
    rows.push({
      name: `reminder job, an hour later: ${second.checked.toLocaleString("en")} checked, ${second.sent} sent`,
      p50: quietMs,
      p95: quietMs,
      max: quietMs,
    });
    report(
      `Arrivals, ${(perComponent * componentCount).toLocaleString("en")} students over ${componentCount} faculties`,
      rows,
    );

    expect(first.sent).toBe(dueCount);
    expect(second.sent).toBe(0);
    expect((await readOutbox(env().MAIL_SINK_DIR!, 100_000)).length - before).toBe(dueCount);
    for (const row of rows.slice(0, 2)) expect(row.p95, row.name).toBeLessThan(300);
    expect(quietMs).toBeLessThan(5_000);
  });
});

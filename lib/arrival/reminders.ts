import "server-only";
import { checklistApplicability, deadlineState, dueReminderOffset, visaDeadline } from "@/lib/arrival/rules";
import { forEachConcurrently } from "@/lib/concurrency";
import { type Db, db as defaultDb } from "@/lib/db";
import type { VisaType } from "@/lib/generated/prisma/enums";
import type { AppLocale } from "@/lib/i18n/routing";
import { logError } from "@/lib/log";
import type { TemplateMail } from "@/lib/mail/render";
import { sendTemplateMail } from "@/lib/mail/template";
import { dateToDay, dayToDate, parisDay } from "@/lib/paris-time";
import { findVisaExemptCountries } from "@/lib/visa-exempt-countries";

/**
 * The deadline reminders (R-VIS-1): an idempotent job, run every hour by the job worker
 * (lib/jobs/definitions.ts; `npm run worker`, or `npm start`) and by hand with `npm run visa:reminders`.
 *
 * Each reminder is claimed before it is sent by inserting its row (checklist, deadline,
 * offset) — the primary key lets one run win — and marked sent afterwards. So two runs at once,
 * or a run after a restart, never send a reminder twice. A mail server that refuses releases
 * the claim (the next run retries); a crash between the claim and the sending leaves a claim
 * without `sentAt`, counted as "unconfirmed" and not resent: one missed reminder is better than
 * a student receiving the same one twice, and the page always shows the deadline.
 */

export interface ReminderDeps {
  db: Db;
  send(mail: TemplateMail): Promise<void>;
}

export interface ReminderRun {
  /** Checklists with a deadline still to meet. */
  checked: number;
  sent: number;
  failed: number;
  /** Claimed by another run meanwhile. */
  skipped: number;
  /** Claims older than an hour never confirmed sent (a crash). */
  unconfirmed: number;
}

type Candidate = {
  id: string;
  nationality: string;
  visaType: VisaType;
  arrivalDate: Date;
  deadlineMonths: number;
  visaTypes: VisaType[];
  excludedNationalities: string[];
  reminderDays: number[];
  email: string;
  name: string;
  locale: AppLocale;
  sentOffsets: { deadline: Date; offsetDays: number }[];
};

/** `concurrency`: e-mails sent at once (8 by default). */
export async function runVisaReminders(
  options: { now?: Date; deps?: Partial<ReminderDeps>; concurrency?: number } = {},
): Promise<ReminderRun> {
  const now = options.now ?? new Date();
  const database = options.deps?.db ?? defaultDb;
  const send = options.deps?.send ?? sendTemplateMail;
  const today = parisDay(now);
  const exemptCountries = await findVisaExemptCountries(database);

  // Open checklists of accepted students, with a pinned procedure and an arrival date.
  const rows = await database.arrivalChecklist.findMany({
    where: {
      completedAt: null,
      arrivalDate: { not: null },
      procedureId: { not: null },
      application: { status: "ACCEPTED" },
    },
    select: {
      id: true,
      nationality: true,
      visaType: true,
      arrivalDate: true,
      procedure: { select: { deadlineMonths: true, visaTypes: true, excludedNationalities: true, reminderDays: true } },
      application: { select: { student: { select: { email: true, name: true, locale: true, disabled: true } } } },
      reminders: { select: { deadline: true, offsetDays: true } },
    },
  });
  const candidates: Candidate[] = rows.flatMap((row) =>
    row.procedure && row.arrivalDate && !row.application.student.disabled
      ? [
          {
            id: row.id,
            nationality: row.nationality,
            visaType: row.visaType,
            arrivalDate: row.arrivalDate,
            deadlineMonths: row.procedure.deadlineMonths,
            visaTypes: row.procedure.visaTypes,
            excludedNationalities: row.procedure.excludedNationalities,
            reminderDays: row.procedure.reminderDays,
            email: row.application.student.email,
            name: row.application.student.name,
            locale: row.application.student.locale,
            sentOffsets: row.reminders,
          },
        ]
      : [],
  );

  const run: ReminderRun = { checked: 0, sent: 0, failed: 0, skipped: 0, unconfirmed: 0 };
  const due: { candidate: Candidate; deadline: string; daysLeft: number; offset: number }[] = [];
  for (const candidate of candidates) {
    const applies = checklistApplicability({
      nationality: candidate.nationality,
      visaType: candidate.visaType,
      exemptCountries,
      procedure: { visaTypes: candidate.visaTypes, excludedNationalities: candidate.excludedNationalities },
    }).applies;
    if (!applies) continue;
    const deadline = visaDeadline(dateToDay(candidate.arrivalDate), candidate.deadlineMonths);
    const state = deadlineState(deadline, today);
    if (state.daysLeft < 0) continue;
    run.checked += 1;
    const sentForDeadline = candidate.sentOffsets
      .filter((reminder) => dateToDay(reminder.deadline) === deadline)
      .map((reminder) => reminder.offsetDays);
    const offset = dueReminderOffset(state.daysLeft, candidate.reminderDays, sentForDeadline);
    if (offset !== null) due.push({ candidate, deadline, daysLeft: state.daysLeft, offset });
  }

  await forEachConcurrently(due, options.concurrency ?? 8, async ({ candidate, deadline, daysLeft, offset }) => {
    const claimed = await database.$executeRaw`
      INSERT INTO "VisaReminder" ("checklistId", "deadline", "offsetDays", "claimedAt")
      VALUES (${candidate.id}::uuid, ${dayToDate(deadline)}::date, ${offset}, ${now})
      ON CONFLICT DO NOTHING`;
    if (claimed === 0) {
      run.skipped += 1;
      return;
    }
    const key = {
      checklistId_deadline_offsetDays: { checklistId: candidate.id, deadline: dayToDate(deadline), offsetDays: offset },
    };
    try {
      await send({
        to: candidate.email,
        locale: candidate.locale,
        template: "visaReminder",
        values: { name: candidate.name, days: daysLeft, deadline: dayToDate(deadline).getTime() },
      });
    } catch (error) {
      await database.visaReminder.delete({ where: key });
      run.failed += 1;
      logError("visaReminders.fail", { checklistId: candidate.id, error });
      return;
    }
    await database.visaReminder.update({ where: key, data: { sentAt: new Date() } });
    run.sent += 1;
  });
  run.unconfirmed = await database.visaReminder.count({
    where: { sentAt: null, claimedAt: { lt: new Date(now.getTime() - 3_600_000) } },
  });
  return run;
}

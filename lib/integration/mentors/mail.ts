import "server-only";
import { formatAcademicYear } from "@/lib/academic-year";
import type { MentorMail } from "@/lib/integration/mentors/service";
import { notify } from "@/lib/mail/notify";
import { dateToDay } from "@/lib/paris-time";

/**
 * R-INT-2: each mentor is told the new student's name and dates, nothing else. Teachers are
 * French-speaking staff of AMU with no account (and no language setting): they read French.
 */
export async function mailMentors(mails: MentorMail[], requestId: string) {
  for (const mail of mails) {
    await notify(
      mail.teacherEmail,
      "fr",
      "mentorAssigned",
      {
        teacher: mail.teacherName,
        student: mail.studentName,
        year: mail.academicYear ? formatAcademicYear(mail.academicYear) : "",
        period: mail.period ?? "other",
        arrival: mail.arrivalDate ? dateToDay(mail.arrivalDate) : "none",
      },
      requestId,
    );
  }
}

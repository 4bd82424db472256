import type { LetterBranding } from "@/lib/letters/branding";
import { letterhead, periodLabels, verificationCaption } from "@/lib/letters/default-templates";
import type { LetterContent } from "@/lib/letters/pdf";
import { fillTemplate, type PlaceholderValues, periodDates, type StudyPeriodCode } from "@/lib/letters/rules";
import { defaultWording, type LetterWording } from "@/lib/letters/templates";

/** The facts of a dossier a letter states, as read by the door (lib/letters/issue.ts). */
export interface LetterFacts {
  firstName: string;
  lastName: string;
  dateOfBirth: Date | null;
  nationality: string | null;
  homeUniversity: string;
  programme: { fr: string; en: string };
  component: { fr: string; en: string };
  academicYear: number;
  period: StudyPeriodCode;
  ects: number;
  /** The certificates' dates, confirmed by the correspondent; the period's otherwise. */
  start?: Date;
  end?: Date;
}

export type LetterKindCode = "ACCEPTANCE" | "ARRIVAL_CERTIFICATE" | "ATTENDANCE_CERTIFICATE";

/** Dates on letters are calendar dates (stored at midnight UTC), written out in the letter's language. */
export function formatLetterDate(date: Date, locale: "fr" | "en"): string {
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(
    date,
  );
}

export function letterStudentName(facts: Pick<LetterFacts, "firstName" | "lastName">): string {
  return `${facts.firstName} ${facts.lastName}`.trim();
}

/** The dates a letter states: the period's for acceptance, the confirmed ones for certificates. */
export function letterPeriod(facts: LetterFacts): { start: Date; end: Date } {
  const period = periodDates(facts.academicYear, facts.period);
  return { start: facts.start ?? period.start, end: facts.end ?? period.end };
}

export function composeLetter(
  kind: LetterKindCode,
  locale: "fr" | "en",
  facts: LetterFacts,
  verification: { code: string; url: string },
  issuedAt: Date,
  template: LetterWording = defaultWording(kind, locale),
  branding: LetterBranding = { letterhead: letterhead[locale], signatureImage: null },
): LetterContent {
  const { start, end } = letterPeriod(facts);
  const nationality = facts.nationality
    ? (new Intl.DisplayNames([locale], { type: "region" }).of(facts.nationality) ?? facts.nationality)
    : "—";
  const values: PlaceholderValues = {
    studentName: letterStudentName(facts),
    dateOfBirth: facts.dateOfBirth ? formatLetterDate(facts.dateOfBirth, locale) : "—",
    nationality,
    homeUniversity: facts.homeUniversity,
    programme: facts.programme[locale],
    component: facts.component[locale],
    period: periodLabels[locale][facts.period],
    academicYear: `${facts.academicYear}-${facts.academicYear + 1}`,
    startDate: formatLetterDate(start, locale),
    endDate: formatLetterDate(end, locale),
    ects: String(facts.ects),
    issueDate: formatLetterDate(issuedAt, locale),
    signatoryName: template.signatoryName,
    signatoryTitle: template.signatoryTitle,
  };
  return {
    locale,
    title: fillTemplate(template.title, values),
    letterhead: branding.letterhead,
    placeAndDate: `Marseille, ${values.issueDate}`,
    paragraphs: template.paragraphs.map((paragraph) => fillTemplate(paragraph, values)),
    signatoryName: values.signatoryName,
    signatoryTitle: values.signatoryTitle,
    signatureImage: branding.signatureImage,
    verification: { ...verification, caption: verificationCaption[locale] },
  };
}

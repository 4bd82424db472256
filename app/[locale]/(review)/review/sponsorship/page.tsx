import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ChooseSponsorForm, ConfirmSuggestionForm } from "@/components/integration/board-forms";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { PageSection } from "@/components/ui/page-section";
import { academicYearBounds, academicYearOf, formatAcademicYear } from "@/lib/academic-year";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { getSponsorshipBoard } from "@/lib/integration/sponsorship/queries";
import type { MatchReason } from "@/lib/integration/sponsorship/rules";
import { dayToDate } from "@/lib/paris-time";
import { studentListName } from "@/lib/student-name";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ year?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "integration.board" });
  return { title: t("title") };
}

/**
 * R-INT-7…9: a year's sponsorship board for a correspondent: the suggested pairs to confirm,
 * the confirmed ones, those flagged two weeks before arrival, and a free choice of sponsor.
 */
export default async function SponsorshipBoardPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["CORRESPONDENT", "ADMIN"], "/review/sponsorship");
  const { year: rawYear } = await searchParams;
  const current = academicYearOf(new Date());
  const asked = rawYear !== undefined && /^\d{4}$/.test(rawYear) ? Number(rawYear) : null;
  const year = asked !== null && asked >= academicYearBounds.min && asked <= academicYearBounds.max ? asked : current;
  const [t, tr, format, board] = await Promise.all([
    getTranslations({ locale, namespace: "integration.board" }),
    getTranslations({ locale, namespace: "review" }),
    getFormatter({ locale }),
    getSponsorshipBoard(viewer, year),
  ]);
  const why = (reason: MatchReason) => {
    const parts = [
      reason.languages.length > 0 &&
        t("reason.languages", { count: reason.languages.length, list: reason.languages.join(", ") }),
      reason.sameFaculty && t("reason.sameFaculty"),
      reason.interests.length > 0 && t("reason.interests", { count: reason.interests.length }),
      reason.arrivesInDays !== null && t("reason.arrival", { days: reason.arrivesInDays }),
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(" · ") : t("reason.nothing");
  };
  const name = (student: { id: string; firstName: string | null; lastName: string | null }) =>
    studentListName(student, (reference) => tr("anonymisedStudent", { reference }));
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("title")} intro={t("intro")} back={{ href: "/review", label: tr("title") }} />
      <form method="get" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="year" className="font-medium">
            {t("year")}
          </label>
          <select id="year" name="year" defaultValue={year} className="rounded border border-slate-500 px-3 py-2">
            {[current - 1, current, current + 1].map((option) => (
              <option key={option} value={option}>
                {formatAcademicYear(option)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-brand bg-white px-4 py-2 font-medium text-brand">
          {t("show")}
        </button>
      </form>

      {board.students.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <DataTable
          caption={t("caption")}
          columns={[
            t("columns.student"),
            t("columns.arrival"),
            t("columns.sponsor"),
            t("columns.why"),
            t("columns.action"),
          ]}
          rows={board.students.map((student) => [
            <span key="name">
              {name(student)}
              {student.flagged && (
                <strong className="mt-1 block rounded bg-amber-100 px-2 py-1 text-amber-900">{t("flagged")}</strong>
              )}
            </span>,
            student.arrivalDate
              ? format.dateTime(dayToDate(student.arrivalDate), { dateStyle: "medium", timeZone: "UTC" })
              : t("unknownArrival"),
            student.match
              ? `${student.match.sponsorName}${student.match.forced ? ` (${t("forced")})` : ""}`
              : (student.suggestion?.sponsorName ?? t("noSuggestion")),
            student.match ? why(student.match.reason) : student.suggestion ? why(student.suggestion.reason) : "",
            !student.match && student.suggestion ? (
              <ConfirmSuggestionForm
                key="confirm"
                applicationId={student.id}
                sponsorId={student.suggestion.sponsorId}
                label={t("confirm", { sponsor: student.suggestion.sponsorName, student: name(student) })}
              />
            ) : null,
          ])}
        />
      )}

      {board.students.length > 0 && board.sponsors.length > 0 && (
        <PageSection id="other-title" title={t("otherTitle")}>
          <p>{t("otherIntro")}</p>
          <ChooseSponsorForm
            students={board.students.map((student) => ({ value: student.id, label: name(student) }))}
            sponsors={board.sponsors.map((sponsor) => ({
              value: sponsor.id,
              label: t("sponsorOption", { name: sponsor.name, count: sponsor.placesLeft }),
            }))}
          />
        </PageSection>
      )}
    </div>
  );
}

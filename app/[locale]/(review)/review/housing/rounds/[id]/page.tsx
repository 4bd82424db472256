import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ReleaseProgress } from "@/components/housing/release/progress";
import { ReleaseResumeForm } from "@/components/housing/release/resume-form";
import { ReleaseRoundForm } from "@/components/housing/release/round-form";
import { ReleaseUncertainActions } from "@/components/housing/release/uncertain-actions";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { PageSection } from "@/components/ui/page-section";
import { formatAcademicYear } from "@/lib/academic-year";
import { requireRole } from "@/lib/auth/guard";
import { getRoundForRelease, listUncertainMails, roundReleaseProgress } from "@/lib/housing/release/queries";
import { claimStaleAfterMs } from "@/lib/housing/release/rules";
import { canRelease, releaseOpensAt } from "@/lib/housing/rounds/rules";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";
import { isAnonymised, studentFullName } from "@/lib/student-name";

type Props = { params: Promise<{ locale: string; id: string }> };

const statuses = ["ACCEPTED", "WAITLISTED", "REFUSED", "PENDING", "DECLINED", "WITHDRAWN"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "housingRelease" });
  return { title: t("metaTitle") };
}

/**
 * R-HOU-3: one round's release. Staff see the round and its decisions, release it (confirmed)
 * once its date has come, follow the e-mails, resume them after a crash, and resolve the
 * uncertain ones. The round is global: any staff member may release it; the uncertain list
 * shows only the students of the viewer's components (all for an admin).
 */
export default async function ReleaseRoundPage({ params }: Props) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const viewer = await requireRole(locale, ["ADMIN"], `/review/housing/rounds/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const round = await getRoundForRelease(viewer, id);
  if (!round) notFound();
  const [progress, uncertain, t, tr, format] = await Promise.all([
    roundReleaseProgress(viewer, id),
    listUncertainMails(viewer, id),
    getTranslations({ locale, namespace: "housingRelease" }),
    getTranslations({ locale, namespace: "review" }),
    getFormatter({ locale }),
  ]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short" });
  // R-HOU-3: a release date is a day in Paris (releasable from 00:00 that day).
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long", timeZone: "Europe/Paris" });
  const name = t("roundName", { semester: round.semester, year: formatAcademicYear(round.academicYear) });
  const releasable = canRelease(round, new Date());
  const count = (status: (typeof statuses)[number]) => round.counts[status] ?? 0;
  const decided = count("ACCEPTED") + count("WAITLISTED") + count("REFUSED");

  return (
    <div className="flex flex-col gap-8">
      <PageHeader
        title={t("title", { round: name })}
        intro={t("onlyContact")}
        back={{ href: "/review/housing/rounds", label: t("back") }}
        links={
          <Link href={{ pathname: "/review/housing", query: { round: round.id } }} className="text-brand underline">
            {t("boardLink")}
          </Link>
        }
      />

      <PageSection id="round-title" title={t("detailsTitle")}>
        <dl className="grid gap-x-6 gap-y-2 rounded border border-slate-300 bg-white p-4 sm:grid-cols-[12rem_1fr]">
          {(
            [
              [t("field.year"), formatAcademicYear(round.academicYear)],
              [t("field.semester"), t(`semester.${round.semester}`)],
              [t("field.releaseAt"), day(round.releaseAt)],
              [
                t("field.state"),
                round.releasedAt
                  ? round.releasedByName
                    ? t("releasedBy", { date: when(round.releasedAt), name: round.releasedByName })
                    : t("releasedAt", { date: when(round.releasedAt) })
                  : t("notReleased"),
              ],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </PageSection>

      <PageSection id="counts-title" title={t("countsTitle")}>
        <ul className="flex flex-wrap gap-2">
          {statuses.map((status) => (
            <li key={status} className="rounded border border-slate-400 bg-white px-3 py-1 text-sm">
              {t(`status.${status}`)}: <strong>{count(status)}</strong>
            </li>
          ))}
        </ul>
      </PageSection>

      <PageSection id="release-title" title={t("releaseTitle")}>
        {round.releasedAt ? (
          <p>{t("alreadyReleased")}</p>
        ) : releasable ? (
          <ReleaseRoundForm roundId={round.id} decided={decided} pending={count("PENDING")} />
        ) : (
          <p>{t("notYet", { date: when(releaseOpensAt(round.releaseAt)) })}</p>
        )}
      </PageSection>

      <PageSection id="mails-title" title={t("mailsTitle")}>
        {round.releasedAt ? (
          <>
            <ReleaseProgress roundId={round.id} initial={progress} />
            {progress.remaining > 0 && !progress.running && (
              <ReleaseResumeForm roundId={round.id} remaining={progress.remaining} />
            )}
            <p className="text-sm text-slate-700">{t("operatorHint", { id: round.id })}</p>
          </>
        ) : (
          <p>{t("mailsBefore")}</p>
        )}
      </PageSection>

      {round.releasedAt && (
        <PageSection id="uncertain-title" title={t("uncertainTitle")}>
          <p>{t("uncertainIntro", { minutes: Math.round(claimStaleAfterMs / 60_000) })}</p>
          {uncertain.length === 0 ? (
            <p className="rounded border border-slate-300 bg-white p-4">{t("uncertainEmpty")}</p>
          ) : (
            <DataTable
              caption={t("uncertainCaption", { count: uncertain.length })}
              columns={[
                t("uncertainCol.student"),
                t("uncertainCol.decision"),
                t("uncertainCol.claimedAt"),
                t("uncertainCol.actions"),
              ]}
              rows={uncertain.map((row) => {
                const student = studentFullName(row.application, (reference) => tr("anonymisedStudent", { reference }));
                return [
                  <span key="student">
                    <Link href={`/review/${row.application.id}`} className="font-medium text-brand underline">
                      {student}
                    </Link>
                    {!isAnonymised(row.application) && (
                      <span className="block text-xs text-slate-700">{row.application.student.email}</span>
                    )}
                  </span>,
                  t(`status.${row.status}`),
                  row.mailClaimedAt ? when(row.mailClaimedAt) : "—",
                  <ReleaseUncertainActions
                    key="actions"
                    roundId={round.id}
                    housingRequestId={row.id}
                    studentName={student}
                  />,
                ];
              })}
            />
          )}
        </PageSection>
      )}
    </div>
  );
}

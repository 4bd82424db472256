import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { SponsorshipOptInForm, SponsorshipWithdrawForm } from "@/components/integration/sponsorship-opt-in";
import { SignUpForm, WithdrawFromWeekForm } from "@/components/integration/week-signup";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { PageSection } from "@/components/ui/page-section";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";
import { getOwnMentor } from "@/lib/integration/mentors/queries";
import { getOwnSponsorship } from "@/lib/integration/sponsorship/queries";
import { getStudentIntegrationWeek } from "@/lib/integration/week/queries";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "integration.student" });
  return { title: t("title") };
}

const dayFormat = { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" } as const;

/**
 * The accepted student's integration and support (R-INT-1…3): the integration week's sessions
 * and their sign-up, their faculty's FLE courses, their mentoring teacher, the sponsorship.
 */
export default async function StudentIntegrationPage({ params }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["STUDENT"], "/dossier/integration");
  const [t, format, week, mentor, sponsorship] = await Promise.all([
    getTranslations({ locale, namespace: "integration" }),
    getFormatter({ locale }),
    getStudentIntegrationWeek(viewer),
    getOwnMentor(viewer),
    getOwnSponsorship(viewer),
  ]);
  const header = (
    <PageHeader
      title={t("student.title")}
      intro={t("student.intro")}
      back={{ href: "/dossier", label: t("student.back") }}
    />
  );
  if (!week || !sponsorship) {
    return (
      <div className="flex flex-col gap-6">
        {header}
        <div className="flex flex-col gap-3 rounded border border-brand bg-blue-50 p-4">
          <p>{t("student.notAccepted")}</p>
          <p>
            <Link href="/dossier" className="font-medium text-brand underline">
              {t("student.notAcceptedLink")}
            </Link>
          </p>
        </div>
      </div>
    );
  }
  const day = (date: Date) => format.dateTime(date, dayFormat);
  const mySession = week.sessions.find((session) => session.id === week.signup?.sessionId);
  return (
    <div className="flex flex-col gap-8">
      {header}

      <PageSection id="week-title" title={t("week.title")}>
        <p>{t("week.intro")}</p>
        {/* R-ELI-3: below B2 the student is invited explicitly. */}
        {week.invited && (
          <p role="note" className="rounded border border-amber-400 bg-amber-50 p-3 font-medium">
            {t("week.invited")}
          </p>
        )}
        <div aria-live="polite" className="flex flex-col gap-3">
          {week.signup && mySession && (
            <div className="flex flex-col gap-3 rounded border border-green-700 bg-green-50 p-4">
              <p className="font-medium" data-testid="integration-week-status">
                {week.signup.status === "CONFIRMED"
                  ? t("week.confirmed", { title: mySession.title })
                  : t("week.waitlisted", { title: mySession.title, position: week.signup.queuePosition ?? 1 })}
              </p>
              <WithdrawFromWeekForm />
            </div>
          )}
        </div>
        {week.sessions.length === 0 ? (
          <p>{t("week.none")}</p>
        ) : (
          <DataTable
            caption={t("week.caption")}
            columns={[
              t("week.columns.session"),
              t("week.columns.dates"),
              t("week.columns.hours"),
              t("week.columns.place"),
              t("week.columns.seats"),
              t("week.columns.action"),
            ]}
            rows={week.sessions.map((session) => [
              session.title,
              t("week.dates", { start: day(session.startsOn), end: day(session.endsOn) }),
              t("week.hours", { daily: session.dailyHours, total: session.totalHours }),
              session.place,
              t("week.seatsLeft", { count: session.seatsLeft }),
              week.signup ? null : session.open ? (
                <SignUpForm key="sign-up" sessionId={session.id} title={session.title} full={session.seatsLeft === 0} />
              ) : (
                t("week.closed")
              ),
            ])}
          />
        )}
      </PageSection>

      <PageSection id="fle-title" title={t("fle.title")}>
        {week.fleCourses.length === 0 ? (
          <p>{t("fle.none")}</p>
        ) : (
          <DataTable
            caption={t("fle.caption")}
            columns={[t("fle.columns.course"), t("fle.columns.when"), t("fle.columns.place")]}
            rows={week.fleCourses.map((course) => [course.title, course.schedule, course.place])}
          />
        )}
      </PageSection>

      <PageSection id="mentor-title" title={t("mentor.title")}>
        {mentor ? (
          <div className="flex flex-col gap-1" data-testid="mentor">
            <p>{t("mentor.intro", { name: mentor.name })}</p>
            <p>
              {t("mentor.email")}{" "}
              <a href={`mailto:${mentor.email}`} className="font-medium text-brand underline">
                {mentor.email}
              </a>
            </p>
            {mentor.contactNote && (
              <p>
                {t("mentor.other")} {mentor.contactNote}
              </p>
            )}
          </div>
        ) : (
          <p>{t("mentor.none")}</p>
        )}
      </PageSection>

      <PageSection id="sponsor-title" title={t("sponsor.title")}>
        <p>{t("sponsor.intro")}</p>
        <div aria-live="polite" className="flex flex-col gap-3">
          {sponsorship.sponsor ? (
            <div className="flex flex-col gap-1 rounded border border-green-700 bg-green-50 p-4" data-testid="sponsor">
              <p className="font-medium">{t("sponsor.matched", { name: sponsorship.sponsor.name })}</p>
              <p>
                {t("sponsor.matchedEmail")}{" "}
                <a href={`mailto:${sponsorship.sponsor.email}`} className="font-medium text-brand underline">
                  {sponsorship.sponsor.email}
                </a>
              </p>
            </div>
          ) : (
            sponsorship.optedIn &&
            sponsorship.optIn && <p>{t("sponsor.waiting", { date: day(sponsorship.optIn.consentedAt) })}</p>
          )}
        </div>
        {sponsorship.optedIn ? <SponsorshipWithdrawForm /> : <SponsorshipOptInForm />}
      </PageSection>
    </div>
  );
}

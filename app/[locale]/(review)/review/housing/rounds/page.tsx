import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { formatAcademicYear } from "@/lib/academic-year";
import { requireRole } from "@/lib/auth/guard";
import { listRounds } from "@/lib/housing/release/queries";
import { canRelease } from "@/lib/housing/rounds/rules";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "housingRelease" });
  return { title: t("listTitle") };
}

/** R-HOU-3: the rounds of housing decisions, each with its release date and state. */
export default async function HousingRoundsPage({ params }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/review/housing/rounds");
  const [rounds, t, format] = await Promise.all([
    listRounds(viewer),
    getTranslations({ locale, namespace: "housingRelease" }),
    getFormatter({ locale }),
  ]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short" });
  // R-HOU-3: a release date is a day in Paris (releasable from 00:00 that day).
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long", timeZone: "Europe/Paris" });
  const now = new Date();

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("listTitle")}
        intro={t("listIntro")}
        back={{ href: "/review/housing", label: t("boardLink") }}
      />
      {rounds.length === 0 ? (
        <p className="rounded border border-slate-300 bg-white p-4">{t("listEmpty")}</p>
      ) : (
        <DataTable
          caption={t("listCaption")}
          columns={[t("col.round"), t("col.releaseAt"), t("col.state"), t("col.decided"), t("col.pending")]}
          rows={rounds.map((round) => [
            <Link
              key={round.id}
              href={`/review/housing/rounds/${round.id}`}
              className="font-medium text-brand underline"
            >
              {t("roundName", { semester: round.semester, year: formatAcademicYear(round.academicYear) })}
            </Link>,
            day(round.releaseAt),
            round.releasedAt
              ? t("state.released", { date: when(round.releasedAt) })
              : canRelease(round, now)
                ? t("state.releasable")
                : t("state.notYet"),
            (round.counts.ACCEPTED ?? 0) + (round.counts.WAITLISTED ?? 0) + (round.counts.REFUSED ?? 0),
            round.counts.PENDING ?? 0,
          ])}
        />
      )}
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { RoundForm } from "@/components/housing/rounds/round-form";
import { formatAcademicYear } from "@/lib/academic-year";
import { requireRole } from "@/lib/auth/guard";
import { getHousingRoundForEdit } from "@/lib/housing/rounds/queries";
import { canEditRound, releaseDay } from "@/lib/housing/rounds/rules";
import { pageLocale } from "@/lib/i18n/locale";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "residences.rounds" });
  return { title: t("title") };
}

export default async function HousingRoundPage({ params }: Props) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const viewer = await requireRole(locale, ["ADMIN"], `/admin/housing-rounds/${id}`);
  const round = await getHousingRoundForEdit(viewer, id);
  if (!round) notFound();
  const [t, te, format] = await Promise.all([
    getTranslations({ locale, namespace: "residences.rounds" }),
    getTranslations({ locale, namespace: "enums" }),
    getFormatter({ locale }),
  ]);
  const title = t("editTitle", {
    year: formatAcademicYear(round.academicYear),
    semester: te(`period.${round.semester}`),
  });
  const editable = canEditRound(round);
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader
        title={title}
        intro={editable ? t("editIntro") : undefined}
        back="/admin/housing-rounds"
        backLabel={t("title")}
      />
      {editable ? (
        <RoundForm round={{ id: round.id, releaseDay: releaseDay(round.releaseAt), policy: round.policy }} />
      ) : (
        <>
          <p className="rounded border border-slate-400 bg-white p-3">{t("releasedReadOnly")}</p>
          <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
            <dt className="font-medium">{t("releaseAt")}</dt>
            <dd>{format.dateTime(round.releaseAt, { dateStyle: "long", timeZone: "Europe/Paris" })}</dd>
            <dt className="font-medium">{t("policy")}</dt>
            <dd>{te(`allocationPolicy.${round.policy}`)}</dd>
            <dt className="font-medium">{t("colStatus")}</dt>
            <dd>
              {t("releasedOn", {
                date: format.dateTime(round.releasedAt!, {
                  dateStyle: "long",
                  timeStyle: "short",
                  timeZone: "Europe/Paris",
                }),
              })}
            </dd>
            <dt className="font-medium">{t("colRequests")}</dt>
            <dd>{round._count.requests}</dd>
          </dl>
        </>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminHeader, DoneNotice } from "@/components/admin/admin-header";
import { SponsorDecisionForms } from "@/components/integration/sponsor-decision";
import { DataTable } from "@/components/ui/data-table";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { listSponsorsForAdmin } from "@/lib/integration/sponsorship/queries";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "integration.adminSponsors" });
  return { title: t("title") };
}

/** R-INT-5: the sponsors' offers, pending first, with their approval. */
export default async function AdminSponsorsPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin/sponsors");
  const [t, te, format, sponsors, { done }] = await Promise.all([
    getTranslations({ locale, namespace: "integration.adminSponsors" }),
    getTranslations({ locale, namespace: "enums" }),
    getFormatter({ locale }),
    listSponsorsForAdmin(viewer),
    searchParams,
  ]);
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("title")} intro={t("intro")} />
      <DoneNotice done={done} />
      {sponsors.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <DataTable
          caption={t("caption")}
          columns={[
            t("columns.name"),
            t("columns.faculty"),
            t("columns.city"),
            t("columns.languages"),
            t("columns.capacity"),
            t("columns.charter"),
            t("columns.status"),
            t("columns.action"),
          ]}
          rows={sponsors.map((sponsor) => [
            <span key="name">
              {sponsor.user.name}
              <br />
              <span className="text-slate-700">{sponsor.user.email}</span>
            </span>,
            sponsor.component.code,
            te(`housingCity.${sponsor.city}`),
            sponsor.languages.join(", "),
            sponsor.capacity,
            `${format.dateTime(sponsor.charterAcceptedAt, { dateStyle: "medium" })} (${sponsor.charterVersion})`,
            t(`status.${sponsor.status}`),
            sponsor.status === "PENDING" ? (
              <SponsorDecisionForms key="decide" sponsorId={sponsor.id} name={sponsor.user.name} />
            ) : null,
          ])}
        />
      )}
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader, CreateLink, DoneNotice, EditLink } from "@/components/admin/admin-header";
import { DataTable } from "@/components/ui/data-table";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";
import { listPartnersForAdmin } from "@/lib/partners/queries";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.partners" });
  return { title: t("title") };
}

export default async function PartnersPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin/partners");
  const t = await getTranslations({ locale, namespace: "admin.partners" });
  const tc = await getTranslations({ locale, namespace: "admin.common" });
  const [partners, { done }] = await Promise.all([listPartnersForAdmin(viewer), searchParams]);
  const countries = new Intl.DisplayNames([locale], { type: "region" });
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("title")} intro={t("intro")} />
      <DoneNotice done={done} />
      <CreateLink href="/admin/partners/new" label={t("create")} />
      <p>
        <Link href="/admin/partners/networks" className="font-medium text-brand underline">
          {t("networksLink")}
        </Link>
      </p>
      {partners.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("caption")}
          columns={[
            t("colName"),
            t("colCountry"),
            t("colCity"),
            t("colErasmus"),
            t("colNetworks"),
            t("colAgreements"),
            tc("colActions"),
          ]}
          rows={partners.map((partner) => [
            partner.name,
            countries.of(partner.country) ?? partner.country,
            partner.city,
            partner.erasmusCode ?? "—",
            partner.networks.map((network) => network.name).join(", ") || "—",
            partner._count.agreements === 0 ? t("noAgreement") : partner._count.agreements,
            <EditLink key="edit" href={`/admin/partners/${partner.id}`} label={tc("edit")} name={partner.name} />,
          ])}
        />
      )}
    </div>
  );
}

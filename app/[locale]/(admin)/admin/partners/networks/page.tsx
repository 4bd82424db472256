import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader, DoneNotice, EditLink } from "@/components/admin/admin-header";
import { NetworkForm } from "@/components/admin/network-forms";
import { DataTable } from "@/components/ui/data-table";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { listNetworksForAdmin } from "@/lib/partners/networks/queries";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.networks" });
  return { title: t("title") };
}

/** R-PAR-2: the networks partners belong to, and a form to add one. */
export default async function NetworksPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin/partners/networks");
  const t = await getTranslations({ locale, namespace: "admin.networks" });
  const tc = await getTranslations({ locale, namespace: "admin.common" });
  const [networks, { done }] = await Promise.all([listNetworksForAdmin(viewer), searchParams]);
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("title")} intro={t("intro")} back="/admin/partners" backLabel={t("back")} />
      <DoneNotice done={done} />
      {networks.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("caption")}
          columns={[t("colName"), t("colPartners"), tc("colActions")]}
          rows={networks.map((network) => [
            network.name,
            network._count.partners,
            <EditLink
              key="edit"
              href={`/admin/partners/networks/${network.id}`}
              label={tc("edit")}
              name={network.name}
            />,
          ])}
        />
      )}
      <section aria-labelledby="new-network" className="flex flex-col gap-3 border-t border-slate-300 pt-6">
        <h2 id="new-network" className="text-xl font-semibold">
          {t("newTitle")}
        </h2>
        <NetworkForm />
      </section>
    </div>
  );
}

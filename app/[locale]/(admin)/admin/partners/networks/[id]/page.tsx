import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { DeleteNetworkForm, NetworkForm } from "@/components/admin/network-forms";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { listNetworksForAdmin } from "@/lib/partners/networks/queries";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.networks" });
  return { title: t("title") };
}

/** R-PAR-2: renames a network (its partners stay members); deleted only while no partner belongs to it. */
export default async function EditNetworkPage({ params }: Props) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const viewer = await requireRole(locale, ["ADMIN"], `/admin/partners/networks/${id}`);
  // A few dozen networks at most: the list is read whole rather than queried twice.
  const network = (await listNetworksForAdmin(viewer)).find((row) => row.id === id);
  if (!network) notFound();
  const t = await getTranslations({ locale, namespace: "admin.networks" });
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader
        title={t("editTitle", { name: network.name })}
        intro={t("usage", { count: network._count.partners })}
        back="/admin/partners/networks"
        backLabel={t("title")}
      />
      <NetworkForm network={network} />
      <section aria-labelledby="delete-network" className="flex flex-col gap-3 border-t border-slate-300 pt-6">
        <h2 id="delete-network" className="text-xl font-semibold">
          {t("deleteTitle")}
        </h2>
        <p>{t("deleteIntro")}</p>
        <DeleteNetworkForm id={network.id} name={network.name} />
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { EwpNominationForm } from "@/components/nominations/ewp-nomination-form";
import { NominationImportForm } from "@/components/nominations/nomination-import-form";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";
import { getNominationImportNames } from "@/lib/nominations/queries";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ done?: string; count?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "nominations.import" });
  return { title: t("title") };
}

/** R-ELI-2: the partners' nominations, imported from their CSV file after a preview. */
export default async function NominationsPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin/nominations");
  const [t, tl, names, { done, count }] = await Promise.all([
    getTranslations({ locale, namespace: "nominations.import" }),
    getTranslations({ locale, namespace: "nominations.list" }),
    getNominationImportNames(viewer, locale),
    searchParams,
  ]);
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("title")} intro={t("intro")} />
      <p>
        <Link href="/review/nominations" className="font-medium text-brand underline">
          {tl("link")}
        </Link>
      </p>
      {done === "imported" && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {t("done", { count: Number(count) || 0 })}
        </p>
      )}
      <section aria-labelledby="columns-title" className="flex flex-col gap-2">
        <h2 id="columns-title" className="text-xl font-semibold">
          {t("columnsTitle")}
        </h2>
        <p>{t("columns")}</p>
      </section>
      <NominationImportForm names={names} />
      <section aria-labelledby="ewp-title" className="flex flex-col gap-3 border-t border-slate-300 pt-6">
        <h2 id="ewp-title" className="text-xl font-semibold">
          {t("ewpTitle")}
        </h2>
        <p>{t("ewpIntro")}</p>
        <EwpNominationForm names={names} />
      </section>
    </div>
  );
}

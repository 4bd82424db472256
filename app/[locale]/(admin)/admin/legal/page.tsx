import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminHeader, DoneNotice } from "@/components/admin/admin-header";
import { DataTable } from "@/components/ui/data-table";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";
import { getLegalPageForEdit } from "@/lib/legal/queries";
import { legalPageNames } from "@/lib/legal/rules";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "legal.admin" });
  return { title: t("title") };
}

/** R-SEC-9: the three legal pages, whether each still shows the template, and a way to edit it. */
export default async function AdminLegalPages({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin/legal");
  const [t, tl, format, { done }] = await Promise.all([
    getTranslations({ locale, namespace: "legal.admin" }),
    getTranslations({ locale, namespace: "legal.links" }),
    getFormatter({ locale }),
    searchParams,
  ]);
  const pages = await Promise.all(
    legalPageNames.map(async (page) => ({ page, texts: await getLegalPageForEdit(viewer, page) })),
  );
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("title")} intro={t("intro")} />
      <DoneNotice done={done} />
      <DataTable
        caption={t("title")}
        columns={[t("page"), t("status"), t("actions")]}
        rows={pages.map(({ page, texts }) => {
          const saved = texts[locale].updatedAt;
          return [
            tl(page),
            saved ? t("saved", { date: format.dateTime(saved, { dateStyle: "medium" }) }) : t("shipped"),
            <span key="links" className="flex gap-4">
              <Link href={`/admin/legal/${page}`} className="font-medium text-brand underline">
                {t("edit")}
                <span className="sr-only"> {tl(page)}</span>
              </Link>
              <Link href={`/legal/${page}`} className="font-medium text-brand underline">
                {t("view")}
                <span className="sr-only"> {tl(page)}</span>
              </Link>
            </span>,
          ];
        })}
      />
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { LegalPageForm } from "@/components/legal/legal-page-form";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { getLegalPageForEdit } from "@/lib/legal/queries";
import { isLegalPageName } from "@/lib/legal/rules";

type Props = { params: Promise<{ locale: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [locale, { page }] = await Promise.all([pageLocale(params), params]);
  if (!isLegalPageName(page)) return {};
  const [t, tl] = await Promise.all([
    getTranslations({ locale, namespace: "legal.admin" }),
    getTranslations({ locale, namespace: "legal.links" }),
  ]);
  return { title: t("editTitle", { page: tl(page) }) };
}

/** R-SEC-9: an administrator edits one legal page, both languages on one form. */
export default async function AdminLegalPageEdit({ params }: Props) {
  const [locale, { page }] = await Promise.all([pageLocale(params), params]);
  const viewer = await requireRole(locale, ["ADMIN"], `/admin/legal/${page}`);
  if (!isLegalPageName(page)) notFound();
  const [t, tl, texts] = await Promise.all([
    getTranslations({ locale, namespace: "legal.admin" }),
    getTranslations({ locale, namespace: "legal.links" }),
    getLegalPageForEdit(viewer, page),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader
        title={t("editTitle", { page: tl(page) })}
        intro={t("editIntro")}
        back="/admin/legal"
        backLabel={t("back")}
      />
      <LegalPageForm page={page} fr={texts.fr} en={texts.en} />
    </div>
  );
}

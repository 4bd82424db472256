import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StaffAccountForm } from "@/components/admin/account-forms";
import { AdminHeader } from "@/components/admin/admin-header";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.users" });
  return { title: t("newTitle") };
}

export default async function NewAccountPage({ params }: Props) {
  const locale = await pageLocale(params);
  await requireRole(locale, ["ADMIN"], "/admin/users/new");
  const t = await getTranslations({ locale, namespace: "admin.users" });
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("newTitle")} intro={t("invitationHint")} back="/admin/users" backLabel={t("title")} />
      <StaffAccountForm defaultLocale={locale} />
    </div>
  );
}

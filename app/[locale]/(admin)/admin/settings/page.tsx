import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader, DoneNotice } from "@/components/admin/admin-header";
import { DriContactsForm } from "@/components/admin/dri-contacts-form";
import { MessageMailForm } from "@/components/admin/message-mail-form";
import { requireRole } from "@/lib/auth/guard";
import { mailIncludesText } from "@/lib/conversation/rules";
import { pageLocale } from "@/lib/i18n/locale";
import { getPortalSettings } from "@/lib/settings/queries";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "admin.settings" });
  return { title: t("title") };
}

export default async function SettingsPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  await requireRole(locale, ["ADMIN"], "/admin/settings");
  const t = await getTranslations({ locale, namespace: "admin.settings" });
  const [settings, { done }] = await Promise.all([getPortalSettings(), searchParams]);
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("title")} intro={t("intro")} />
      <DoneNotice done={done} />
      <DriContactsForm cooperationEmail={settings.cooperationEmail} incomingEmail={settings.incomingEmail} />
      <MessageMailForm includeText={mailIncludesText(settings.messageMailText)} />
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { RoundForm } from "@/components/housing/rounds/round-form";
import { academicYearOf } from "@/lib/academic-year";
import { requireRole } from "@/lib/auth/guard";
import { listRoundKeys } from "@/lib/housing/rounds/queries";
import { nextMissingRound } from "@/lib/housing/rounds/rules";
import { pageLocale } from "@/lib/i18n/locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "residences.rounds" });
  return { title: t("newTitle") };
}

export default async function NewHousingRoundPage({ params }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin/housing-rounds/new");
  const t = await getTranslations({ locale, namespace: "residences.rounds" });
  const thisYear = academicYearOf(new Date());
  const defaults = nextMissingRound(await listRoundKeys(viewer, thisYear), thisYear);
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("newTitle")} intro={t("newIntro")} back="/admin/housing-rounds" backLabel={t("title")} />
      <RoundForm defaults={defaults} />
    </div>
  );
}

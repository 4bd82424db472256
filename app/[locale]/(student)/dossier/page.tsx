import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";

type Props = { params: Promise<{ locale: string }> };

export default async function DossierPage({ params }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["STUDENT"], "/dossier");
  const t = await getTranslations({ locale, namespace: "dossier" });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("welcome", { name: viewer.name })}</p>
      <p>{t("intro")}</p>
      <h2 className="text-2xl font-semibold">{t("nextTitle")}</h2>
      <ol className="list-decimal space-y-2 pl-6">
        <li>{t("next1")}</li>
        <li>{t("next2")}</li>
        <li>{t("next3")}</li>
      </ol>
    </div>
  );
}

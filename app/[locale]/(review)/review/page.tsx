import { getTranslations } from "next-intl/server";
import { academicYearOf } from "@/lib/agreements/rules";
import { listComponentsOfCorrespondent } from "@/lib/agreements/queries";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";

type Props = { params: Promise<{ locale: string }> };

export default async function ReviewPage({ params }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["CORRESPONDENT", "ADMIN"], "/review");
  const t = await getTranslations({ locale, namespace: "review" });
  const components = await listComponentsOfCorrespondent(viewer.componentIds, academicYearOf(new Date()));
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <h2 className="text-2xl font-semibold">{t("components")}</h2>
      {components.length === 0 ? (
        <p>{t("noComponents")}</p>
      ) : (
        <ul className="list-disc space-y-1 pl-6">
          {components.map((component) => (
            <li key={component.id}>
              {locale === "fr" ? component.nameFr : component.nameEn} — {t("agreements", { count: component._count.agreements })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/routing";

const resources = ["guide", "studapart"] as const;

/** R-HOU-6: where to look for housing in the city (texts and addresses in the catalogue). */
export async function StudentCityResources({ locale }: { locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "housing.city" });
  return (
    <section aria-labelledby="city-title" className="flex flex-col gap-3">
      <h2 id="city-title" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      <p>{t("intro")}</p>
      <ul className="flex flex-col gap-3">
        {resources.map((resource) => (
          <li key={resource} className="rounded border border-slate-300 bg-white p-4">
            <a
              href={t(`${resource}.url`)}
              rel="noopener noreferrer"
              className="font-medium text-brand underline hover:text-brand-dark"
            >
              {t(`${resource}.name`)} <span className="text-sm font-normal">{t("external")}</span>
            </a>
            <p className="text-sm text-slate-700">{t(`${resource}.description`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

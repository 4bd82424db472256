import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/routing";

/** GDPR art. 15 and 20: the way to download everything the portal holds about the viewer. */
export async function MyDataSection({ locale }: { locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "dossier.myData" });
  return (
    <section aria-labelledby="my-data-title" className="flex flex-col gap-2">
      <h2 id="my-data-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p>{t("text")}</p>
      <p>
        {/* A route handler, not a page: a plain link that downloads. */}
        <a href="/api/me/export" download className="font-medium text-brand underline">
          {t("link")}
        </a>
      </p>
    </section>
  );
}

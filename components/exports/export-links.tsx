import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/routing";

type Props = {
  /** The list's export route, e.g. /api/applications/export. */
  path: string;
  /** The screen's filters, so the file holds what the screen lists. */
  filters: Record<string, string>;
  locale: AppLocale;
};

/**
 * "Download this list": the workbook and the CSV of a staff list, with the screen's filters.
 * Plain links (route handlers, not pages of the locale's routes); the locale is sent so the
 * headers and the CSV separator follow the interface's language.
 */
export async function ExportLinks({ path, filters, locale }: Props) {
  const t = await getTranslations({ locale, namespace: "listExports" });
  const href = (format: "xlsx" | "csv") => `${path}?${new URLSearchParams({ ...filters, format, locale })}`;
  return (
    <p className="flex flex-wrap items-center gap-x-4 gap-y-1">
      <span className="font-medium">{t("downloadLabel")}</span>
      <a href={href("xlsx")} className="font-medium text-brand underline" download>
        {t("xlsx")}
      </a>
      <a href={href("csv")} className="font-medium text-brand underline" download>
        {t("csv")}
      </a>
    </p>
  );
}

import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { legalPageNames } from "@/lib/legal/rules";

/** R-SEC-9: the three legal pages, in the footer of every page. */
export async function LegalFooterLinks() {
  const t = await getTranslations("legal");
  return (
    <nav aria-label={t("footerNavigation")}>
      <ul className="flex flex-wrap justify-center gap-x-6 gap-y-2">
        {legalPageNames.map((page) => (
          <li key={page}>
            <Link href={`/legal/${page}`} className="underline">
              {t(`links.${page}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

/** R-SEC-9, GDPR art. 13: what is done with the data, where it is first asked for. */
export async function PrivacyNotice() {
  const t = await getTranslations("legal.privacyNotice");
  return (
    <section
      aria-labelledby="privacy-notice"
      className="flex flex-col gap-2 rounded border border-slate-300 p-4 text-sm"
    >
      <h2 id="privacy-notice" className="font-semibold">
        {t("title")}
      </h2>
      <p>{t("body")}</p>
      <p>
        <Link href="/legal/privacy" className="font-medium text-brand underline">
          {t("link")}
        </Link>
      </p>
    </section>
  );
}

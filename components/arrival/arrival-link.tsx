import { getTranslations } from "next-intl/server";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { Link } from "@/lib/i18n/navigation";
import type { AppLocale } from "@/lib/i18n/routing";

/** The dossier's way to the arrival pages (R-VIS-1…6), once the application is accepted. */
export async function ArrivalLink({ locale, status }: { locale: AppLocale; status: ApplicationStatus }) {
  if (status !== "ACCEPTED") return null;
  const t = await getTranslations({ locale, namespace: "arrival.dossierLink" });
  return (
    <section
      aria-labelledby="arrival-link-title"
      className="flex flex-col gap-2 rounded border border-slate-300 bg-white p-4"
    >
      <h2 id="arrival-link-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p>{t("text")}</p>
      <ul className="flex flex-col gap-1">
        <li>
          <Link href="/dossier/arrival" className="font-medium text-brand underline hover:text-brand-dark">
            {t("arrival")}
          </Link>
        </li>
        <li>
          <Link href="/dossier/welcome-desk" className="font-medium text-brand underline hover:text-brand-dark">
            {t("desk")}
          </Link>
        </li>
      </ul>
    </section>
  );
}

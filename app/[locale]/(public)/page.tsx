import { getTranslations } from "next-intl/server";
import { OpenCalls } from "@/components/calls/open-calls";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";
import { getYearProcedureGuidance } from "@/lib/visa-procedures/queries";

type Props = { params: Promise<{ locale: string }> };

const sections = [
  { title: "whatTitle", items: ["what1", "what2", "what3"] },
  { title: "whoTitle", items: ["who1", "who2", "who3"] },
  { title: "howTitle", items: ["how1", "how2", "how3", "how4"] },
] as const;

// Public home page, from the AMU exchange page (seed 000): what, who, how.
export default async function HomePage({ params }: Props) {
  const locale = await pageLocale(params);
  const [t, guidance] = await Promise.all([getTranslations({ locale, namespace: "home" }), getYearProcedureGuidance()]);
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="home-title" className="flex flex-col gap-4">
        <h1 id="home-title" className="text-3xl font-bold">
          {t("title")}
        </h1>
        <p className="text-lg">{t("lead")}</p>
        <p>
          <Link href="/partners" className="font-medium text-brand underline">
            {(await getTranslations({ locale, namespace: "catalogue" }))("homeLink")}
          </Link>
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/register" className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
            {t("ctaRegister")}
          </Link>
          <Link href="/login" className="rounded border border-brand px-4 py-2 font-medium text-brand hover:bg-blue-50">
            {t("ctaSignIn")}
          </Link>
        </div>
      </section>
      {/* R-ELI-8: open calls and their deadlines, before anyone registers. */}
      <OpenCalls locale={locale} />
      {sections.map((section) => (
        <section key={section.title} aria-labelledby={section.title} className="flex flex-col gap-2">
          <h2 id={section.title} className="text-2xl font-semibold">
            {t(section.title)}
          </h2>
          <ul className="list-disc space-y-2 pl-6">
            {section.items.map((item) => (
              <li key={item}>{t(item)}</li>
            ))}
            {/* The deadline is the year's procedure's (R-VIS-1), never a figure written twice. */}
            {section.title === "howTitle" && (
              <li>{guidance ? t("how5", { months: guidance.deadlineMonths }) : t("how5Unknown")}</li>
            )}
          </ul>
        </section>
      ))}
      <section aria-labelledby="doubleTitle" className="flex flex-col gap-2">
        <h2 id="doubleTitle" className="text-2xl font-semibold">
          {t("doubleTitle")}
        </h2>
        <p>{t("double")}</p>
        <p>
          <Link href="/double-degrees" className="font-medium text-brand underline">
            {(await getTranslations({ locale, namespace: "programmes.doubleDegrees" }))("homeLink")}
          </Link>
        </p>
      </section>
      <section aria-labelledby="amiTitle" className="flex flex-col gap-2">
        <h2 id="amiTitle" className="text-2xl font-semibold">
          {t("amiTitle")}
        </h2>
        <p>{t("ami")}</p>
        <p>
          <Link href="/register/amu" className="font-medium text-brand underline">
            {t("amiLink")}
          </Link>
        </p>
      </section>
    </div>
  );
}

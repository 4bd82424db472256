import { getFormatter, getTranslations } from "next-intl/server";
import { formatAcademicYear } from "@/lib/academic-year";
import { listOpenAndUpcomingCalls } from "@/lib/calls/queries";
import type { AppLocale } from "@/lib/i18n/routing";
import { parisDeadlineFormat } from "@/lib/paris-time";

/**
 * R-ELI-8: the calls open now (and those announced), with their deadlines in Paris time, the
 * zone named: public information, on the home page and the dossier.
 */
export async function OpenCalls({ locale, headingLevel = 2 }: { locale: AppLocale; headingLevel?: 2 | 3 }) {
  const [t, te, format, calls] = await Promise.all([
    getTranslations({ locale, namespace: "calls.public" }),
    getTranslations({ locale, namespace: "enums" }),
    getFormatter({ locale }),
    listOpenAndUpcomingCalls(),
  ]);
  const Heading = `h${headingLevel}` as const;
  const when = (date: Date) => format.dateTime(date, parisDeadlineFormat);
  return (
    <section aria-labelledby="open-calls-title" className="flex flex-col gap-2">
      <Heading id="open-calls-title" className={headingLevel === 2 ? "text-2xl font-semibold" : "font-semibold"}>
        {t("title")}
      </Heading>
      {calls.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="list-disc space-y-1 pl-6">
          {calls.map((call) => {
            const values = {
              period: te(`period.${call.period}`),
              year: formatAcademicYear(call.academicYear),
              deadline: when(call.applicationDeadline),
              opensAt: when(call.opensAt),
            };
            return <li key={call.id}>{call.state === "open" ? t("item", values) : t("upcoming", values)}</li>;
          })}
        </ul>
      )}
    </section>
  );
}

import { getFormatter, getTranslations } from "next-intl/server";
import { calendarDay, periodText } from "@/components/welcome-desk/desk-info";
import { visaDeadline } from "@/lib/arrival/rules";
import type { AppLocale } from "@/lib/i18n/routing";
import { dayToDate, parisDay } from "@/lib/paris-time";
import type { WelcomeDeskInfo } from "@/lib/welcome-desk/queries";
import { periodsBeforeDeadline } from "@/lib/welcome-desk/rules";

/**
 * R-VIS-8: which opening period lets the student come before their residence-permit deadline,
 * from the data only: the arrival day they gave, the months the year's procedure gives (null
 * when no procedure is set for the year), and the desks' periods. No date is written here.
 */
export async function PeriodGuidance({
  locale,
  desks,
  arrivalDay,
  deadlineMonths,
}: {
  locale: AppLocale;
  desks: WelcomeDeskInfo[];
  arrivalDay: string | null;
  deadlineMonths: number | null;
}) {
  const [t, td, te, format] = await Promise.all([
    getTranslations({ locale, namespace: "welcomeDesk.guidance" }),
    getTranslations({ locale, namespace: "welcomeDesk.desks" }),
    getTranslations({ locale, namespace: "enums" }),
    getFormatter({ locale }),
  ]);
  const deadlineDay = arrivalDay && deadlineMonths !== null ? visaDeadline(arrivalDay, deadlineMonths) : null;
  const window = { arrivalDay, deadlineDay, today: parisDay(new Date()) };
  const fits = desks.flatMap((desk) =>
    periodsBeforeDeadline(desk.periods, window).map((period) => ({
      key: period.id,
      text: t("fit", { city: te(`housingCity.${desk.city}`), period: periodText(td, format, period) }),
    })),
  );
  const day = (value: string) => format.dateTime(dayToDate(value), calendarDay);
  const intro =
    deadlineMonths === null
      ? t("noProcedure")
      : arrivalDay && deadlineDay
        ? t("withArrival", { arrival: day(arrivalDay), deadline: day(deadlineDay), months: deadlineMonths })
        : t("withoutArrival", { months: deadlineMonths });
  return (
    <section
      aria-labelledby="guidance-title"
      className="flex flex-col gap-2 rounded border border-brand bg-blue-50 p-4"
    >
      <h3 id="guidance-title" className="text-lg font-semibold">
        {t("title")}
      </h3>
      <p data-testid="welcome-desk-guidance">{intro}</p>
      {fits.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <>
          <p>{t("fits")}</p>
          <ul className="list-disc pl-6">
            {fits.map((fit) => (
              <li key={fit.key} className="break-words">
                {fit.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

import { getFormatter, getTranslations } from "next-intl/server";
import { periodText } from "@/components/welcome-desk/desk-info";
import { Link } from "@/lib/i18n/navigation";
import type { AppLocale } from "@/lib/i18n/routing";
import { dayToDate } from "@/lib/paris-time";
import type { WelcomeDeskPeriodInfo } from "@/lib/welcome-desk/queries";
import { periodOfDay } from "@/lib/welcome-desk/rules";

export interface PickerDay {
  day: string;
  placesLeft: number;
}

/** The day's name in full ("Monday 31 August 2026"): days are calendar days (UTC midnight). */
export const pickerDayFormat = { dateStyle: "full", timeZone: "UTC" } as const;

/**
 * R-VIS-5, R-VIS-7: one desk's days with times, grouped by opening period, each a link to
 * `?desk=…&day=YYYY-MM-DD` (so it works without JavaScript) with its places left; a full day
 * is shown without a link. The chosen day is marked for screen readers (aria-current).
 */
export async function DayPicker({
  locale,
  deskId,
  deskName,
  periods,
  days,
  chosenDay,
}: {
  locale: AppLocale;
  deskId: string;
  deskName: string;
  periods: WelcomeDeskPeriodInfo[];
  days: PickerDay[];
  chosenDay: string | null;
}) {
  const [t, td, format] = await Promise.all([
    getTranslations({ locale, namespace: "welcomeDesk.slots" }),
    getTranslations({ locale, namespace: "welcomeDesk.desks" }),
    getFormatter({ locale }),
  ]);
  // Days outside every period (times an admin kept when a period moved) are listed last.
  const groups = [
    ...periods.map((period) => ({
      key: period.id,
      title: periodText(td, format, period),
      days: days.filter((one) => periodOfDay([period], one.day)),
    })),
    { key: "other", title: t("otherDays"), days: days.filter((one) => !periodOfDay(periods, one.day)) },
  ].filter((group) => group.days.length > 0);
  return (
    <nav aria-label={t("dayPicker", { city: deskName })} className="flex flex-col gap-3">
      {groups.map((group) => (
        <div key={group.key} className="flex flex-col gap-2">
          <h4 className="font-semibold break-words">{group.title}</h4>
          <ul className="grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
            {group.days.map(({ day, placesLeft }) => {
              const date = format.dateTime(dayToDate(day), pickerDayFormat);
              const chosen = day === chosenDay;
              return (
                <li key={day}>
                  {placesLeft > 0 ? (
                    <Link
                      href={{ pathname: "/dossier/welcome-desk", query: { desk: deskId, day }, hash: "day-times" }}
                      aria-current={chosen ? "date" : undefined}
                      className={`underline ${chosen ? "font-semibold text-brand-dark" : "text-brand"}`}
                    >
                      {t("dayLink", { date, count: placesLeft })}
                    </Link>
                  ) : (
                    <span className="text-slate-700">{t("dayFull", { date })}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}

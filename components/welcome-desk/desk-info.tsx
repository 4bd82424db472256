import { getFormatter, getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/routing";
import { dayToDate } from "@/lib/paris-time";
import type { WelcomeDeskInfo, WelcomeDeskPeriodInfo } from "@/lib/welcome-desk/queries";

/** The period's days are calendar days (stored at midnight UTC): formatted as such. */
export const calendarDay = { dateStyle: "long", timeZone: "UTC" } as const;

type DeskTranslations = Awaited<ReturnType<typeof getTranslations<"welcomeDesk.desks">>>;
type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** R-VIS-7: a period as students read it: its name if it has one, its days and its hours. */
export function periodText(t: DeskTranslations, format: Formatter, period: WelcomeDeskPeriodInfo): string {
  const values = {
    from: format.dateTime(dayToDate(period.opensOn), calendarDay),
    to: format.dateTime(dayToDate(period.closesOn), calendarDay),
    opens: period.dailyOpensAt,
    closes: period.dailyClosesAt,
  };
  return period.label ? t("periodNamed", { label: period.label, ...values }) : t("periodDates", values);
}

/**
 * R-VIS-5, R-VIS-7: each desk's place, address, opening periods and hours as the admin set them, or
 * "to be announced" while they are not known.
 */
export async function DeskInfoList({ locale, desks }: { locale: AppLocale; desks: WelcomeDeskInfo[] }) {
  const [t, te, format] = await Promise.all([
    getTranslations({ locale, namespace: "welcomeDesk.desks" }),
    getTranslations({ locale, namespace: "enums" }),
    getFormatter({ locale }),
  ]);
  if (desks.length === 0) return <p>{t("noDesk")}</p>;
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {desks.map((desk) => (
        <li key={desk.id} className="flex flex-col gap-1 rounded border border-slate-300 bg-white p-4">
          <h3 className="text-lg font-semibold">{te(`housingCity.${desk.city}`)}</h3>
          {desk.placeName && <p>{t("place", { place: desk.placeName })}</p>}
          {desk.address && <p>{t("address", { address: desk.address })}</p>}
          {desk.periods.length > 0 && (
            <>
              <p>{t("periodsLabel")}</p>
              <ul className="list-disc pl-6">
                {desk.periods.map((period) => (
                  <li key={period.id} className="break-words">
                    {periodText(t, format, period)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {!desk.announced && <p className="font-medium">{t("toBeAnnounced")}</p>}
        </li>
      ))}
    </ul>
  );
}

import { getFormatter, getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/routing";
import type { WelcomeDeskInfo } from "@/lib/welcome-desk/queries";

/** The period's days are calendar days (stored at midnight UTC): formatted as such. */
export const calendarDay = { dateStyle: "long", timeZone: "UTC" } as const;

/**
 * R-VIS-5: each desk's place, address, opening period and hours as the admin set them, or
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
          {desk.opensOn && desk.closesOn && (
            <p>
              {t("period", {
                from: format.dateTime(desk.opensOn, calendarDay),
                to: format.dateTime(desk.closesOn, calendarDay),
              })}
            </p>
          )}
          {desk.announced ? (
            <p>{t("hours", { opens: desk.dailyOpensAt, closes: desk.dailyClosesAt })}</p>
          ) : (
            <p className="font-medium">{t("toBeAnnounced")}</p>
          )}
        </li>
      ))}
    </ul>
  );
}

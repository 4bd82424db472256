import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminHeader, DoneNotice, EditLink } from "@/components/admin/admin-header";
import { DataTable } from "@/components/ui/data-table";
import { calendarDay } from "@/components/welcome-desk/desk-info";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { dayToDate } from "@/lib/paris-time";
import { listWelcomeDesksForAdmin } from "@/lib/welcome-desk/queries";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "welcomeDesk.admin" });
  return { title: t("title") };
}

/** R-VIS-5, R-VIS-7: the welcome desks, their place, opening periods and hours, and bookings. */
export default async function WelcomeDesksPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["ADMIN"], "/admin/welcome-desks");
  const [t, te, format, desks, { done }] = await Promise.all([
    getTranslations({ locale, namespace: "welcomeDesk.admin" }),
    getTranslations({ locale, namespace: "enums" }),
    getFormatter({ locale }),
    listWelcomeDesksForAdmin(viewer),
    searchParams,
  ]);
  const named = (label: string | null, period: string) => (label ? t("periods.named", { label, period }) : period);
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("title")} intro={t("intro")} />
      <DoneNotice done={done} />
      {desks.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("caption")}
          columns={[t("colCity"), t("colPlace"), t("colPeriod"), t("colSlots"), t("slots.colActions")]}
          rows={desks.map((desk) => {
            const city = te(`housingCity.${desk.city}`);
            return [
              city,
              [desk.placeName, desk.address].filter(Boolean).join(", ") || t("toBeAnnounced"),
              desk.periods.length === 0 ? (
                t("toBeAnnounced")
              ) : (
                <ul key="periods" className="flex flex-col gap-1">
                  {desk.periods.map((period) => (
                    <li key={period.id} className="break-words">
                      {named(
                        period.label,
                        t("periods.summary", {
                          from: format.dateTime(dayToDate(period.opensOn), calendarDay),
                          to: format.dateTime(dayToDate(period.closesOn), calendarDay),
                          opens: period.dailyOpensAt,
                          closes: period.dailyClosesAt,
                        }),
                      )}
                    </li>
                  ))}
                </ul>
              ),
              t("slotsSummary", { slots: desk.slots, booked: desk.booked, capacity: desk.capacity }),
              <EditLink key="edit" href={`/admin/welcome-desks/${desk.id}`} label={t("editLink")} name={city} />,
            ];
          })}
        />
      )}
    </div>
  );
}

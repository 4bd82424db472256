import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminHeader, DoneNotice, EditLink } from "@/components/admin/admin-header";
import { DataTable } from "@/components/ui/data-table";
import { calendarDay } from "@/components/welcome-desk/desk-info";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { listWelcomeDesksForAdmin } from "@/lib/welcome-desk/queries";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "welcomeDesk.admin" });
  return { title: t("title") };
}

/** R-VIS-5: the welcome desks, their place, period, hours and bookings. */
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
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("title")} intro={t("intro")} />
      <DoneNotice done={done} />
      {desks.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("caption")}
          columns={[t("colCity"), t("colPlace"), t("colPeriod"), t("colHours"), t("colSlots"), t("slots.colActions")]}
          rows={desks.map((desk) => {
            const city = te(`housingCity.${desk.city}`);
            return [
              city,
              [desk.placeName, desk.address].filter(Boolean).join(", ") || t("toBeAnnounced"),
              desk.opensOn && desk.closesOn
                ? t("period", {
                    from: format.dateTime(desk.opensOn, calendarDay),
                    to: format.dateTime(desk.closesOn, calendarDay),
                  })
                : t("toBeAnnounced"),
              t("hours", { opens: desk.dailyOpensAt, closes: desk.dailyClosesAt }),
              t("slotsSummary", { slots: desk.slots, booked: desk.booked, capacity: desk.capacity }),
              <EditLink key="edit" href={`/admin/welcome-desks/${desk.id}`} label={t("editLink")} name={city} />,
            ];
          })}
        />
      )}
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminHeader, DoneNotice } from "@/components/admin/admin-header";
import { DataTable } from "@/components/ui/data-table";
import { SelectField } from "@/components/ui/select-field";
import { DeleteSlotForm, GenerateSlotsForm, WelcomeDeskForm } from "@/components/welcome-desk/admin-forms";
import { calendarDay } from "@/components/welcome-desk/desk-info";
import { DeletePeriodForm, PeriodForm } from "@/components/welcome-desk/period-forms";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { dayToDate, parisDay, parisTimeZone } from "@/lib/paris-time";
import { getWelcomeDeskForAdmin } from "@/lib/welcome-desk/queries";

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<{ done?: string; generated?: string; day?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "welcomeDesk.admin" });
  return { title: t("title") };
}

const dayFormat = { dateStyle: "full", timeZone: "UTC" } as const;
const timeFormat = { timeStyle: "short", timeZone: parisTimeZone } as const;

/**
 * R-VIS-5, R-VIS-7: one desk's place, its opening periods (each with its hours and the form
 * that opens its bookable times), and its times one day at a time, with their bookings.
 */
export default async function WelcomeDeskPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const viewer = await requireRole(locale, ["ADMIN"], `/admin/welcome-desks/${id}`);
  const { done, generated, day: askedDay } = await searchParams;
  const desk = await getWelcomeDeskForAdmin(viewer, id, typeof askedDay === "string" ? askedDay : undefined);
  if (!desk) notFound();
  const [t, te, format] = await Promise.all([
    getTranslations({ locale, namespace: "welcomeDesk.admin" }),
    getTranslations({ locale, namespace: "enums" }),
    getFormatter({ locale }),
  ]);
  const city = te(`housingCity.${desk.city}`);
  const created = generated !== undefined && /^\d+$/.test(generated) ? Number(generated) : null;
  const today = parisDay(new Date());
  const calendar = (value: string) => format.dateTime(dayToDate(value), calendarDay);
  const dayLabel = (value: string) => format.dateTime(dayToDate(value), dayFormat);
  return (
    <div className="flex flex-col gap-6">
      <AdminHeader title={t("editTitle", { city })} back="/admin/welcome-desks" backLabel={t("title")} />
      <DoneNotice done={done} />
      {created !== null && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {t("generate.created", { count: created })}
        </p>
      )}

      <section aria-labelledby="desk-title" className="flex flex-col gap-4">
        <h2 id="desk-title" className="text-xl font-semibold">
          {t("desk.title")}
        </h2>
        <WelcomeDeskForm desk={{ id: desk.id, placeName: desk.placeName, address: desk.address }} />
      </section>

      <section aria-labelledby="periods-title" className="flex flex-col gap-4 border-t border-slate-300 pt-6">
        <h2 id="periods-title" className="text-xl font-semibold">
          {t("periods.title")}
        </h2>
        <p>{t("periods.intro")}</p>
        {desk.periods.length === 0 && <p>{t("periods.none")}</p>}
        {desk.periods.map((period) => {
          const dates = t("periods.dates", { from: calendar(period.opensOn), to: calendar(period.closesOn) });
          const name = period.label ?? dates;
          const headingId = `period-${period.id}`;
          return (
            <section
              key={period.id}
              aria-labelledby={headingId}
              className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-4"
            >
              <h3 id={headingId} className="text-lg font-semibold break-words">
                {name}
              </h3>
              <p>
                {t("periods.summary", {
                  from: calendar(period.opensOn),
                  to: calendar(period.closesOn),
                  opens: period.dailyOpensAt,
                  closes: period.dailyClosesAt,
                })}
              </p>
              <p>{t("periods.slots", { slots: period.slots, booked: period.booked, capacity: period.capacity })}</p>
              <details className="rounded border border-slate-200 p-3">
                <summary className="cursor-pointer font-medium text-brand">{t("periods.generate")}</summary>
                <div className="mt-3 flex flex-col gap-3">
                  <p className="text-sm text-slate-700">{t("generate.intro")}</p>
                  <GenerateSlotsForm
                    periodId={period.id}
                    idPrefix={`generate-${period.id}`}
                    defaults={{ from: period.opensOn > today ? period.opensOn : today, to: period.closesOn }}
                  />
                </div>
              </details>
              <details className="rounded border border-slate-200 p-3">
                <summary className="cursor-pointer font-medium text-brand">{t("periods.edit")}</summary>
                <div className="mt-3 flex flex-col gap-4">
                  <PeriodForm period={period} idPrefix={`period-${period.id}`} />
                  <DeletePeriodForm periodId={period.id} context={name} />
                </div>
              </details>
            </section>
          );
        })}
        <section aria-labelledby="add-period-title" className="flex flex-col gap-3">
          <h3 id="add-period-title" className="text-lg font-semibold">
            {t("periods.addTitle")}
          </h3>
          <PeriodForm deskId={desk.id} idPrefix="new-period" />
        </section>
      </section>

      <section aria-labelledby="slots-title" className="flex flex-col gap-4 border-t border-slate-300 pt-6">
        <h2 id="slots-title" className="text-xl font-semibold">
          {t("slots.title")}
        </h2>
        {!desk.day ? (
          <p>{t("slots.empty")}</p>
        ) : (
          <>
            {/* One day at a time: a season is hundreds of times. A GET form, so it works without JS. */}
            <form method="get" className="flex flex-wrap items-end gap-4">
              <SelectField
                name="day"
                label={t("slots.day")}
                options={desk.days.map((value) => ({ value, label: dayLabel(value) }))}
                defaultValue={desk.day}
              />
              <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
                {t("slots.show")}
              </button>
            </form>
            <DataTable
              caption={t("slots.dayCaption", { city, date: dayLabel(desk.day) })}
              columns={[t("slots.colTime"), t("slots.colBooked"), t("slots.colActions")]}
              rows={desk.slots.map((slot) => {
                const time = `${format.dateTime(slot.startsAt, timeFormat)}–${format.dateTime(slot.endsAt, timeFormat)}`;
                return [
                  time,
                  t("slots.booked", { booked: slot.booked, capacity: slot.capacity }),
                  slot.booked === 0 ? (
                    <DeleteSlotForm
                      key="delete"
                      slotId={slot.id}
                      context={t("slots.deleteContext", { date: dayLabel(desk.day!), time })}
                    />
                  ) : (
                    t("slots.keep")
                  ),
                ];
              })}
            />
          </>
        )}
      </section>
    </div>
  );
}

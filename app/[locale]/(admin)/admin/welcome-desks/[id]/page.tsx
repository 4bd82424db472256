import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminHeader, DoneNotice } from "@/components/admin/admin-header";
import { DataTable } from "@/components/ui/data-table";
import { DeleteSlotForm, GenerateSlotsForm, WelcomeDeskForm } from "@/components/welcome-desk/admin-forms";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { dateToDay, parisDay, parisTimeZone } from "@/lib/paris-time";
import { getWelcomeDeskForAdmin } from "@/lib/welcome-desk/queries";

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<{ done?: string; generated?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "welcomeDesk.admin" });
  return { title: t("title") };
}

const dayFormat = {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: parisTimeZone,
} as const;
const timeFormat = { timeStyle: "short", timeZone: parisTimeZone } as const;

/** R-VIS-5: one desk's place, period and hours, its bookable times, and their bookings. */
export default async function WelcomeDeskPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const viewer = await requireRole(locale, ["ADMIN"], `/admin/welcome-desks/${id}`);
  const [desk, { done, generated }] = await Promise.all([getWelcomeDeskForAdmin(viewer, id), searchParams]);
  if (!desk) notFound();
  const [t, te, format] = await Promise.all([
    getTranslations({ locale, namespace: "welcomeDesk.admin" }),
    getTranslations({ locale, namespace: "enums" }),
    getFormatter({ locale }),
  ]);
  const city = te(`housingCity.${desk.city}`);
  const created = generated !== undefined && /^\d+$/.test(generated) ? Number(generated) : null;
  const opensOn = desk.opensOn && dateToDay(desk.opensOn);
  const closesOn = desk.closesOn && dateToDay(desk.closesOn);
  const today = parisDay(new Date());
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
        <WelcomeDeskForm
          desk={{
            id: desk.id,
            placeName: desk.placeName,
            address: desk.address,
            opensOn,
            closesOn,
            dailyOpensAt: desk.dailyOpensAt,
            dailyClosesAt: desk.dailyClosesAt,
          }}
        />
      </section>

      <section aria-labelledby="generate-title" className="flex flex-col gap-4 border-t border-slate-300 pt-6">
        <h2 id="generate-title" className="text-xl font-semibold">
          {t("generate.title")}
        </h2>
        {opensOn && closesOn ? (
          <>
            <p>{t("generate.intro")}</p>
            <GenerateSlotsForm deskId={desk.id} defaults={{ from: opensOn > today ? opensOn : today, to: closesOn }} />
          </>
        ) : (
          <p>{t("generate.periodFirst")}</p>
        )}
      </section>

      <section aria-labelledby="slots-title" className="flex flex-col gap-4 border-t border-slate-300 pt-6">
        <h2 id="slots-title" className="text-xl font-semibold">
          {t("slots.title")}
        </h2>
        {desk.slots.length === 0 ? (
          <p>{t("slots.empty")}</p>
        ) : (
          <DataTable
            caption={t("slots.caption", { city })}
            columns={[t("slots.colDay"), t("slots.colTime"), t("slots.colBooked"), t("slots.colActions")]}
            rows={desk.slots.map((slot) => {
              const date = format.dateTime(slot.startsAt, dayFormat);
              const time = `${format.dateTime(slot.startsAt, timeFormat)}–${format.dateTime(slot.endsAt, timeFormat)}`;
              return [
                date,
                time,
                t("slots.booked", { booked: slot.booked, capacity: slot.capacity }),
                slot.booked === 0 ? (
                  <DeleteSlotForm key="delete" slotId={slot.id} context={t("slots.deleteContext", { date, time })} />
                ) : (
                  t("slots.keep")
                ),
              ];
            })}
          />
        )}
      </section>
    </div>
  );
}

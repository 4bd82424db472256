import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ExportLinks } from "@/components/exports/export-links";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { SelectField } from "@/components/ui/select-field";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { localized } from "@/lib/i18n/localized";
import { dayToDate, parisDay } from "@/lib/paris-time";
import { studentListName } from "@/lib/student-name";
import { listDeskDaysForStaff, listWelcomeDeskAttendees } from "@/lib/welcome-desk/queries";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "welcomeDesk.staff" });
  return { title: t("title") };
}

/** The welcome desk's attendees for staff: one desk, one day at a time, exportable. */
export default async function WelcomeDeskAttendeesPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["CORRESPONDENT", "ADMIN"], "/review/welcome-desk");
  const query = await searchParams;
  const [t, tw, te, tr, format, desks] = await Promise.all([
    getTranslations({ locale, namespace: "welcomeDesk.staff" }),
    getTranslations({ locale, namespace: "welcomeDesk.slots" }),
    getTranslations({ locale, namespace: "enums" }),
    getTranslations({ locale, namespace: "review" }),
    getFormatter({ locale }),
    listDeskDaysForStaff(),
  ]);
  const deskId = z.uuid().safeParse(query.desk).data;
  const desk = desks.find((candidate) => candidate.id === deskId) ?? desks[0];
  const today = parisDay(new Date());
  const askedDay = typeof query.day === "string" ? query.day : undefined;
  // The asked day if the desk opens then, else the next day it opens, else its last.
  const day =
    desk?.days.find((candidate) => candidate === askedDay) ??
    desk?.days.find((candidate) => candidate >= today) ??
    desk?.days.at(-1);
  const attendees = desk && day ? await listWelcomeDeskAttendees(viewer, { deskId: desk.id, day }) : [];
  const dayLabel = (value: string) => format.dateTime(dayToDate(value), { dateStyle: "full", timeZone: "UTC" });
  const time = (instant: Date) => format.dateTime(instant, { timeStyle: "short", timeZone: "Europe/Paris" });
  const anonymised = (reference: string) => tr("anonymisedStudent", { reference });

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} intro={t("intro")} back={{ href: "/review", label: t("back") }} />
      {desk && (
        <form method="get" className="flex flex-wrap items-end gap-4 rounded border border-slate-300 bg-white p-4">
          <SelectField
            name="desk"
            label={t("desk")}
            options={desks.map((one) => ({
              value: one.id,
              label: tw("deskTitle", { city: te(`housingCity.${one.city}`) }),
            }))}
            defaultValue={desk.id}
          />
          {desk.days.length > 0 && (
            <SelectField
              name="day"
              label={t("day")}
              options={desk.days.map((value) => ({ value, label: dayLabel(value) }))}
              defaultValue={day}
            />
          )}
          <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
            {t("show")}
          </button>
        </form>
      )}
      {!desk || !day ? (
        <p>{t("noDays")}</p>
      ) : (
        <>
          <ExportLinks path="/api/welcome-desk/attendees/export" filters={{ desk: desk.id, day }} locale={locale} />
          {attendees.length === 0 ? (
            <p className="rounded border border-slate-300 bg-white p-4">{t("empty")}</p>
          ) : (
            <DataTable
              caption={t("caption", { day: dayLabel(day) })}
              columns={[t("time"), t("student"), t("email"), t("faculty")]}
              rows={attendees.map((row) => [
                `${time(row.slot.startsAt)}–${time(row.slot.endsAt)}`,
                studentListName(row.application, anonymised),
                row.application.contactEmail ?? "—",
                row.application.component
                  ? localized(locale, row.application.component.nameFr, row.application.component.nameEn)
                  : "—",
              ])}
            />
          )}
        </>
      )}
    </div>
  );
}

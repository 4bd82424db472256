import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { PageSection } from "@/components/ui/page-section";
import { DayPicker, pickerDayFormat } from "@/components/welcome-desk/day-picker";
import { DeskInfoList } from "@/components/welcome-desk/desk-info";
import { PeriodGuidance } from "@/components/welcome-desk/period-guidance";
import { SlotDayForm } from "@/components/welcome-desk/slot-day-form";
import { StudentBooking } from "@/components/welcome-desk/student-booking";
import { requireRole } from "@/lib/auth/guard";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";
import { dayToDate, parisTimeZone } from "@/lib/paris-time";
import { getYearProcedureGuidance } from "@/lib/visa-procedures/queries";
import { getStudentWelcomeDesk } from "@/lib/welcome-desk/queries";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "welcomeDesk" });
  return { title: t("title") };
}

const dayFormat = { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: parisTimeZone } as const;
const timeFormat = { timeStyle: "short", timeZone: parisTimeZone } as const;

/** R-INT-4: what the desk informs on, in this order. */
const purposes = ["residencePermit", "mutuals", "health", "crous", "studapart", "sport", "banks", "transport"] as const;

/**
 * The welcome desk (R-VIS-5, R-INT-4): what it is for, whether it is compulsory for the
 * student, each desk's place, periods and hours, and for an accepted student their visit, the
 * period that fits their permit deadline (R-VIS-8), and the times they can book, one day at a
 * time (R-VIS-5).
 */
export default async function StudentWelcomeDeskPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const viewer = await requireRole(locale, ["STUDENT"], "/dossier/welcome-desk");
  const [t, te, format, desk, guidance, query] = await Promise.all([
    getTranslations({ locale, namespace: "welcomeDesk" }),
    getTranslations({ locale, namespace: "enums" }),
    getFormatter({ locale }),
    getStudentWelcomeDesk(viewer),
    getYearProcedureGuidance(),
    searchParams,
  ]);
  // The day picker's choice (?desk=…&day=YYYY-MM-DD): only a day the desk has times on counts.
  const chosenDesk = desk.desks.find((one) => one.id === query.desk) ?? null;
  const chosen = chosenDesk?.days.find((one) => one.day === query.day) ?? null;
  const accepted = desk.application?.status === "ACCEPTED";
  const bookingDesk = desk.booking?.desk;

  const bookingWhen = desk.booking
    ? t("booking.when", {
        date: format.dateTime(desk.booking.startsAt, dayFormat),
        start: format.dateTime(desk.booking.startsAt, timeFormat),
        end: format.dateTime(desk.booking.endsAt, timeFormat),
      })
    : null;
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("title")} intro={t("intro")} back={{ href: "/dossier", label: t("back") }}>
        {/* R-VIS-5: compulsory for newcomers from outside Europe (and said when we cannot tell). */}
        {desk.compulsory && (
          <p
            role="note"
            className="rounded border border-amber-400 bg-amber-50 p-3 font-medium"
            data-testid="welcome-desk-compulsory"
          >
            {t("compulsory")}
          </p>
        )}
      </PageHeader>

      <PageSection id="purpose-title" title={t("purpose.title")}>
        <p>{t("purpose.intro")}</p>
        <ul className="list-disc pl-6">
          {purposes.map((purpose) => (
            <li key={purpose}>{t(`purpose.items.${purpose}`)}</li>
          ))}
        </ul>
        {/* What is done at the counter follows the year's procedure: a paper file, or online. */}
        {guidance && (
          <p className="font-medium">{guidance.paperFile ? t("purpose.ofiiPaper") : t("purpose.ofiiOnline")}</p>
        )}
      </PageSection>

      <PageSection id="desks-title" title={t("desks.title")}>
        <DeskInfoList locale={locale} desks={desk.desks} />
      </PageSection>

      {!accepted ? (
        <div className="flex flex-col gap-3 rounded border border-brand bg-blue-50 p-4">
          <p>{desk.application ? t("notAccepted.notYet") : t("notAccepted.noApplication")}</p>
          <p>
            <Link href="/dossier" className="font-medium text-brand underline">
              {t("notAccepted.link")}
            </Link>
          </p>
        </div>
      ) : (
        <>
          <PageSection id="booking-title" title={t("booking.title")}>
            <div aria-live="polite" className="flex flex-col gap-3">
              {desk.booking && bookingDesk && bookingWhen ? (
                <StudentBooking
                  bookingId={desk.booking.id}
                  when={bookingWhen}
                  where={t("booking.where", {
                    city: te(`housingCity.${bookingDesk.city}`),
                    place:
                      [bookingDesk.placeName, bookingDesk.address].filter(Boolean).join(", ") ||
                      t("desks.toBeAnnounced"),
                  })}
                />
              ) : (
                <p>{t("booking.none")}</p>
              )}
            </div>
          </PageSection>

          <PageSection id="slots-title" title={t("slots.title")} className="flex flex-col gap-4">
            <PeriodGuidance
              locale={locale}
              desks={desk.desks}
              arrivalDay={desk.arrivalDay}
              deadlineMonths={guidance?.deadlineMonths ?? null}
            />
            {desk.desks.every((one) => one.days.length === 0) ? (
              <p>{t("slots.none")}</p>
            ) : (
              <>
                <p>{t("slots.intro")}</p>
                {desk.desks
                  .filter((one) => one.days.length > 0)
                  .map((one) => {
                    const city = te(`housingCity.${one.city}`);
                    return (
                      <section key={one.id} aria-labelledby={`slots-${one.city}`} className="flex flex-col gap-3">
                        <h3 id={`slots-${one.city}`} className="text-lg font-semibold">
                          {t("slots.deskTitle", { city })}
                        </h3>
                        <DayPicker
                          locale={locale}
                          deskId={one.id}
                          deskName={city}
                          periods={one.periods}
                          days={one.days}
                          chosenDay={chosenDesk?.id === one.id ? (chosen?.day ?? null) : null}
                        />
                      </section>
                    );
                  })}
                {chosenDesk && chosen ? (
                  <section id="day-times" aria-labelledby="day-times-title" className="flex flex-col gap-3">
                    <h3 id="day-times-title" className="text-lg font-semibold">
                      {t("slots.dayTitle", { date: format.dateTime(dayToDate(chosen.day), pickerDayFormat) })}
                      {" — "}
                      {t("slots.deskTitle", { city: te(`housingCity.${chosenDesk.city}`) })}
                    </h3>
                    <SlotDayForm
                      dayKey={`${chosenDesk.city}-${chosen.day}`}
                      dayLabel={format.dateTime(chosen.slots[0]!.startsAt, dayFormat)}
                      currentBooking={bookingWhen}
                      slots={chosen.slots.map((slot) => ({
                        id: slot.id,
                        start: format.dateTime(slot.startsAt, timeFormat),
                        end: format.dateTime(slot.endsAt, timeFormat),
                        placesLeft: slot.placesLeft,
                        bookable: slot.bookable,
                        mine: desk.booking?.slotId === slot.id,
                      }))}
                    />
                  </section>
                ) : (
                  <p>{t("slots.chooseDay")}</p>
                )}
              </>
            )}
          </PageSection>
        </>
      )}
    </div>
  );
}

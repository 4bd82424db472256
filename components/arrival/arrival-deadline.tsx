import { getTranslations } from "next-intl/server";
import type { StudentArrival } from "@/lib/arrival/queries";
import type { AppLocale } from "@/lib/i18n/routing";
import { dayToDate } from "@/lib/paris-time";

/**
 * R-VIS-1: the deadline and the days left, counted on the Paris calendar; overdue said plainly
 * with what to do; done once the number is recorded.
 */
export async function ArrivalDeadline({
  locale,
  arrival,
  contactEmail,
}: {
  locale: AppLocale;
  arrival: StudentArrival;
  contactEmail: string;
}) {
  const t = await getTranslations({ locale, namespace: "arrival.deadline" });
  if (arrival.checklist?.completedAt) {
    return <p className="rounded border border-green-700 bg-green-50 p-3 font-medium text-green-900">{t("done")}</p>;
  }
  const deadline = arrival.deadline;
  if (!deadline) return <p>{t("noArrivalDate", { months: arrival.procedure!.deadlineMonths })}</p>;
  const date = <p className="font-medium">{t("date", { date: dayToDate(deadline.deadline) })}</p>;
  if (deadline.state === "overdue") {
    return (
      <div role="alert" className="flex flex-col gap-2 rounded border-2 border-red-800 bg-red-50 p-4 text-red-900">
        {date}
        <p className="font-bold">{t("overdue", { days: -deadline.daysLeft })}</p>
        <p>{t("overdueWhat", { email: contactEmail })}</p>
      </div>
    );
  }
  const urgent = deadline.state !== "upcoming";
  return (
    <div
      className={
        urgent
          ? "flex flex-col gap-2 rounded border-2 border-amber-700 bg-amber-50 p-4 text-amber-950"
          : "flex flex-col gap-2"
      }
    >
      {date}
      <p className={urgent ? "font-bold" : undefined}>
        {deadline.state === "dueToday" ? t("dueToday") : t("daysLeft", { days: deadline.daysLeft })}
      </p>
    </div>
  );
}

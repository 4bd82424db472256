import { getFormatter, getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/viewer";
import { Link } from "@/lib/i18n/navigation";
import type { AppLocale } from "@/lib/i18n/routing";
import { getArrivalHub } from "@/lib/integration/hub/queries";
import type { StepDetail, StepState } from "@/lib/integration/hub/rules";
import { parisTimeZone } from "@/lib/paris-time";

const stateClass: Record<StepState, string> = {
  done: "border-green-700 bg-green-50 text-green-900",
  todo: "border-amber-600 bg-amber-50 text-amber-900",
  waiting: "border-brand bg-blue-50 text-slate-900",
  notNeeded: "border-slate-400 bg-slate-50 text-slate-800",
  later: "border-slate-400 bg-white text-slate-800",
};

/**
 * The student's arrival hub (issue 16): one line per step, in the order they meet them, each
 * a link to where it is done, with its state and date. Its own component, so the dossier page
 * only places it.
 */
export async function ArrivalHub({ locale, viewer }: { locale: AppLocale; viewer: Pick<Viewer, "id"> }) {
  const steps = await getArrivalHub(viewer);
  if (!steps) return null;
  const [t, format] = await Promise.all([
    getTranslations({ locale, namespace: "integration.hub" }),
    getFormatter({ locale }),
  ]);
  const detail = (entry: StepDetail) => {
    switch (entry.key) {
      case "applicationAccepted":
      case "weekConfirmed":
        return t(`details.${entry.key}`, { date: format.dateTime(entry.date, { dateStyle: "long", timeZone: "UTC" }) });
      case "welcomeDeskBooked":
        return t(`details.${entry.key}`, {
          date: format.dateTime(entry.date, { dateStyle: "long", timeStyle: "short", timeZone: parisTimeZone }),
        });
      case "mentorAssigned":
      case "sponsorMatched":
        return t(`details.${entry.key}`, { name: entry.name });
      default:
        return t(`details.${entry.key}`);
    }
  };
  return (
    <section aria-labelledby="hub-title" className="flex flex-col gap-3">
      <h2 id="hub-title" className="text-2xl font-semibold">
        {t("title")}
      </h2>
      <p>{t("intro")}</p>
      <ol className="flex flex-col gap-2" data-testid="arrival-hub">
        {steps.map((step) => (
          <li key={step.key} className="flex flex-wrap items-center gap-3 rounded border border-slate-300 bg-white p-3">
            <span className={`rounded border px-2 py-0.5 text-sm font-medium ${stateClass[step.state]}`}>
              {t(`status.${step.state}`)}
            </span>
            <Link href={step.href} className="font-semibold text-brand underline hover:text-brand-dark">
              {t(`steps.${step.key}`)}
            </Link>
            <span>{detail(step.detail)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

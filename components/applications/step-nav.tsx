import { getTranslations } from "next-intl/server";
import { type ApplicationStep, applicationSteps } from "@/lib/applications/schemas";
import { Link } from "@/lib/i18n/navigation";

/** The list of steps: where the student is, and which are done. */
export async function StepNav({ current, done }: { current: ApplicationStep; done: ApplicationStep[] }) {
  const t = await getTranslations("apply");
  return (
    <nav aria-label={t("stepsLabel")}>
      <ol className="flex flex-wrap gap-2">
        {applicationSteps.map((step, index) => {
          const isCurrent = step === current;
          return (
            <li key={step}>
              <Link
                href={`/apply/${step}`}
                aria-current={isCurrent ? "step" : undefined}
                className={`block rounded border px-3 py-1 text-sm ${isCurrent ? "border-brand bg-brand text-white" : "border-slate-400 bg-white text-slate-900 hover:bg-slate-100"}`}
              >
                {index + 1}. {t(`steps.${step}`)}
                <span className="sr-only"> ({done.includes(step) ? t("stepDone") : t("stepTodo")})</span>
                {done.includes(step) && <span aria-hidden="true"> ✓</span>}
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

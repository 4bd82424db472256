"use client";

import { useTranslations } from "next-intl";
import { formatAcademicYear } from "@/lib/academic-year";
import type { PartnerCoverage } from "@/lib/applications/coverage";

/**
 * R-ELI-1 up front: what the agreements with the chosen university cover, per academic year, or
 * that there is none (with the international office's address), announced as the choice changes.
 */
export function CoveragePanel({
  coverage,
  componentNames,
  contactEmail,
}: {
  coverage: PartnerCoverage | undefined;
  componentNames: Record<string, string>;
  contactEmail: string;
}) {
  const t = useTranslations("apply.home.coverage");
  const te = useTranslations("enums");
  return (
    <div aria-live="polite" data-testid="coverage">
      {coverage && !coverage.covered && (
        <div role="note" className="rounded border border-amber-500 bg-amber-50 p-3">
          <p className="font-semibold">{t(coverage.reason === "none" ? "none" : "expired")}</p>
          <p>
            {t("contact")}{" "}
            {contactEmail && (
              <a href={`mailto:${contactEmail}`} className="font-medium text-brand underline">
                {contactEmail}
              </a>
            )}
          </p>
        </div>
      )}
      {coverage?.covered && (
        <div className="rounded border border-slate-300 bg-white p-3">
          <p className="font-semibold">{t("title")}</p>
          <ul className="list-disc space-y-1 pl-6">
            {coverage.years.map((year) => (
              <li key={year.academicYear}>
                {t("year", {
                  year: formatAcademicYear(year.academicYear),
                  components: year.componentIds.map((id) => componentNames[id] ?? id).join(", "),
                  levels: year.studyLevels.map((level) => te(`studyLevel.${level}`)).join(", "),
                  periods: year.periods.map((period) => te(`period.${period}`)).join(", "),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

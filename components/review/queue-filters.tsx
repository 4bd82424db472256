import { getTranslations } from "next-intl/server";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { academicYearOf, academicYearOptions } from "@/lib/academic-year";
import { reviewerStatuses } from "@/lib/application-status";
import { Link } from "@/lib/i18n/navigation";

type Option = { value: string; label: string };

/** A plain GET form: the filters live in the URL, so a filtered queue can be bookmarked or shared. */
export async function QueueFilters(props: {
  query: Record<string, string>;
  partners: Option[];
  /** Where "clear the filters" leads: the page the filters are on. */
  resetHref?: "/review" | "/review/mail";
}) {
  const t = await getTranslations("review.filter");
  const tr = await getTranslations("review");
  const te = await getTranslations("enums");
  const { query } = props;
  const thisYear = academicYearOf(new Date());
  const options = {
    statuses: reviewerStatuses.map((status) => ({ value: status, label: te(`applicationStatus.${status}`) })),
    periods: (["S1", "S2", "FULL_YEAR"] as const).map((period) => ({ value: period, label: te(`period.${period}`) })),
    years: academicYearOptions(thisYear),
  };
  return (
    <section aria-labelledby="filters-title" className="rounded border border-slate-300 bg-white p-4">
      <h2 id="filters-title" className="mb-3 text-xl font-semibold">
        {tr("filtersTitle")}
      </h2>
      <form method="get" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field name="q" type="search" label={t("q")} defaultValue={query.q ?? ""} />
        <SelectField
          name="status"
          label={t("status")}
          options={options.statuses}
          placeholder={t("any")}
          defaultValue={query.status ?? ""}
        />
        <SelectField
          name="period"
          label={t("period")}
          options={options.periods}
          placeholder={t("any")}
          defaultValue={query.period ?? ""}
        />
        <SelectField
          name="year"
          label={t("year")}
          options={options.years}
          placeholder={t("any")}
          defaultValue={query.year ?? ""}
        />
        <SelectField
          name="partner"
          label={t("partner")}
          options={props.partners}
          placeholder={t("any")}
          defaultValue={query.partner ?? ""}
        />
        <SelectField
          name="french"
          label={t("french")}
          options={[{ value: "below", label: t("frenchBelow") }]}
          placeholder={t("any")}
          defaultValue={query.french ?? ""}
        />
        <SelectField
          name="housing"
          label={t("housing")}
          options={[
            { value: "yes", label: t("housingYes") },
            { value: "no", label: t("housingNo") },
          ]}
          placeholder={t("any")}
          defaultValue={query.housing ?? ""}
        />
        <SelectField
          name="origin"
          label={t("origin")}
          options={[
            { value: "europe", label: t("originEurope") },
            { value: "outsideEurope", label: t("originOutside") },
          ]}
          placeholder={t("any")}
          defaultValue={query.origin ?? ""}
        />
        <SelectField
          name="sort"
          label={t("sort")}
          options={[
            { value: "recent", label: t("recent") },
            { value: "oldest", label: t("oldest") },
            { value: "name", label: t("name") },
          ]}
          defaultValue={query.sort ?? "recent"}
        />
        <div className="flex items-end gap-4 sm:col-span-2 lg:col-span-4">
          <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
            {t("apply")}
          </button>
          <Link href={props.resetHref ?? "/review"} className="text-brand underline">
            {t("reset")}
          </Link>
        </div>
      </form>
    </section>
  );
}

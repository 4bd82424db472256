import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { academicYearOf, formatAcademicYear } from "@/lib/academic-year";
import { kindName } from "@/lib/agreements/kinds/queries";
import { listCataloguePartners } from "@/lib/catalogue/queries";
import { coversEveryComponent, partnerMatches } from "@/lib/catalogue/rules";
import { ZCatalogueQuery } from "@/lib/catalogue/schemas";
import { StudyLevel } from "@/lib/generated/prisma/enums";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "catalogue" });
  return { title: t("title"), description: t("intro") };
}

const sorted = (items: Iterable<string>) => [...new Set(items)].sort((a, b) => a.localeCompare(b));

/** The public catalogue of partners and destinations (R-PAR-1, R-PAR-2): server-rendered, no sign-in. */
export default async function PartnersCataloguePage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "catalogue" });
  const te = await getTranslations({ locale, namespace: "enums" });
  const thisYear = academicYearOf(new Date());
  const [partners, raw] = await Promise.all([listCataloguePartners(thisYear), searchParams]);
  const query = ZCatalogueQuery.parse(raw);
  const shown = partners.filter((partner) => partnerMatches(partner, query));
  const countries = new Intl.DisplayNames([locale], { type: "region" });
  const countryName = (code: string) => countries.of(code) ?? code;
  const languages = new Intl.DisplayNames([locale], { type: "language" });
  const componentsByCode = new Map(
    partners.flatMap((partner) =>
      partner.agreements.flatMap((agreement) =>
        agreement.components.map((component) => [component.code, component] as const),
      ),
    ),
  );
  // R-PAR-1: the kinds offered are those of the agreements shown (the page's one query).
  const kindsByCode = new Map(
    partners.flatMap((partner) =>
      partner.agreements.map((agreement) => [agreement.kind, agreement.agreementKind] as const),
    ),
  );
  const option = (value: string, label = value) => ({ value, label });
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-lg">{t("intro")}</p>
      </div>
      <section aria-labelledby="catalogue-filters" className="rounded border border-slate-300 bg-white p-4">
        <h2 id="catalogue-filters" className="mb-3 text-xl font-semibold">
          {t("filtersHeading")}
        </h2>
        <form method="get" className="grid gap-4 md:grid-cols-2">
          <Field name="q" type="search" label={t("q")} defaultValue={query.q ?? ""} maxLength={100} />
          <SelectField
            name="country"
            label={t("country")}
            placeholder={t("any")}
            defaultValue={query.country}
            options={sorted(partners.map((partner) => partner.country)).map((code) => option(code, countryName(code)))}
          />
          <SelectField
            name="city"
            label={t("city")}
            placeholder={t("any")}
            defaultValue={query.city}
            options={sorted(partners.map((partner) => partner.city)).map((city) => option(city))}
          />
          <SelectField
            name="network"
            label={t("network")}
            placeholder={t("any")}
            defaultValue={query.network}
            options={sorted(partners.flatMap((partner) => partner.networks)).map((network) => option(network))}
          />
          <SelectField
            name="kind"
            label={t("kind")}
            placeholder={t("any")}
            defaultValue={query.kind}
            options={[...kindsByCode]
              .map(([code, kind]) => option(code, kindName(kind, locale)))
              .sort((a, b) => a.label.localeCompare(b.label))}
          />
          <SelectField
            name="component"
            label={t("component")}
            placeholder={t("any")}
            defaultValue={query.component}
            // The code stays the URL's value; readers see the faculty's name, never the internal code.
            options={[...componentsByCode.values()]
              .map((component) => option(component.code, locale === "fr" ? component.nameFr : component.nameEn))
              .sort((a, b) => a.label.localeCompare(b.label, locale))}
          />
          <SelectField
            name="level"
            label={t("level")}
            placeholder={t("any")}
            defaultValue={query.level}
            options={Object.values(StudyLevel).map((level) => option(level, te(`studyLevel.${level}`)))}
          />
          <SelectField
            name="language"
            label={t("language")}
            placeholder={t("any")}
            defaultValue={query.language}
            options={sorted(
              partners.flatMap((partner) => partner.agreements.flatMap((agreement) => agreement.instructionLanguages)),
            ).map((code) => option(code, languages.of(code) ?? code))}
          />
          <div className="flex flex-wrap items-center gap-4 md:col-span-2">
            <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
              {t("apply")}
            </button>
            <Link href="/partners" className="font-medium text-brand underline">
              {t("reset")}
            </Link>
          </div>
        </form>
      </section>
      {shown.length === 0 ? (
        <p role="status">{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("caption", {
            count: shown.length,
            year: formatAcademicYear(thisYear),
            next: formatAcademicYear(thisYear + 1),
          })}
          columns={[t("colPartner"), t("colPlace"), t("colKinds"), t("colLevels")]}
          rows={shown.map((partner) => [
            <Link key="name" href={`/partners/${partner.id}`} className="font-medium text-brand underline">
              {partner.name}
            </Link>,
            t("place", { city: partner.city, country: countryName(partner.country) }),
            sorted(
              partner.agreements.map(
                (agreement) =>
                  `${kindName(agreement.agreementKind, locale)}${coversEveryComponent(agreement) ? ` (${t("allComponents")})` : ""}`,
              ),
            ).join(", "),
            sorted(
              partner.agreements.flatMap((agreement) =>
                agreement.studyLevels.map((level) => te(`studyLevel.${level}`)),
              ),
            ).join(", "),
          ])}
        />
      )}
    </div>
  );
}

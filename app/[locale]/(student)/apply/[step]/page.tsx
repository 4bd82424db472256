import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DocumentsStep } from "@/components/applications/documents-step";
import { HomeStep } from "@/components/applications/home-step";
import { HousingStep } from "@/components/applications/housing-step";
import { IdentityStep } from "@/components/applications/identity-step";
import { LanguagesStep } from "@/components/applications/languages-step";
import { StepHeading } from "@/components/applications/step-heading";
import { StepNav } from "@/components/applications/step-nav";
import { StudyStep } from "@/components/applications/study-step";
import { SubmitStep } from "@/components/applications/submit-step";
import { applicationYears, formatAcademicYear } from "@/lib/academic-year";
import { isEditableByStudent } from "@/lib/application-status";
import { incompleteSteps } from "@/lib/applications/completeness";
import { courseValues, formValues } from "@/lib/applications/form-values";
import {
  getApplicationFormOptions,
  getOwnApplication,
  getOwnApplicationDetails,
  getPartnerCoverages,
} from "@/lib/applications/queries";
import { missingDocuments } from "@/lib/applications/rules";
import { type ApplicationStep, applicationSteps } from "@/lib/applications/schemas";
import { requireRole } from "@/lib/auth/guard";
import { listOpenAndUpcomingCalls } from "@/lib/calls/queries";
import { housingRoundReleasedFor } from "@/lib/housing/requests";
import { countryOptions } from "@/lib/i18n/countries";
import { pageLocale } from "@/lib/i18n/locale";
import { Link } from "@/lib/i18n/navigation";
import { getPortalSettings } from "@/lib/settings/queries";

type Props = { params: Promise<{ locale: string; step: string }> };

function stepOf(value: string): ApplicationStep {
  if (!(applicationSteps as readonly string[]).includes(value)) notFound();
  return value as ApplicationStep;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { step } = await params;
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "apply" });
  return { title: `${t(`steps.${stepOf(step)}`)} · ${t("title")}` };
}

export default async function ApplyStepPage({ params }: Props) {
  const locale = await pageLocale(params);
  const step = stepOf((await params).step);
  const viewer = await requireRole(locale, ["STUDENT"], `/apply/${step}`);
  const [t, te, application] = await Promise.all([
    getTranslations({ locale, namespace: "apply" }),
    getTranslations({ locale, namespace: "enums" }),
    getOwnApplication(viewer),
  ]);

  const header = (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
    </div>
  );
  if (application && !isEditableByStudent(application.status)) {
    return (
      <div className="flex flex-col gap-6">
        {header}
        <p className="rounded border border-slate-400 bg-white p-3">{t("readOnly")}</p>
        <p>
          <Link href="/dossier" className="font-medium text-brand underline">
            {t("toDossier")}
          </Link>
        </p>
      </div>
    );
  }

  const uploaded = application?.documents.map((document) => document.kind) ?? [];
  const missingSteps = application
    ? incompleteSteps(application)
    : applicationSteps.filter((candidate) => candidate !== "documents" && candidate !== "submit");
  const done = applicationSteps.filter((candidate) =>
    candidate === "documents"
      ? application !== null && missingDocuments(uploaded).length === 0
      : candidate !== "submit" && !missingSteps.includes(candidate),
  );
  const saved = formValues(application, viewer.email);

  return (
    <div className="flex flex-col gap-6">
      {header}
      {application?.status === "CHANGES_REQUESTED" && (
        <p className="rounded border border-amber-400 bg-amber-50 p-3">{t("changesRequestedBanner")}</p>
      )}
      <StepNav current={step} done={done} />
      <StepHeading step={step}>{t(`steps.${step}`)}</StepHeading>
      {await renderStep()}
    </div>
  );

  async function renderStep() {
    switch (step) {
      case "identity":
        return <IdentityStep saved={saved} countries={countryOptions(locale)} />;
      case "home": {
        const [{ partners, components }, settings, coverages] = await Promise.all([
          getApplicationFormOptions(),
          getPortalSettings(),
          getPartnerCoverages(applicationYears(new Date())),
        ]);
        const names = new Intl.DisplayNames([locale], { type: "region" });
        return (
          <HomeStep
            saved={saved}
            partners={partners.map((partner) => ({
              value: partner.id,
              label: `${partner.name} (${partner.city}, ${names.of(partner.country) ?? partner.country})`,
            }))}
            contactEmail={settings.incomingEmail ?? ""}
            coverages={coverages}
            componentNames={Object.fromEntries(
              components.map((component) => [component.id, locale === "fr" ? component.nameFr : component.nameEn]),
            )}
          />
        );
      }
      case "study": {
        const [{ components, programmes }, calls, coverages] = await Promise.all([
          getApplicationFormOptions(),
          listOpenAndUpcomingCalls(),
          getPartnerCoverages(applicationYears(new Date())),
        ]);
        // R-ELI-1 up front: only what the home university's agreements cover (checked again at submission).
        const coverage = application?.partnerId ? coverages[application.partnerId] : undefined;
        const covered = coverage?.covered ? coverage.years : null;
        const isCovered = (value: string, key: "componentIds" | "studyLevels" | "periods") =>
          !covered || covered.some((year) => (year[key] as string[]).includes(value));
        // R-ELI-8: only the years and periods of an open call are offered (the server checks too),
        // plus the draft's own, so that a draft in a call that has closed since shows what it holds.
        const open = calls.filter((call) => call.state === "open");
        const offered = (value: string | number, key: "academicYear" | "period") =>
          (open.some((call) => call[key] === value) && (key !== "period" || isCovered(String(value), "periods"))) ||
          application?.[key] === value;
        const localName = (row: { nameFr: string; nameEn: string }) => (locale === "fr" ? row.nameFr : row.nameEn);
        return (
          <StudyStep
            saved={saved}
            savedCourses={courseValues(application?.plannedCourses)}
            components={components
              .filter(
                (component) => isCovered(component.id, "componentIds") || application?.componentId === component.id,
              )
              .map((component) => ({ value: component.id, label: localName(component) }))}
            programmes={programmes.map((programme) => ({
              value: programme.id,
              label: `${localName(programme)} — ${te(`teachingLanguage.${programme.teachingLanguage}`)}`,
              componentId: programme.componentId,
              level: programme.level,
              doubleDegree: programme.doubleDegree,
            }))}
            levels={(["BACHELOR", "MASTER", "DOCTORATE"] as const)
              .filter((level) => isCovered(level, "studyLevels") || application?.studyLevel === level)
              .map((level) => ({
                value: level,
                label: te(`studyLevel.${level}`),
              }))}
            periods={(["S1", "S2", "FULL_YEAR"] as const)
              .filter((period) => offered(period, "period"))
              .map((period) => ({ value: period, label: te(`period.${period}`) }))}
            years={applicationYears(new Date())
              .filter((year) => offered(year, "academicYear"))
              .map((year) => ({ value: String(year), label: formatAcademicYear(year) }))}
          />
        );
      }
      case "languages":
        return <LanguagesStep saved={saved} />;
      case "housing":
        return (
          <HousingStep
            saved={saved}
            roundReleased={application ? await housingRoundReleasedFor(application) : false}
            cities={(["AIX", "MARSEILLE", "NO_PREFERENCE"] as const).map((city) => ({
              value: city,
              label: te(`housingCity.${city}`),
            }))}
          />
        );
      case "documents":
        return <DocumentsStep applicationId={application?.id ?? null} locale={locale} />;
      case "submit":
        return (
          <SubmitStep
            locale={locale}
            application={await getOwnApplicationDetails(viewer)}
            missingSteps={missingSteps}
            missingDocumentKinds={missingDocuments(uploaded)}
          />
        );
    }
  }
}

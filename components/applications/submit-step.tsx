import { getTranslations } from "next-intl/server";
import { ApplicationSummary } from "@/components/applications/application-summary";
import { SubmitApplicationForm } from "@/components/applications/submit-application-form";
import type { ApplicationDetails } from "@/lib/applications/queries";
import { needsFrenchWarning } from "@/lib/applications/rules";
import type { ApplicationStep } from "@/lib/applications/schemas";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { Link } from "@/lib/i18n/navigation";

/**
 * The last step: what is still missing, a preview of the French-level warning (R-ELI-3), the
 * summary, and the submission (whose rules run again on the server).
 */
export async function SubmitStep(props: {
  locale: "fr" | "en";
  application: ApplicationDetails | null;
  missingSteps: ApplicationStep[];
  missingDocumentKinds: DocumentKind[];
}) {
  const { application, locale } = props;
  const t = await getTranslations({ locale, namespace: "apply" });
  const td = await getTranslations({ locale, namespace: "documents" });
  const complete = props.missingSteps.length === 0 && props.missingDocumentKinds.length === 0;
  const frenchWarning =
    application?.languagesDeclared &&
    needsFrenchWarning(application.frenchLevel, application.programme?.teachingLanguage ?? null);
  return (
    <div className="flex flex-col gap-6">
      <p>{t("submit.intro")}</p>
      <MissingList
        id="missing-steps"
        title={t("submit.missingSteps")}
        items={props.missingSteps.map((step) => ({ key: step, label: t(`steps.${step}`), href: `/apply/${step}` }))}
      />
      <MissingList
        id="missing-documents"
        title={t("submit.missingDocuments")}
        items={props.missingDocumentKinds.map((kind) => ({
          key: kind,
          label: td(`kind.${kind}`),
          href: "/apply/documents",
        }))}
      />
      {complete && <p className="rounded border border-green-700 bg-green-50 p-3">{t("submit.allComplete")}</p>}
      {frenchWarning && (
        <p role="note" className="rounded border border-amber-400 bg-amber-50 p-3">
          {t("submit.frenchWarning", { period: application?.period ?? "S1" })}
        </p>
      )}
      {application && <ApplicationSummary application={application} locale={locale} />}
      {application && <SubmitApplicationForm resubmit={application.status === "CHANGES_REQUESTED"} />}
    </div>
  );
}

function MissingList({
  id,
  title,
  items,
}: {
  id: string;
  title: string;
  items: { key: string; label: string; href: string }[];
}) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id} className="rounded border border-amber-400 bg-amber-50 p-3">
      <h3 id={id} className="font-semibold">
        {title}
      </h3>
      <ul className="list-disc pl-6">
        {items.map((item) => (
          <li key={item.key}>
            <Link href={item.href} className="text-brand underline">
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { getTranslations } from "next-intl/server";
import { ArrivalStepToggle } from "@/components/arrival/arrival-step-toggle";
import { DocumentUpload } from "@/components/documents/document-upload";
import type { StudentArrival } from "@/lib/arrival/queries";
import { localized } from "@/lib/i18n/localized";
import type { AppLocale } from "@/lib/i18n/routing";

/**
 * The procedure's steps in order (R-VIS-2…4): what each asks for (a copy to upload, or
 * something to bring), its fee, and the student's "done" box. Copies go through the same
 * upload as the application's documents (type by content, size cap).
 */
export async function ArrivalSteps({
  locale,
  arrival,
  maxBytes,
}: {
  locale: AppLocale;
  arrival: StudentArrival;
  maxBytes: number;
}) {
  const t = await getTranslations({ locale, namespace: "arrival.procedure" });
  const procedure = arrival.procedure!;
  const completed = arrival.checklist?.completedAt != null;
  return (
    <ol className="flex flex-col gap-4">
      {procedure.steps.map((step, index) => {
        const title = localized(locale, step.titleFr, step.titleEn);
        const done = arrival.doneStepIds.has(step.id);
        const uploads = step.documents.flatMap((document) => (document.uploadKind ? [document.uploadKind] : []));
        return (
          <li key={step.id} className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-4">
            <h3 className="text-lg font-semibold">
              {t("stepHeading", { number: index + 1, title })}
              {done && (
                <span className="ml-2 rounded bg-green-100 px-2 py-0.5 text-sm font-medium text-green-900">
                  {t("done")}
                </span>
              )}
            </h3>
            <p>{localized(locale, step.bodyFr, step.bodyEn)}</p>
            {step.documents.length > 0 && (
              <div className="flex flex-col gap-1">
                <p className="font-medium">{t("documents")}</p>
                <ul className="list-disc pl-6">
                  {step.documents.map((document) => (
                    <li key={document.id}>
                      {localized(locale, document.labelFr, document.labelEn)}
                      {!document.uploadKind && <span className="text-slate-700"> ({t("bring")})</span>}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {step.fee && (
              <p>
                {t("fee", {
                  name: localized(locale, step.fee.nameFr, step.fee.nameEn),
                  amount: step.fee.amountCents / 100,
                })}
              </p>
            )}
            {uploads.map((kind) => (
              <DocumentUpload
                key={kind}
                kind={kind}
                required
                document={arrival.documents.find((document) => document.kind === kind) ?? null}
                maxBytes={maxBytes}
                editable={!completed}
              />
            ))}
            {uploads.length > 0 && !done && <p className="text-sm text-slate-700">{t("uploadsFirst")}</p>}
            <ArrivalStepToggle stepId={step.id} title={title} done={done} disabled={completed} />
          </li>
        );
      })}
    </ol>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { visaTypes } from "@/lib/arrival/rules";
import { visaDocumentKinds } from "@/lib/documents/rules";
import { reviseProcedureAction } from "@/lib/visa-procedures/actions";
import type { ProcedureForEdit } from "@/lib/visa-procedures/queries";

type DocumentRow = { key: number; labelFr: string; labelEn: string; uploadKind: string };
type StepRow = {
  key: number;
  titleFr: string;
  titleEn: string;
  bodyFr: string;
  bodyEn: string;
  feeId: string;
  documents: DocumentRow[];
};
type StepText = "titleFr" | "titleEn" | "bodyFr" | "bodyEn";
type DocumentText = "labelFr" | "labelEn";

/** As the schema allows (ZProcedureStep). */
const maxDocumentsPerStep = 10;

let nextKey = 0;
const key = () => ++nextKey;

function rowsOf(procedure: ProcedureForEdit): StepRow[] {
  return procedure.steps.map((step) => ({
    key: key(),
    titleFr: step.titleFr,
    titleEn: step.titleEn,
    bodyFr: step.bodyFr,
    bodyEn: step.bodyEn,
    feeId: step.feeId ?? "",
    documents: step.documents.map((document) => ({
      key: key(),
      labelFr: document.labelFr,
      labelEn: document.labelEn,
      uploadKind: document.uploadKind ?? "",
    })),
  }));
}

/** What the action receives in its `steps` field: the rows without their React keys. */
function serialize(steps: StepRow[]): string {
  return JSON.stringify(
    steps.map(({ key: _key, feeId, documents, ...step }) => ({
      ...step,
      feeId: feeId || null,
      documents: documents.map(({ key: _documentKey, uploadKind, ...document }) => ({
        ...document,
        uploadKind: uploadKind || null,
      })),
    })),
  );
}

// The step and document controls have no name: only the serialized `steps` field is sent
// (a control without a name is not part of the form's data).

/**
 * R-VIS-1…4: a procedure as data — names, summary, deadline, visas covered, reminder days,
 * and its steps with their documents and fees. Steps are edited in place (add, remove, move)
 * and sent as one JSON field; the server validates it like any other field and its errors
 * come back next to the step's field they name ("steps.2.titleEn"). Nothing is saved until
 * "Save"; the server decides whether this is an edit in place or a new version.
 */
export function ProcedureEditor({
  procedure,
  fees,
}: {
  procedure: ProcedureForEdit;
  fees: { value: string; label: string }[];
}) {
  const t = useTranslations("admin.visa.editor");
  const tc = useTranslations("admin.common");
  const { failed, form, value, selected, error } = useAdminForm(reviseProcedureAction);
  const [steps, setSteps] = useState<StepRow[]>(() => rowsOf(procedure));
  const prefix = useId();
  const kinds = useTranslations("documents.kind");

  const updateStep = (index: number, change: Partial<StepRow>) =>
    setSteps((rows) => rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  const moveStep = (index: number, by: number) =>
    setSteps((rows) => {
      const target = index + by;
      if (target < 0 || target >= rows.length) return rows;
      const copy = [...rows];
      [copy[index], copy[target]] = [copy[target]!, copy[index]!];
      return copy;
    });
  const updateDocument = (stepIndex: number, documentIndex: number, change: Partial<DocumentRow>) =>
    updateStep(stepIndex, {
      documents: steps[stepIndex]!.documents.map((document, at) =>
        at === documentIndex ? { ...document, ...change } : document,
      ),
    });

  const stepField = (index: number, name: StepText, label: string, area = false) => {
    const id = `${prefix}-step-${index}-${name}`;
    const props = {
      id,
      name: "",
      label,
      required: true,
      value: steps[index]![name],
      error: error(`steps.${index}.${name}`),
    };
    return area ? (
      <TextAreaField
        {...props}
        rows={3}
        onChange={(event) => updateStep(index, { [name]: event.currentTarget.value })}
      />
    ) : (
      <Field {...props} onChange={(event) => updateStep(index, { [name]: event.currentTarget.value })} />
    );
  };
  const documentField = (stepIndex: number, documentIndex: number, name: DocumentText, label: string) => {
    const id = `${prefix}-step-${stepIndex}-document-${documentIndex}-${name}`;
    return (
      <Field
        id={id}
        name=""
        label={label}
        required
        value={steps[stepIndex]!.documents[documentIndex]![name]}
        error={error(`steps.${stepIndex}.documents.${documentIndex}.${name}`)}
        onChange={(event) => updateDocument(stepIndex, documentIndex, { [name]: event.currentTarget.value })}
      />
    );
  };
  const button =
    "rounded border border-slate-500 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50";

  return (
    <form {...form} className="flex flex-col gap-6">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="procedureId" value={procedure.id} />
      <input type="hidden" name="steps" value={serialize(steps)} />

      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          name="nameFr"
          label={t("nameFr")}
          required
          defaultValue={value("nameFr", procedure.nameFr)}
          error={error("nameFr")}
        />
        <Field
          name="nameEn"
          label={t("nameEn")}
          required
          defaultValue={value("nameEn", procedure.nameEn)}
          error={error("nameEn")}
        />
        <TextAreaField
          name="summaryFr"
          label={t("summaryFr")}
          required
          defaultValue={value("summaryFr", procedure.summaryFr)}
          error={error("summaryFr")}
        />
        <TextAreaField
          name="summaryEn"
          label={t("summaryEn")}
          required
          defaultValue={value("summaryEn", procedure.summaryEn)}
          error={error("summaryEn")}
        />
        <Field
          name="deadlineMonths"
          inputMode="numeric"
          label={t("deadlineMonths")}
          hint={t("deadlineMonthsHint")}
          required
          defaultValue={value("deadlineMonths", procedure.deadlineMonths)}
          error={error("deadlineMonths")}
        />
        <Field
          name="reminderDays"
          label={t("reminderDays")}
          hint={t("reminderDaysHint")}
          defaultValue={value("reminderDays", procedure.reminderDays.join(", "))}
          error={error("reminderDays")}
        />
        <Field
          name="excludedNationalities"
          label={t("excludedNationalities")}
          hint={t("excludedNationalitiesHint")}
          defaultValue={value("excludedNationalities", procedure.excludedNationalities.join(" "))}
          error={error("excludedNationalities")}
        />
      </div>
      <CheckboxGroup
        name="visaTypes"
        legend={t("visaTypes")}
        hint={t("visaTypesHint")}
        options={visaTypes.map((type) => ({ value: type, label: t(`visaType.${type}`) }))}
        defaultValues={selected("visaTypes", procedure.visaTypes)}
        error={error("visaTypes")}
      />

      <section aria-labelledby={`${prefix}-steps`} className="flex flex-col gap-4">
        <h2 id={`${prefix}-steps`} className="text-xl font-semibold">
          {t("steps")}
        </h2>
        {error("steps") && (
          <p role="alert" className="font-medium text-red-800">
            {error("steps")}
          </p>
        )}
        <ol className="flex flex-col gap-4">
          {steps.map((step, index) => (
            <li key={step.key}>
              <fieldset className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-4">
                <legend className="px-1 font-semibold">{t("stepLegend", { number: index + 1 })}</legend>
                {(error(`steps.${index}`) ?? error(`steps.${index}.documents`)) && (
                  <p className="font-medium text-red-800">
                    {error(`steps.${index}`) ?? error(`steps.${index}.documents`)}
                  </p>
                )}
                <div className="grid gap-4 sm:grid-cols-2">
                  {stepField(index, "titleFr", t("titleFr"))}
                  {stepField(index, "titleEn", t("titleEn"))}
                  {stepField(index, "bodyFr", t("bodyFr"), true)}
                  {stepField(index, "bodyEn", t("bodyEn"), true)}
                </div>
                <SelectField
                  id={`${prefix}-step-${index}-fee`}
                  name=""
                  label={t("fee")}
                  options={fees}
                  placeholder={t("noFee")}
                  value={step.feeId}
                  onChange={(event) => updateStep(index, { feeId: event.currentTarget.value })}
                  error={error(`steps.${index}.feeId`)}
                />
                <fieldset className="flex flex-col gap-3">
                  <legend className="font-medium">{t("documents", { number: index + 1 })}</legend>
                  {step.documents.map((document, documentIndex) => (
                    <div key={document.key} className="grid gap-3 rounded border border-slate-200 p-3 sm:grid-cols-3">
                      {documentField(
                        index,
                        documentIndex,
                        "labelFr",
                        t("documentLabelFr", { number: documentIndex + 1 }),
                      )}
                      {documentField(
                        index,
                        documentIndex,
                        "labelEn",
                        t("documentLabelEn", { number: documentIndex + 1 }),
                      )}
                      <SelectField
                        id={`${prefix}-step-${index}-document-${documentIndex}-upload`}
                        name=""
                        label={t("uploadKind", { number: documentIndex + 1 })}
                        options={visaDocumentKinds.map((kind) => ({ value: kind, label: kinds(kind) }))}
                        placeholder={t("toBring")}
                        value={document.uploadKind}
                        onChange={(event) =>
                          updateDocument(index, documentIndex, { uploadKind: event.currentTarget.value })
                        }
                        error={error(`steps.${index}.documents.${documentIndex}.uploadKind`)}
                      />
                      <div className="sm:col-span-3">
                        <button
                          type="button"
                          className={button}
                          onClick={() =>
                            updateStep(index, { documents: step.documents.filter((_, at) => at !== documentIndex) })
                          }
                        >
                          {t("removeDocument", { number: documentIndex + 1, step: index + 1 })}
                        </button>
                      </div>
                    </div>
                  ))}
                  <div>
                    <button
                      type="button"
                      className={button}
                      disabled={step.documents.length >= maxDocumentsPerStep}
                      onClick={() =>
                        updateStep(index, {
                          documents: [...step.documents, { key: key(), labelFr: "", labelEn: "", uploadKind: "" }],
                        })
                      }
                    >
                      {t("addDocument", { step: index + 1 })}
                    </button>
                  </div>
                </fieldset>
                <div className="flex flex-wrap gap-2">
                  <button type="button" className={button} disabled={index === 0} onClick={() => moveStep(index, -1)}>
                    {t("moveUp", { number: index + 1 })}
                  </button>
                  <button
                    type="button"
                    className={button}
                    disabled={index === steps.length - 1}
                    onClick={() => moveStep(index, 1)}
                  >
                    {t("moveDown", { number: index + 1 })}
                  </button>
                  <button
                    type="button"
                    className={button}
                    onClick={() => setSteps((rows) => rows.filter((_, at) => at !== index))}
                  >
                    {t("removeStep", { number: index + 1 })}
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <div>
          <button
            type="button"
            className={button}
            onClick={() =>
              setSteps((rows) => [
                ...rows,
                { key: key(), titleFr: "", titleEn: "", bodyFr: "", bodyEn: "", feeId: "", documents: [] },
              ])
            }
          >
            {t("addStep")}
          </button>
        </div>
      </section>

      <p className="text-sm text-slate-700">
        {procedure._count.checklists > 0 ? t("willVersion", { count: procedure._count.checklists }) : t("inPlace")}
      </p>
      <div>
        <SubmitButton label={tc("save")} pendingLabel={tc("saving")} />
      </div>
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { RadioGroup } from "@/components/ui/radio-group";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { useSubmittedChoices } from "@/components/ui/use-submitted-choices";
import { reviewDocumentAction } from "@/lib/documents/review/actions";

/**
 * R-MSG-6: one document's line of the reviewers' checklist: accepted, or to be replaced with the
 * message the student reads. A refusal keeps the choice and the text.
 */
export function DocumentChecklistForm({
  documentId,
  documentLabel,
  review,
  note,
}: {
  documentId: string;
  /** The document's kind, to name the fields apart when several forms share the page. */
  documentLabel: string;
  review: "PENDING" | "ACCEPTED" | "TO_REPLACE";
  note: string | null;
}) {
  const t = useTranslations("review.checklist");
  const { failed, formAction } = useFormAction(reviewDocumentAction);
  const { onSubmit, choices } = useSubmittedChoices();
  const verdict = failed ? choices("verdict")[0] : review === "PENDING" ? undefined : review;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
      <FormAlert message={failed?.message} />
      <input type="hidden" name="documentId" value={documentId} />
      <RadioGroup
        name="verdict"
        legend={t("legend", { document: documentLabel })}
        options={[
          { value: "ACCEPTED", label: t("accepted") },
          { value: "TO_REPLACE", label: t("toReplace") },
        ]}
        defaultValue={verdict}
        error={failed?.fieldErrors.verdict}
      />
      <TextAreaField
        id={`note-${documentId}`}
        name="note"
        label={t("note", { document: documentLabel })}
        hint={t("noteHint")}
        rows={2}
        maxLength={1000}
        defaultValue={failed?.values.note ?? note ?? ""}
        error={failed?.fieldErrors.note}
      />
      <div>
        <SubmitButton label={t("save", { document: documentLabel })} pendingLabel={t("saving")} />
      </div>
    </form>
  );
}

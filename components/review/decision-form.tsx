"use client";

import { useTranslations } from "next-intl";
import { ConfirmSubmitButton } from "@/components/ui/confirm-submit-button";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { decideAction } from "@/lib/applications/actions";
import type { MessageKey } from "@/lib/i18n/message-key";

type Decision = "startReview" | "requestChanges" | "accept" | "reject";

type Text = MessageKey<"review.dossier">;

const texts: Record<
  Exclude<Decision, "startReview">,
  { title: Text; field: Text; hint: Text; submit: Text; required: boolean }
> = {
  requestChanges: {
    title: "requestChanges",
    field: "message",
    hint: "requestChangesHint",
    submit: "sendRequest",
    required: true,
  },
  accept: { title: "accept", field: "note", hint: "acceptHint", submit: "confirmAccept", required: false },
  reject: { title: "reject", field: "reason", hint: "rejectHint", submit: "confirmReject", required: true },
};

/**
 * One decision on a dossier. It carries the status the reviewer saw (expectedStatus): if the
 * dossier changed meanwhile, the server refuses with "this dossier changed".
 */
export function DecisionForm({
  decision,
  applicationId,
  expectedStatus,
}: {
  decision: Decision;
  applicationId: string;
  expectedStatus: string;
}) {
  const t = useTranslations("review.dossier");
  const { failed, formAction } = useFormAction(decideAction);
  const hidden = (
    <>
      <input type="hidden" name="decision" value={decision} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="expectedStatus" value={expectedStatus} />
    </>
  );
  if (decision === "startReview") {
    return (
      <form action={formAction} className="flex flex-col gap-2">
        <FormAlert message={failed?.message} />
        {hidden}
        <div>
          <SubmitButton label={t("startReview")} pendingLabel={t("working")} />
        </div>
      </form>
    );
  }
  const text = texts[decision];
  // A rejection ends the application: it looks destructive and asks before it is sent.
  const destructive = decision === "reject";
  return (
    <form
      action={formAction}
      noValidate
      className={`flex flex-col gap-3 rounded border bg-white p-4 ${destructive ? "border-red-700" : "border-slate-300"}`}
    >
      <h3 className="text-lg font-semibold">{t(text.title)}</h3>
      <FormAlert message={failed?.message} />
      {hidden}
      <TextAreaField
        id={`${decision}-message`}
        name="message"
        label={t(text.field)}
        hint={t(text.hint)}
        required={text.required}
        maxLength={4000}
        defaultValue={failed?.values.message ?? ""}
        error={failed?.fieldErrors.message}
      />
      <div>
        {destructive ? (
          <ConfirmSubmitButton
            label={t(text.submit)}
            pendingLabel={t("working")}
            confirmation={t("confirmRejectQuestion")}
          />
        ) : (
          <SubmitButton label={t(text.submit)} pendingLabel={t("working")} />
        )}
      </div>
    </form>
  );
}

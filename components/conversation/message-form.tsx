"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { sendStaffMessageAction, sendStudentMessageAction } from "@/lib/conversation/actions";
import { messageMaxLength } from "@/lib/conversation/rules";

/**
 * R-MSG-3: writes a message to the other side. A student writes on their own dossier (no id is
 * sent); staff name the dossier. A refusal keeps the text and shows the field's error.
 */
export function MessageForm({ applicationId }: { applicationId?: string }) {
  const t = useTranslations("conversation");
  const { failed, formAction } = useFormAction(applicationId ? sendStaffMessageAction : sendStudentMessageAction);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-3">
      <FormAlert message={failed?.message} />
      {applicationId && <input type="hidden" name="applicationId" value={applicationId} />}
      <TextAreaField
        // Not "body": the review page's internal-comment form has a field of that name too.
        id="message-body"
        name="body"
        label={t("bodyLabel")}
        hint={t("bodyHint")}
        required
        // One more than allowed, so that an over-long paste is refused with its message, not cut.
        maxLength={messageMaxLength + 1}
        defaultValue={failed?.values.body ?? ""}
        error={failed?.fieldErrors.body}
      />
      <div>
        <SubmitButton label={t("send")} pendingLabel={t("sending")} />
      </div>
    </form>
  );
}
